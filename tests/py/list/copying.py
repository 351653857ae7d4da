a = [1, [2, 3], 4]
b = a
c = a[:]
d = list(a)
e = a.copy()
a[0] = 'changed'
a[1].append('shared')
print(a, b, c, d, e)
print(a is b, c is a, c[1] is a[1])
def deep(x):
    return [deep(i) for i in x] if isinstance(x, list) else x
f = deep(a)
a[1].append('more')
print(a, f)
g = [[0] * 3 for _ in range(3)]
g[0][0] = 1
h = [[0] * 3] * 3
h[0][0] = 1
print(g, h)
