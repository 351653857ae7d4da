import asyncio

async def val(x, delay):
    await asyncio.sleep(delay)
    return x

async def boom(delay):
    await asyncio.sleep(delay)
    raise ValueError("boom")

def names(s):
    return sorted(t.get_name() for t in s)

async def main():
    a = asyncio.create_task(val("a", 0.2), name="a")
    b = asyncio.create_task(val("b", 0.01), name="b")
    done, pending = await asyncio.wait([a, b], return_when=asyncio.FIRST_COMPLETED)
    print(names(done), names(pending), type(done).__name__)
    done, pending = await asyncio.wait([a, b])
    print(names(done), names(pending), a.result(), b.result())

    # timeout
    c = asyncio.create_task(val("c", 0.3), name="c")
    d = asyncio.create_task(val("d", 0.01), name="d")
    done, pending = await asyncio.wait({c, d}, timeout=0.1)
    print(names(done), names(pending), c.done())
    c.cancel()
    await asyncio.sleep(0)

    # FIRST_EXCEPTION
    e = asyncio.create_task(boom(0.01), name="e")
    f = asyncio.create_task(val("f", 0.2), name="f")
    done, pending = await asyncio.wait([e, f], return_when=asyncio.FIRST_EXCEPTION)
    print(names(done), names(pending), repr(e.exception()))
    done, pending = await asyncio.wait([e, f], return_when=asyncio.FIRST_EXCEPTION)
    print(names(done), names(pending))

    # already done
    done, pending = await asyncio.wait([a], return_when=asyncio.FIRST_COMPLETED)
    print(names(done), names(pending))

    # errors
    try:
        await asyncio.wait([])
    except ValueError as ex:
        print("ValueError", ex)
    try:
        await asyncio.wait([a], return_when="bogus")
    except ValueError as ex:
        print("ValueError", ex)

    print(asyncio.FIRST_COMPLETED, asyncio.FIRST_EXCEPTION, asyncio.ALL_COMPLETED)

    # as_completed yields results in completion order
    ts = [asyncio.create_task(val(n, d)) for n, d in (("slow", 0.3), ("fast", 0.01), ("mid", 0.12))]
    for aw in asyncio.as_completed(ts):
        print("got", await aw)

    # exceptions come out of the awaitable
    ts = [asyncio.create_task(boom(0.01)), asyncio.create_task(val("ok", 0.15))]
    for aw in asyncio.as_completed(ts):
        try:
            print("got", await aw)
        except ValueError as ex:
            print("raised", ex)

    # timeout
    ts = [asyncio.create_task(val("quick", 0.01)), asyncio.create_task(val("never", 0.5))]
    try:
        for aw in asyncio.as_completed(ts, timeout=0.15):
            print("got", await aw)
    except asyncio.TimeoutError:
        print("as_completed timed out")
    for t in ts:
        t.cancel()
    await asyncio.sleep(0)

    # shield: cancelling the outer wait leaves the inner task running
    inner = asyncio.create_task(val("inner", 0.1))
    async def outer():
        return await asyncio.shield(inner)
    o = asyncio.create_task(outer())
    await asyncio.sleep(0.01)
    o.cancel()
    try:
        await o
    except asyncio.CancelledError:
        print("outer cancelled", inner.done(), inner.cancelled())
    print(await inner)
    try:
        await asyncio.wait_for(asyncio.shield(inner), 1)
    except Exception as ex:
        print("bad", ex)
    print("shield done")
    inner2 = asyncio.create_task(val("inner2", 0.2))
    try:
        await asyncio.wait_for(asyncio.shield(inner2), 0.01)
    except asyncio.TimeoutError:
        print("timeout; inner2 still running:", not inner2.done())
    print(await inner2)

asyncio.run(main())
