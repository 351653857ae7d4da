import asyncio

async def main():
    sem = asyncio.Semaphore(2)
    running = [0]
    peak = [0]
    log = []
    async def job(i):
        async with sem:
            running[0] += 1
            peak[0] = max(peak[0], running[0])
            log.append(("start", i))
            await asyncio.sleep(0.02)
            running[0] -= 1
    await asyncio.gather(*[job(i) for i in range(6)])
    print("peak", peak[0], len(log))
    print(sorted(i for _, i in log))

    s = asyncio.Semaphore(1)
    print(s.locked())
    print(await s.acquire())
    print(s.locked())
    s.release()
    print(s.locked())
    s.release()
    print(s.locked())  # plain Semaphore may go above the initial value
    try:
        asyncio.Semaphore(-1)
    except ValueError as e:
        print("ValueError", e)

    b = asyncio.BoundedSemaphore(2)
    await b.acquire()
    b.release()
    try:
        b.release()
    except ValueError as e:
        print("ValueError", e)

    # a waiter blocks until release
    s = asyncio.Semaphore(0)
    order = []
    async def waiter(n):
        await s.acquire()
        order.append(n)
    ts = [asyncio.create_task(waiter(n)) for n in range(3)]
    await asyncio.sleep(0.01)
    print("none yet", order)
    s.release()
    await asyncio.sleep(0.01)
    print(len(order))
    s.release()
    s.release()
    await asyncio.gather(*ts)
    print(sorted(order))

    # cancelling a waiter does not consume a slot
    s = asyncio.Semaphore(0)
    t = asyncio.create_task(s.acquire())
    await asyncio.sleep(0)
    t.cancel()
    try:
        await t
    except asyncio.CancelledError:
        print("cancelled")
    s.release()
    print(s.locked(), await s.acquire())

    # first come, first served: a newcomer does not overtake waiters
    s = asyncio.Semaphore(1)
    order = []
    async def user(n):
        async with s:
            order.append(n)
            await asyncio.sleep(0.005)
    await s.acquire()
    ws = [asyncio.create_task(user(n)) for n in range(3)]
    await asyncio.sleep(0.01)
    s.release()
    late = asyncio.create_task(user("late"))
    await asyncio.gather(late, *ws)
    print(order, s.locked())

asyncio.run(main())
