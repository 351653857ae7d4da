# memoryview over arrays: item format, size, typed reads/writes and slice assignment.
from array import array

for code in "bBhHiIqQfd":
    m = memoryview(array(code, [1, 2, 3]))
    print(code, m.format, m.itemsize, len(m), m.nbytes, m.tolist(), m.readonly)

a = array("h", [0x7F00, -0x8000, 5])
m = memoryview(a)
print(m[0], m[1], m[-1], list(m[1:]), m.shape, m.strides)
m[2] = -7
print(a)
try:
    m[0] = 1 << 20
except ValueError as e:
    print("ValueError", e)
try:
    m[0] = "x"
except TypeError as e:
    print("TypeError", e)

a1 = array("i", [0] * 5)
a2 = array("i", [9, 8, 7, 6, 5])
memoryview(a1)[1:3] = memoryview(a2)[2:4]
print(a1)
try:
    memoryview(a1)[0:2] = b"12345678"
except ValueError as e:
    print("ValueError", e)
try:
    memoryview(a1)[0:2] = memoryview(a2)[0:3]
except ValueError as e:
    print("ValueError", e)

b = bytearray(range(8))
mv = memoryview(b)
mv[2:] = mv[:-2]
print(b)
mv[:-3] = mv[3:]
print(b)
u = array("I", range(6))
mu = memoryview(u)
mu[1:] = mu[:-1]
print(u)

print(memoryview(array("i", [1, 2])) == array("i", [1, 2]))
print(memoryview(array("b", [1, 2])) == b"\x01\x02")
print(memoryview(b"ab") == array("b", [97, 98]))
print(memoryview(array("i", [1, 2, 3]))[::2].tolist())
try:
    memoryview(b"x").itemsize = 2
except AttributeError:
    print("AttributeError")
try:
    memoryview(b"x")[0] = 1
except TypeError as e:
    print("TypeError", e)
