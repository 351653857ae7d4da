def g():
    yield 1
gen = g()
print(gen.__name__, gen.__qualname__ if hasattr(gen, '__qualname__') else 'g')
print(iter(gen) is gen, hasattr(gen, '__next__'), hasattr(gen, 'send'))
def recursive_gen(n):
    if n > 0:
        yield n
        yield from recursive_gen(n - 1)
print(list(recursive_gen(5)))
def self_ref():
    yield me
me = self_ref()
print(next(me) is me)
def reentrant():
    yield next(r)
r = reentrant()
try:
    next(r)
except ValueError as e:
    print('ValueError', e)
