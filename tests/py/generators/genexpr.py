g = (x * x for x in range(5))
print(type(g).__name__, next(g), list(g), list(g))
print(sum(x for x in range(101)), max(len(s) for s in ['a', 'bbb', 'cc']))
nested = ((i, j) for i in range(3) for j in range(i))
print(list(nested))
filtered = (c for c in 'Hello World' if c.isupper())
print(''.join(filtered))
x = 10
lazy = (x + i for i in range(3))
x = 20
print(list(lazy))
try:
    bad = (1 / i for i in [1, 0])
    print(next(bad))
    print(next(bad))
except ZeroDivisionError as e:
    print('ZeroDivisionError', e)
try:
    (i for i in 5)
except TypeError as e:
    print('TypeError', e)
