def g():
    yield 1
    yield 2
    return 'done'
it = g()
print(list(it))
it = g()
next(it); next(it)
try:
    next(it)
except StopIteration as e:
    print(repr(e.value))
def only_return():
    return 42
    yield
try:
    next(only_return())
except StopIteration as e:
    print(e.value, e.args)
def ret_none():
    yield
try:
    gen = ret_none()
    next(gen)
    next(gen)
except StopIteration as e:
    print(e.value, e.args)
