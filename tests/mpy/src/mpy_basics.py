# Functions, closures, comprehensions, literals and calls, imported as a MicroPython .mpy file.


def f(a, b=2, *args, c, d=4, **kw):
    return (a, b, args, c, d, sorted(kw.items()))


print(f(1, c=3))
print(f(1, 5, 6, 7, c=3, e=9, g=10))
print(f(*[1, 2, 3], **{"c": 0, "z": 1}))
print(f(0, *(1, 2), 3, *[4], c=5, **{"x": 6}, y=7))


def kwonly(*, x, y=10):
    return x - y


print(kwonly(x=1), kwonly(y=1, x=5))

try:
    f(1, c=2, **{"c": 3})
except TypeError as e:
    print("TypeError")


def outer():
    n = 0

    def inc(step=1):
        nonlocal n
        n += step
        return n

    def get():
        return n

    return inc, get


inc, get = outer()
inc()
inc(5)
print(get())


def make_adders():
    return [lambda x, i=i: x + i for i in range(3)]


print([a(10) for a in make_adders()])


def deco(tag):
    def wrap(fn):
        def inner(*a, **k):
            return tag + ":" + str(fn(*a, **k))

        return inner

    return wrap


@deco("T")
def add(a, b):
    return a + b


print(add(2, 3))

counter = 0


def bump():
    global counter
    counter += 1


bump()
bump()
print(counter)
tmp = 5
del tmp
try:
    tmp
except NameError:
    print("deleted")

print([i * i for i in range(6) if i % 2], {k: k * 2 for k in "ab"}, {v % 3 for v in range(9)})
print(list(x + y for x in range(3) for y in range(2)))
print(sum(i for i in range(101)))
print(2**100, -(2**70) // 3, 10**20 % 7, 0x7FFFFFFFFFFFFFFF + 1)
print(1.5, 1e100, -0.0, 2.5e-3, 1 / 3, float("inf"))
print(b"ab\x00\xff", bytearray(b"xy"), "uni\u00e9", 3j, 1 + 2j, ...)
print((1, 2, (3, "x")), [None, True, False])
a, *b = [1, 2, 3, 4]
*c, d = "xyz"
(e, f2), g = (1, 2), 3
print(a, b, c, d, e, f2, g)
name, val = "pi", 3.14159
print(f"{name}={val:.2f} {val!r} {name!s:>5}|{7:03d} {'q'} {{}}")
print(*[1, 2], *"ab", sep="-", end="!\n")
s = [5, 3, 8]
s[1:2] = [9, 9]
print(s, s[::-1], s[1:], "hello"[1:4])
x = 7
x += 3
x *= 2
x //= 3
x **= 2
x %= 10
x <<= 3
x |= 1
x ^= 2
x &= 0xFF
x >>= 1
print(x)
print(1 < 2 < 3, 3 > 2 > 5, 1 in [1], 2 not in [1], None is None, s is not None)
print(not 0, -5, +5, ~5, 7 if False else 0)
assert True, "never"
try:
    assert 1 == 2, "boom"
except AssertionError as e:
    print("assert", e)
print(any(x > 2 for x in [1, 3]), all([]), max(3, 9, key=lambda v: -v))
print((lambda *a, **k: (a, k))(1, z=2))
t = 0
while True:
    t += 1
    if t > 5:
        break
else:
    print("not here")
for i in range(3):
    pass
else:
    print("for-else", i)
print(t, "ok" if t == 6 else "bad")
