# Fast paths for list/tuple indexing, list item stores and sequence unpacking must keep the
# general semantics: negative indexes, errors, subclasses with their own __getitem__.
a = [10, 20, 30]
t = (1, 2, 3)
print(a[0], a[-1], a[-3], t[1], t[-2])
for bad in (3, -4, 100, -100):
    try:
        a[bad]
    except IndexError as e:
        print("IndexError", e)
    try:
        t[bad]
    except IndexError as e:
        print("IndexError", e)
    try:
        a[bad] = 0
    except IndexError as e:
        print("IndexError", e)
a[-1] = "x"
a[0] = a
print(len(a[0]), a[-1])
a[0] = None
print(a)
print(a[True], t[False])


class L(list):
    def __getitem__(self, i):
        return ("sub", i)

    def __setitem__(self, i, v):
        print("set", i, v)


l = L([1, 2, 3])
print(l[0], l[-1])
l[1] = 5
print(list(l))


class T(tuple):
    def __getitem__(self, i):
        return i * 2


print(T((1, 2))[5])
x, y, z = [1, 2, 3]
p, q = (4, 5)
print(x, y, z, p, q)
for seq in ([1, 2], (1, 2, 3, 4), [], "ab", "abc"):
    try:
        x, y, z = seq
        print(x, y, z)
    except ValueError as e:
        print("ValueError", e)
(a1, b1), c1 = [(1, 2), 3]
print(a1, b1, c1)
u = [1, 2]
u[0], u[1] = u[1], u[0]
print(u)
print([1, 2, 3][1.0 if False else 1])
try:
    [1][1.0]
except TypeError as e:
    print("TypeError", e)
big = 2**70
try:
    [1][big]
except IndexError as e:
    print("IndexError", e)
