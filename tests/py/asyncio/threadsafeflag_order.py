# expect: handwritten
# ThreadSafeFlag is MicroPython-only: a set() wakes the waiting task when the loop next looks
# for outside events, after the tasks already due to run (here: main, back from sleep(0)).
import asyncio


async def waiter(flag, log):
    log.append("wait")
    await flag.wait()
    log.append("woken")


async def main():
    log = []
    flag = asyncio.ThreadSafeFlag()
    t = asyncio.create_task(waiter(flag, log))
    await asyncio.sleep(0)
    flag.set()
    log.append("set")
    await asyncio.sleep(0)
    log.append("main again")
    await t
    flag.set()
    await flag.wait()
    log.append("already set")
    print(log)


asyncio.run(main())
