import asyncio

async def producer(q, n, tag):
    for i in range(n):
        await q.put((tag, i))
        print("put", tag, i, q.qsize())
    await q.put(None)

async def consumer(q, out):
    while True:
        item = await q.get()
        q.task_done()
        if item is None:
            return
        out.append(item)
        await asyncio.sleep(0)

async def main():
    q = asyncio.Queue(maxsize=2)
    print(q.maxsize, q.empty(), q.full(), q.qsize())
    out = []
    c = asyncio.create_task(consumer(q, out))
    await producer(q, 5, "a")
    await c
    print(out)
    await q.join()
    print("joined", q.empty())

    # nowait API and exceptions
    q = asyncio.Queue(1)
    q.put_nowait(1)
    print(q.full())
    try:
        q.put_nowait(2)
    except asyncio.QueueFull:
        print("QueueFull")
    print(q.get_nowait())
    try:
        q.get_nowait()
    except asyncio.QueueEmpty:
        print("QueueEmpty")
    q.task_done()
    try:
        q.task_done()
    except ValueError as e:
        print("ValueError", e)

    # get waits for put
    q = asyncio.Queue()
    async def late():
        await asyncio.sleep(0.01)
        q.put_nowait("late")
    t = asyncio.create_task(late())
    print(await q.get())
    await t

    # join waits for task_done
    q = asyncio.Queue()
    for i in range(3):
        q.put_nowait(i)
    log = []
    async def worker():
        while not q.empty():
            x = await q.get()
            await asyncio.sleep(0.005)
            log.append(x)
            q.task_done()
    w = asyncio.create_task(worker())
    await q.join()
    print("join done", log)
    await w

    # cancelled getter does not lose items
    q = asyncio.Queue()
    g = asyncio.create_task(q.get())
    await asyncio.sleep(0)
    g.cancel()
    await asyncio.sleep(0)
    q.put_nowait("x")
    print(g.cancelled(), await q.get())

    # wait_for on a get times out
    try:
        await asyncio.wait_for(q.get(), 0.01)
    except asyncio.TimeoutError:
        print("get timed out")

    # several consumers
    q = asyncio.Queue()
    res = []
    async def cons(name):
        while True:
            x = await q.get()
            if x is None:
                break
            res.append(x)
            await asyncio.sleep(0)
    cs = [asyncio.create_task(cons(n)) for n in "ab"]
    for i in range(10):
        await q.put(i)
    for _ in cs:
        await q.put(None)
    await asyncio.gather(*cs)
    print(sorted(res))

    # LifoQueue and PriorityQueue
    lq = asyncio.LifoQueue()
    pq = asyncio.PriorityQueue()
    for x in (3, 1, 2):
        lq.put_nowait(x)
        pq.put_nowait(x)
    print([lq.get_nowait() for _ in range(3)])
    print([pq.get_nowait() for _ in range(3)])
    pq = asyncio.PriorityQueue(2)
    await pq.put((2, "b"))
    await pq.put((1, "a"))
    print(pq.full(), await pq.get(), await pq.get())

asyncio.run(main())
