async def coro_func(x):
    return x
def plain():
    return 1
c = coro_func(5)
print(type(c).__name__, c.__name__ if hasattr(c, '__name__') else 'coro_func')
print(hasattr(c, 'send'), hasattr(c, 'throw'), hasattr(c, 'close'), hasattr(c, '__await__'))
try:
    c.send(None)
except StopIteration as e:
    print('value', e.value)
c2 = coro_func(1)
try:
    c2.throw(ValueError('thrown in'))
except ValueError as e:
    print('ValueError', e)
async def agen():
    yield 1
print(type(agen()).__name__, hasattr(agen(), '__anext__'))
