# expect: handwritten
# MicroPython lets `await` take a plain generator (no types.coroutine decorator), which
# CPython refuses; programs written for MicroPython rely on it. Async generators stay
# non-awaitable.
def wait(value):
    print("wait", value)
    got = yield "from wait %d" % value
    print("wait got", got)
    return value * 10


async def main():
    x = await wait(1)
    print("x", x)
    y = await wait(2)
    return x + y


coro = main()
print(coro.send(None))
print(coro.send("first"))
try:
    coro.send("second")
except StopIteration as e:
    print("done", e.value)


async def agen():
    yield 1


async def bad():
    await agen()


try:
    bad().send(None)
except TypeError as e:
    print("TypeError", e)
