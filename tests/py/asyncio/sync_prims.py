import asyncio

async def waiter(ev, name):
    print(name, "waiting", ev.is_set())
    r = await ev.wait()
    print(name, "woke", r)

async def ev_main():
    ev = asyncio.Event()
    ts = [asyncio.create_task(waiter(ev, n)) for n in ("a", "b")]
    await asyncio.sleep(0.01)
    print("setting")
    ev.set()
    for t in ts:
        await t
    print(ev.is_set())
    ev.clear()
    print(ev.is_set())
    ev.set()
    await ev.wait()
    print("no wait when set")

asyncio.run(ev_main())

async def locker(lock, name, log):
    async with lock:
        log.append(name + "+")
        await asyncio.sleep(0.01)
        log.append(name + "-")

async def lock_main():
    lock = asyncio.Lock()
    print(lock.locked())
    log = []
    await asyncio.gather(locker(lock, "a", log), locker(lock, "b", log), locker(lock, "c", log))
    print(log)
    await lock.acquire()
    print(lock.locked())
    lock.release()
    print(lock.locked())
    try:
        lock.release()
    except RuntimeError:
        print("RuntimeError")

asyncio.run(lock_main())
