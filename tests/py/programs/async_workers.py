# asyncio: gather, create_task, a producer/consumer queue, events, locks,
# timeouts, cancellation and exceptions in tasks.
import asyncio

log = []


async def worker(name, delay, result):
    log.append(f"{name} start")
    await asyncio.sleep(delay)
    log.append(f"{name} done")
    return result


async def failing(delay):
    await asyncio.sleep(delay)
    raise ValueError(f"failed after {delay}")


async def producer(q, n):
    for i in range(n):
        await q.put(i)
        await asyncio.sleep(0.001)
    await q.put(None)


async def consumer(q, out):
    while True:
        item = await q.get()
        if item is None:
            break
        out.append(item * item)


async def waiter(ev, name, out):
    await ev.wait()
    out.append(name)


async def locked_increment(lock, state, n):
    for _ in range(n):
        async with lock:
            v = state["count"]
            await asyncio.sleep(0)
            state["count"] = v + 1


async def slow():
    try:
        await asyncio.sleep(10)
    except asyncio.CancelledError:
        log.append("slow cancelled")
        raise


async def main():
    results = await asyncio.gather(worker("a", 0.02, 1), worker("b", 0.01, 2), worker("c", 0, 3))
    print("gather:", results)
    print(log)

    t1 = asyncio.create_task(worker("t1", 0.01, "x"))
    t2 = asyncio.create_task(worker("t2", 0.005, "y"))
    print("tasks:", await t1, await t2, t1.done())

    r = await asyncio.gather(worker("ok", 0, "fine"), failing(0.001), return_exceptions=True)
    print("with exceptions:", [type(x).__name__ if isinstance(x, Exception) else x for x in r], str(r[1]))
    try:
        await asyncio.gather(failing(0), worker("z", 0.01, 0))
    except ValueError as e:
        print("gather raised:", e)

    q = asyncio.Queue()
    out = []
    await asyncio.gather(producer(q, 5), consumer(q, out))
    print("queue:", out, q.empty())

    ev = asyncio.Event()
    seen = []
    tasks = [asyncio.create_task(waiter(ev, n, seen)) for n in "xyz"]
    await asyncio.sleep(0)
    print("before set:", seen, ev.is_set())
    ev.set()
    await asyncio.gather(*tasks)
    print("after set:", sorted(seen), ev.is_set())

    lock = asyncio.Lock()
    state = {"count": 0}
    await asyncio.gather(*(locked_increment(lock, state, 10) for _ in range(3)))
    print("locked count:", state["count"], lock.locked())

    try:
        await asyncio.wait_for(asyncio.sleep(1), 0.01)
    except asyncio.TimeoutError:
        print("timed out")
    print("wait_for ok:", await asyncio.wait_for(worker("w", 0, "quick"), 1))

    task = asyncio.create_task(slow())
    await asyncio.sleep(0.001)
    task.cancel()
    try:
        await task
    except asyncio.CancelledError:
        print("task cancelled:", task.cancelled() if hasattr(task, "cancelled") else True)
    print(log[-1])

    async def countdown(n):
        while n:
            yield n
            n -= 1
            await asyncio.sleep(0)

    print("async gen:", [x async for x in countdown(4)])

    class Resource:
        async def __aenter__(self):
            print("acquire")
            return self

        async def __aexit__(self, *exc):
            print("release", exc[0].__name__ if exc[0] else None)
            return True

    async with Resource() as res:
        raise KeyError("swallowed")
    print("after async with", type(res).__name__)

    sem = asyncio.Semaphore(2)
    active = []
    peak = [0]

    async def limited(i):
        async with sem:
            active.append(i)
            peak[0] = max(peak[0], len(active))
            await asyncio.sleep(0.001)
            active.remove(i)
        return i

    print("semaphore:", await asyncio.gather(*(limited(i) for i in range(5))), "peak", peak[0])
    return "main done"


print(asyncio.run(main()))
