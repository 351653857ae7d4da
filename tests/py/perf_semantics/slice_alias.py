# Slicing and concatenation semantics that fast paths (in-place appends, slice copies, memory
# reuse by the allocator) must keep: aliasing, shared strs, negative steps, subclasses.

# s += t must never change another reference to the same str.
s = "abc"
t = s
s += "def"
print(s, t)
parts = ["x"] * 3
acc = parts[0]
for p in parts:
    acc += p
print(acc, parts)
d = {"k": "v"}
v = d["k"]
v += "w"
print(d, v)

# Repeated appends in a loop, with a copy taken midway.
s = ""
snap = None
for i in range(50):
    s += str(i % 10)
    if i == 20:
        snap = s
print(len(s), s[:25], snap)

# Slice assignment from the list itself and from slices of it.
a = [0, 1, 2, 3, 4, 5]
a[1:3] = a
print(a)
a = [0, 1, 2, 3, 4, 5]
a[::2] = a[1::2]
print(a)
a = [0, 1, 2, 3, 4, 5]
a[:] = a[::-1]
print(a)
a = [0, 1, 2, 3, 4, 5]
a[2:2] = a[:2]
print(a)
a = list(range(10))
a[:4] = a[3::-1]
print(a)
a = list(range(6))
a[4:1:-1] = "xyz"
print(a)
try:
    a[::2] = [1]
except ValueError as e:
    print("ValueError", e)
b = a[:]
b.append(99)
print(a, b)
c = a + a
c[0] = "c"
print(a[0], c[0], len(c))

# Negative steps and bounds on lists and strs.
L = list(range(10))
print(L[::-1], L[8:2:-2], L[-1:-11:-3], L[100:-100:-1], L[-100:100:3])
S = "abcdefghij"
print(S[::-1], S[8:2:-2], S[-1:-11:-3], S[100:-100:-1], S[-100:100:3], S[5:1])
U = "añb€c😀d"
print(U[::-1], U[1:6:2], U[-2::-2], len(U[::-1]))
print(sum(L[::2]) - sum(L[1::2]), len(L[2:-2]), len(S[3:]), S[-3:] == "hij")

# str subclasses: slicing and concatenation give plain strs.
class MyStr(str):
    pass

m = MyStr("hello")
print(type(m[1:3]).__name__, type(m + "x").__name__, type(m[::-1]).__name__, m[::-1])
m2 = m
m2 += "!"
print(type(m2).__name__, m, m2)

# Many short-lived objects of varied sizes (the small-block allocator's free lists).
keep = []
for i in range(2000):
    x = [i] * (i % 40)
    y = "z" * (i % 300)
    if i % 97 == 0:
        keep.append((len(x), len(y), x[-1:] if x else None))
print(keep[:5], len(keep))

# % formatting with a single %s/%d (a fast path) and its neighbours.
for fmt in ["item%d", "%d", "%s", "v=%s;", "%d%%", "a%sb%s", "%5d", "%-3s|", "%", "x%", "%x", "é%sü"]:
    for arg in [7, -42, 0, "s", "ñ", True, 2.5, 10**20, (1,), ""]:
        try:
            print(repr(fmt % arg))
        except (TypeError, ValueError) as e:
            print(fmt, type(arg).__name__, type(e).__name__, e)
