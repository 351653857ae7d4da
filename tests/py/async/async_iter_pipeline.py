class ARange:
    def __init__(self, n):
        self.n = n
    def __aiter__(self):
        self.i = 0
        return self
    async def __anext__(self):
        if self.i >= self.n:
            raise StopAsyncIteration
        self.i += 1
        return self.i - 1
async def amap(f, ait):
    async for x in ait:
        yield f(x)
async def afilter(pred, ait):
    async for x in ait:
        if pred(x):
            yield x
async def collect(ait):
    return [x async for x in ait]
def run(coro):
    try:
        while True:
            coro.send(None)
    except StopIteration as e:
        return e.value
print(run(collect(amap(lambda v: v * v, afilter(lambda v: v % 2, ARange(10))))))
print(run(collect(ARange(0))))
async def total():
    s = 0
    async for v in amap(lambda x: x + 1, ARange(5)):
        s += v
    return s
print(run(total()))
