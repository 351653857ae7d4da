a, b = 1, 2
print(a, b)
a, b = b, a
print(a, b)
(c, d) = [3, 4]
[e, f] = (5, 6)
print(c, d, e, f)
g, h = 'xy'
print(g, h)
i, j = {'k1': 1, 'k2': 2}
print(i, j)
k, = [7]
print(k)
[l] = 'z'
print(l)
m = n = o = 0
print(m, n, o)
x, y = y, x = 1, 2
print(x, y)
p, q = range(2)
print(p, q)
r, s = iter([8, 9])
print(r, s)
