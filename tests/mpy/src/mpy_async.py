# async def / await / async with / async for with asyncio.
import asyncio


async def work(name, delay, out):
    await asyncio.sleep(delay)
    out.append(name)
    return name * 2


class Lockish:
    async def __aenter__(self):
        print("aenter")
        return self

    async def __aexit__(self, t, v, tb):
        print("aexit", t.__name__ if t else None)
        return False


class Ticker:
    def __init__(self, n):
        self.n = n

    def __aiter__(self):
        return self

    async def __anext__(self):
        if self.n == 0:
            raise StopAsyncIteration
        self.n -= 1
        await asyncio.sleep(0)
        return self.n


async def main():
    out = []
    r = await asyncio.gather(work("b", 0.1, out), work("a", 0, out))
    print(r, out)
    async with Lockish() as l:
        print("inside", type(l).__name__)
    try:
        async with Lockish():
            raise ValueError("x")
    except ValueError:
        print("caught in main")
    async for v in Ticker(3):
        print("tick", v)
    t = asyncio.create_task(work("c", 0, out))
    print(await t, out)
    return "main done"


print(asyncio.run(main()))
