def inner():
    x = yield 'inner-1'
    print('inner got', x)
    y = yield 'inner-2'
    print('inner got', y)
    return 'inner-result'
def outer():
    result = yield from inner()
    print('outer got result', result)
    yield 'outer-final'
o = outer()
print(next(o))
print(o.send('A'))
print(o.send('B'))
try:
    next(o)
except StopIteration:
    print('done')
def chain(*iterables):
    for it in iterables:
        yield from it
print(list(chain([1, 2], 'ab', range(2), (x * 10 for x in range(2)))))
def flatten(x):
    if isinstance(x, list):
        for i in x:
            yield from flatten(i)
    else:
        yield x
print(list(flatten([1, [2, [3, [4]], 5], [[6]]])))
def delegator():
    r = yield from ()
    return r
print(list(delegator()))
