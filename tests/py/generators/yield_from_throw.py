def inner():
    try:
        yield 1
        yield 2
    except ValueError as e:
        print('inner caught', e)
        yield 'inner-handled'
    finally:
        print('inner finally')
def outer():
    try:
        yield from inner()
    except KeyError as e:
        print('outer caught', repr(e))
        yield 'outer-handled'
    yield 'outer-end'
g = outer()
print(next(g))
print(g.throw(ValueError('v')))
print(next(g))
g2 = outer()
next(g2)
print(g2.throw(KeyError('k')))
print(next(g2))
g3 = outer()
next(g3)
g3.close()
print('g3 closed')
