async def f():
    return 1
c = f()
try:
    next(c)
except TypeError as e:
    print('TypeError', e)
try:
    iter(c)
except TypeError as e:
    print('TypeError', e)
c.close()
async def g():
    return 2
co = g()
try:
    co.send(None)
except StopIteration as e:
    print('value', e.value)
try:
    co.send(None)
except RuntimeError as e:
    print('RuntimeError', e)


