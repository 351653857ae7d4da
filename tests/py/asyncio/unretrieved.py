# A task that fails is reported to the exception handler only if nobody retrieves its
# exception soon after; gather raises at once for a child that has already failed.
import asyncio


def handler(loop, context):
    print("handler:", repr(context["exception"]))


async def fail(n):
    raise ValueError(n)


async def ticker(log):
    for i in range(3):
        log.append(i)
        await asyncio.sleep(0)


async def main():
    asyncio.get_event_loop().set_exception_handler(handler)
    t = asyncio.create_task(fail(1))
    await asyncio.sleep(0)
    try:
        await t
    except ValueError as e:
        print("retrieved", repr(e))
    log = []
    tick = asyncio.create_task(ticker(log))
    a = asyncio.create_task(fail(2))
    b = asyncio.create_task(fail(3))
    await asyncio.sleep(0)
    try:
        await asyncio.gather(tick, a, b)
    except ValueError as e:
        print("gather", repr(e), tick.done())
    await tick
    print(log)


asyncio.run(main())
