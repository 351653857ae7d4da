def accumulator():
    total = 0
    while True:
        value = yield total
        if value is None:
            break
        total += value
    return total
acc = accumulator()
print(next(acc))
print(acc.send(10))
print(acc.send(5))
try:
    acc.send(None)
except StopIteration as e:
    print('returned', e.value)
def echo():
    received = yield 'ready'
    while True:
        received = yield f'got {received}'
e = echo()
print(e.send(None))
print(e.send('a'))
print(e.send('b'))
g = echo()
try:
    g.send('too early')
except TypeError as ex:
    print('TypeError', ex)
