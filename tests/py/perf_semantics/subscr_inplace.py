# x[i] op= y and tuple unpacking: the fused fast paths must keep Python's semantics.
a = [1.5, 2, -3]
a[0] -= 0.5
a[1] *= 3
a[-1] += 10
print(a)
a[0] **= 2
print(a)
t = (4, 5, 6)
x, y, z = t
print(x, y, z)
for (p, q, r), (s, u, w) in [((1, 2, 3), [4, 5, 6])]:
    print(p, q, r, s, u, w)


class L(list):
    def __getitem__(self, i):
        print("get", i)
        return list.__getitem__(self, i)

    def __setitem__(self, i, v):
        print("set", i, v)
        list.__setitem__(self, i, v)


b = L([10, 20])
b[1] += 5
b[0] -= 1
print(b)


class D(dict):
    pass


d = D(k=1)
d["k"] += 41
print(d)

try:
    a[5] += 1
except IndexError as e:
    print("IndexError", e)
try:
    a[-9] = 0
except IndexError as e:
    print("IndexError", e)
tt = (1, 2)
try:
    tt[0] += 1
except TypeError as e:
    print("TypeError", e)
print(tt)
try:
    x, y = [1, 2, 3]
except ValueError as e:
    print("ValueError", e)
try:
    x, y, z = (1, 2)
except ValueError as e:
    print("ValueError", e)
n = [2**62, 2**62]
n[0] += 2**62
n[1] *= 4
print(n)
m = [9223372036854775807]
m[0] += 1
print(m, type(m[0]))
neg = [-(2**63)]
neg[0] -= 1
print(neg)
