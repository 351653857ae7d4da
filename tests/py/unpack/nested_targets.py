(a, b), c = (1, 2), 3
print(a, b, c)
a, (b, (c, d)) = 1, (2, (3, 4))
print(a, b, c, d)
[a, [b, *c]], d = [0, [1, 2, 3]], 4
print(a, b, c, d)
for (x, y), z in [((1, 2), 3), ((4, 5), 6)]:
    print(x, y, z)
d = {}
d['a'], d['b'] = 1, 2
print(d)
l = [0, 0, 0]
l[0], l[2] = 'first', 'third'
print(l)
class O: pass
o = O()
o.x, o.y = 10, 20
print(o.x, o.y)
i = 0
i, l[i] = 1, 'set'
print(i, l)
