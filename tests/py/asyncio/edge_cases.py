import asyncio

async def ev_timeout():
    ev = asyncio.Event()
    try:
        await asyncio.wait_for(ev.wait(), 0.01)
    except asyncio.TimeoutError:
        print("event wait timed out")
    async def setter():
        await asyncio.sleep(0.01)
        ev.set()
    asyncio.create_task(setter())
    print("event wait_for ->", await asyncio.wait_for(ev.wait(), 1))

asyncio.run(ev_timeout())

async def lock_cancel():
    lock = asyncio.Lock()
    log = []
    async def user(name, d):
        try:
            async with lock:
                log.append(name)
                await asyncio.sleep(d)
        except asyncio.CancelledError:
            log.append(name + " cancelled")
            raise
    a = asyncio.create_task(user("a", 0.02))
    b = asyncio.create_task(user("b", 0))
    c = asyncio.create_task(user("c", 0))
    await asyncio.sleep(0.005)
    b.cancel()
    await asyncio.gather(a, c, b, return_exceptions=True)
    print(log, lock.locked())

asyncio.run(lock_cancel())

async def gather_cancel():
    async def child(n):
        try:
            await asyncio.sleep(1)
        except asyncio.CancelledError:
            print("child", n, "cancelled")
            raise
    async def parent():
        await asyncio.gather(child(1), child(2))
    p = asyncio.create_task(parent())
    await asyncio.sleep(0.01)
    p.cancel()
    try:
        await p
    except asyncio.CancelledError:
        print("parent cancelled")

asyncio.run(gather_cancel())

async def ordering():
    async def say(s):
        print(s)
    asyncio.create_task(say("first"))
    asyncio.create_task(say("second"))
    print("before yield")
    await asyncio.sleep(0)
    print("after yield")
    async def nested():
        asyncio.create_task(say("grandchild"))
        return "nested"
    print(await nested())
    await asyncio.sleep(0)

asyncio.run(ordering())

async def outer_timeout():
    async def inner():
        try:
            await asyncio.sleep(1)
        finally:
            print("inner finally")
    try:
        await asyncio.wait_for(inner(), 0.01)
    except asyncio.TimeoutError:
        print("timed out, then cleanup done")

asyncio.run(outer_timeout())

async def results():
    async def r(x):
        await asyncio.sleep(0.001 * x)
        return x
    tasks = [asyncio.create_task(r(x)) for x in (3, 1, 2)]
    print([await t for t in tasks])
    print(await asyncio.gather(*tasks))

asyncio.run(results())
