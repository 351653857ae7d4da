def f():
    return 1, 2, 3
r = f()
print(r, type(r).__name__)
a, b, c = r
print(a, b, c)
t = 'x',
print(t)
print((1, 2) + (3,), tuple(x * 2 for x in (1, 2)))
nested = ((1, 2), (3, (4, 5)))
print(nested[1][1][0])
(p, q), (r2, (s, u)) = nested
print(p, q, r2, s, u)
print(tuple([]) is tuple([]) or True)
