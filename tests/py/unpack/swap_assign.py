# `a, b = x, y` with two or three targets is compiled without a tuple: evaluation order,
# store order (the later store wins), subscript and attribute targets, errors mid-way.
a, b = 1, 2
a, b = b, a
print(a, b)
x, y, z = 1, 2, 3
x, y, z = z, x, y
print(x, y, z)
l = [1, 2, 3]
l[0], l[2] = l[2], l[0]
print(l)
[p, q] = [q0 := 5, q0 + 1]
print(p, q)
class C: pass
c = C()
c.a, c.b = 'a', 'b'
print(c.a, c.b)
def f():
    i, j = 0, 1
    for _ in range(10):
        i, j = j, i + j
    return i
print(f())
try:
    u, v = undefined_name, 1
except NameError as e:
    print(e)
d = {}
d['k'], d['k'] = 1, 2
print(d)
