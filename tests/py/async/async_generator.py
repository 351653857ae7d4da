async def agen(n):
    for i in range(n):
        yield i * i
    print('agen done')
def run(coro):
    try:
        while True:
            coro.send(None)
    except StopIteration as e:
        return e.value
async def main():
    res = []
    async for v in agen(4):
        res.append(v)
    return res
print(run(main()))
g = agen(2)
print(type(g).__name__)
async def manual():
    it = g.__aiter__()
    a = await it.__anext__()
    b = await it.__anext__()
    try:
        await it.__anext__()
    except StopAsyncIteration:
        return a, b, 'stopped'
print(run(manual()))
async def asend_demo():
    async def echo():
        x = None
        while True:
            x = yield x
    e = echo()
    await e.asend(None)
    r1 = await e.asend('hello')
    r2 = await e.asend('world')
    await e.aclose()
    return r1, r2
print(run(asend_demo()))
