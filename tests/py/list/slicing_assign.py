l = list(range(10))
l[2:5] = ['a', 'b']; print(l)
l[:0] = [-2, -1]; print(l)
l[len(l):] = [100]; print(l)
l[1:3] = []; print(l)
l[::2] = ['E'] * len(l[::2]); print(l)
l[::-3] = [0] * len(l[::-3]); print(l)
m = [1, 2, 3]
m[1:2] = 'xyz'; print(m)
m[5:10] = [9]; print(m)
m[-1:] = range(2); print(m)
n = [1, 2, 3, 4]
n[1:1] = [7, 8]; print(n)
n[:] = [0]; print(n)
p = list(range(6))
try:
    p[::2] = [1, 2]
except ValueError as e:
    print('ValueError', e)
try:
    p[0:2] = 5
except TypeError as e:
    print('TypeError', e)
q = [1, 2, 3]
q[0:3:1] = [4]; print(q)
r = [1, 2, 3]
r[1:2] = r; print(r)
