def g():
    x = yield 1
    print('x =', x)
    y = (yield x * 2) + 10
    print('y =', y)
    z = yield
    print('z =', z)
    yield [(yield 'inner'), 'outer']
gen = g()
print(next(gen))
print(gen.send(5))
print(gen.send(7))
print(gen.send('zz'))
print(gen.send('in'))
