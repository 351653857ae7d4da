# Cycles through an async generator's pending __anext__() awaitable are collected: the awaitable
# holds the generator, whose frame holds the awaitable.
import gc


async def agen(box):
    yield 1


class Box:
    pass


gc.collect()
gc.disable()
for i in range(500):
    b = Box()
    g = agen(b)
    b.step = g.__anext__()
    b.gen = g
    b.self = b
    del b, g
print(gc.collect() >= 500)
print(gc.collect())
gc.enable()
