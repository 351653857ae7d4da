async def add(a, b):
    return a + b
c = add(1, 2)
print(type(c).__name__)
try:
    c.send(None)
except StopIteration as e:
    print('result', e.value)
def run(coro):
    try:
        while True:
            coro.send(None)
    except StopIteration as e:
        return e.value
async def compose():
    x = await add(1, 2)
    y = await add(x, 10)
    return x, y
print(run(compose()))
async def nothing():
    pass
print(run(nothing()))
c2 = add(0, 0)
c2.close()
print('closed unstarted coroutine')
