# An asyncio pipeline: a producer feeds work items through a bounded Queue to
# three workers, a Semaphore limits how many run their "slow" step at once,
# and results flow through a second Queue to a collector.
# Runs on `ferropy examples/asyncio_pipeline.py`, in the browser and under CPython.
import asyncio


async def producer(jobs, n):
    for i in range(n):
        await jobs.put(i)  # waits while the queue is full
        print("produced", i)
    print("producer done")


async def worker(name, jobs, results, slow):
    while True:
        i = await jobs.get()
        async with slow:
            await asyncio.sleep(0.01)
            await results.put((i, i * i, name))
        jobs.task_done()


async def collector(results, n):
    total = 0
    for _ in range(n):
        i, sq, name = await results.get()
        print("result %d^2 = %d (by %s)" % (i, sq, name))
        total += sq
    return total


async def main():
    n = 10
    jobs = asyncio.Queue(maxsize=3)
    results = asyncio.Queue()
    slow = asyncio.Semaphore(2)
    workers = [
        asyncio.create_task(worker("w%d" % k, jobs, results, slow)) for k in range(3)
    ]
    coll = asyncio.create_task(collector(results, n))
    await producer(jobs, n)
    await jobs.join()  # every job processed
    for w in workers:
        w.cancel()
    done, pending = await asyncio.wait(workers)
    print("workers stopped:", len(done), "pending:", len(pending))
    print("sum of squares:", await coll, "expected:", sum(i * i for i in range(n)))


asyncio.run(main())
