import asyncio

async def val(x, d):
    await asyncio.sleep(d)
    print("val", x)
    return x * 10

async def fail(d):
    await asyncio.sleep(d)
    raise KeyError("k")

async def main():
    r = await asyncio.gather(val(1, 0.03), val(2, 0.01), val(3, 0.02))
    print(r)
    r = await asyncio.gather(val(4, 0.01), fail(0.02), return_exceptions=True)
    print(r[0], type(r[1]).__name__)
    try:
        await asyncio.gather(val(5, 0.03), fail(0.01))
    except KeyError as e:
        print("gather raised KeyError")
    await asyncio.sleep(0.04)
    print(await asyncio.gather())
    t = asyncio.create_task(val(6, 0))
    print(await asyncio.gather(t, val(7, 0)))

asyncio.run(main())

async def slow():
    try:
        await asyncio.sleep(1)
    except asyncio.CancelledError:
        print("slow cancelled")
        raise
    return "never"

async def quick():
    await asyncio.sleep(0.01)
    return "quick"

async def wmain():
    print(await asyncio.wait_for(quick(), 0.5))
    try:
        await asyncio.wait_for(slow(), 0.02)
    except asyncio.TimeoutError:
        print("timeout")
    print(await asyncio.wait_for(quick(), None))

asyncio.run(wmain())
