import asyncio

async def sleeper(name):
    try:
        print(name, "start")
        await asyncio.sleep(1)
        print(name, "not reached")
    except asyncio.CancelledError:
        print(name, "cancelled")
        raise
    finally:
        print(name, "finally")

async def main():
    t = asyncio.create_task(sleeper("s1"))
    await asyncio.sleep(0.01)
    print("cancel ->", t.cancel())
    try:
        await t
    except asyncio.CancelledError:
        print("await raised CancelledError")
    print(t.done(), t.cancel())

    # cancel a task that awaits another task
    inner = asyncio.create_task(sleeper("inner"))
    async def outer():
        try:
            await inner
        except asyncio.CancelledError:
            print("outer got CancelledError")
            raise
    o = asyncio.create_task(outer())
    await asyncio.sleep(0.01)
    o.cancel()
    try:
        await o
    except asyncio.CancelledError:
        print("outer cancelled", inner.done())

    # task that swallows the cancellation
    async def stubborn():
        try:
            await asyncio.sleep(1)
        except asyncio.CancelledError:
            print("ignoring cancel")
        return "finished"
    s = asyncio.create_task(stubborn())
    await asyncio.sleep(0)
    s.cancel()
    print(await s)

    # cancelled before it starts
    n = asyncio.create_task(sleeper("never"))
    n.cancel()
    try:
        await n
    except asyncio.CancelledError:
        print("cancelled before start")
    print(issubclass(asyncio.CancelledError, BaseException), issubclass(asyncio.CancelledError, Exception))

asyncio.run(main())
