def count(n):
    print('start')
    for i in range(n):
        print('yielding', i)
        yield i
    print('end')
g = count(2)
print(type(g).__name__)
print(next(g))
print(next(g))
try:
    next(g)
except StopIteration:
    print('StopIteration')
print(list(count(3)))
def empty():
    return
    yield
print(list(empty()))
def fib():
    a, b = 0, 1
    while True:
        yield a
        a, b = b, a + b
f = fib()
print([next(f) for _ in range(12)])
