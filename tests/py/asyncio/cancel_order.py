# Cancelling a task that is already due to run keeps its place in the run order; a task
# cancelled again and again still gets to handle the cancellation; current_task() outside a
# loop is a RuntimeError; wait_for that is itself cancelled cancels what it waits on first.
import asyncio


async def worker(name, victim, log):
    for i in range(2):
        try:
            log.append("run %s" % name)
            await asyncio.sleep(0)
            log.append("resume %s" % name)
        except asyncio.CancelledError:
            log.append("cancelled %s" % name)
        if victim is not None:
            victim.cancel()


async def spin(log):
    try:
        while True:
            await asyncio.sleep(0)
    except asyncio.CancelledError:
        log.append("spin cancelled")


async def nagger(n, other, log):
    while other.cancel():
        await asyncio.sleep(0)
    log.append("nagger %d done" % n)


async def slow(log, swallow):
    try:
        await asyncio.sleep(1)
    except asyncio.CancelledError:
        log.append("slow cancelled")
        if swallow:
            return "swallowed"
        raise


async def waiter(log, swallow):
    try:
        r = await asyncio.wait_for(slow(log, swallow), 0.5)
        log.append("waiter got %r" % (r,))
    except asyncio.CancelledError:
        log.append("waiter cancelled")
        raise


async def main():
    log = []
    ts = []
    ts.append(asyncio.create_task(worker("a", None, log)))
    ts.append(asyncio.create_task(worker("b", None, log)))
    ts.append(asyncio.create_task(worker("c", None, log)))
    await asyncio.sleep(0)
    ts[1].cancel()
    await asyncio.gather(*ts)
    print(log)

    log = []
    s = asyncio.create_task(spin(log))
    naggers = [asyncio.create_task(nagger(i, s, log)) for i in range(3)]
    await asyncio.gather(s, *naggers)
    print(log)

    print(asyncio.current_task() is not None)
    for swallow in (False, True):
        log = []
        w = asyncio.create_task(waiter(log, swallow))
        await asyncio.sleep(0.01)
        w.cancel()
        try:
            await w
        except asyncio.CancelledError:
            log.append("main saw cancel")
        print(log)


try:
    asyncio.current_task()
except RuntimeError as e:
    print("RuntimeError", e)
asyncio.run(main())
