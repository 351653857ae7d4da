import asyncio
class Fut:
    def __await__(self):
        yield from asyncio.sleep(0.01).__await__() if False else ()
        return 7
async def c():
    await asyncio.sleep(0.01)
    return 3
async def main():
    print(await asyncio.gather(c(), Fut()))
asyncio.run(main())
