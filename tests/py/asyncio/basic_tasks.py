import asyncio

async def worker(name, delay, n):
    for i in range(n):
        print(name, i)
        await asyncio.sleep(delay)
    return name + "-done"

async def main():
    t1 = asyncio.create_task(worker("a", 0.02, 3))
    t2 = asyncio.create_task(worker("b", 0.07, 2))
    print("created", t1.done(), t2.done())
    r1 = await t1
    r2 = await t2
    print(r1, r2, t1.done(), t2.done())
    print(asyncio.current_task() is not None)
    await asyncio.sleep(0)
    return 7

print(asyncio.run(main()))

async def order():
    log = []
    async def f(tag, d):
        await asyncio.sleep(d)
        log.append(tag)
    ts = [asyncio.create_task(f(t, d)) for t, d in (("x", 0.15), ("y", 0.05), ("z", 0.1), ("w", 0))]
    for t in ts:
        await t
    print(log)

asyncio.run(order())

async def yielding(tag, n):
    for i in range(n):
        print(tag, i)
        await asyncio.sleep(0)

async def rr():
    a = asyncio.create_task(yielding("p", 3))
    b = asyncio.create_task(yielding("q", 3))
    await a
    await b

asyncio.run(rr())

async def boom():
    await asyncio.sleep(0)
    raise ValueError("bad")

async def catcher():
    t = asyncio.create_task(boom())
    try:
        await t
    except ValueError as e:
        print("caught", e)
    try:
        await t
    except ValueError as e:
        print("again", e)

asyncio.run(catcher())
try:
    asyncio.run(boom())
except ValueError as e:
    print("run raised", e)
