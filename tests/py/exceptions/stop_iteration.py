it = iter([1])
print(next(it))
try:
    next(it)
except StopIteration as e:
    print('StopIteration', repr(e), e.value)
def g():
    yield 1
    return 'ret'
gen = g()
next(gen)
try:
    next(gen)
except StopIteration as e:
    print('value', e.value, e.args)
def bad():
    yield 1
    raise StopIteration('inside')
try:
    list(bad())
except RuntimeError as e:
    print('RuntimeError', e)
