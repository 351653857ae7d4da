# Arithmetic fast paths agree with the general ones at their edges.
big = 2**62
vals = [0, 1, -1, 7, -7, 3, big, -big, 2**63 - 1, -(2**63)]
for x in vals:
    for y in vals:
        r = [x + y, x - y, x * y, x & y, x | y, x ^ y]
        if y:
            r += [x // y, x % y]
        if 0 <= y < 70:
            r += [x << y, x >> y]
        print(x, y, r)
acc = 0
for i in range(10):
    acc += i * big
    acc &= 0xFFFFFFFFFFFFFFFFFF
    acc ^= i
print(acc)
fs = [0.0, -0.0, 1.5, -2.25, 1e308, float("inf"), float("nan")]
for x in fs:
    for y in fs + [0, 3, -4, 2**53, 2**53 + 1]:
        out = [x + y, x - y, x * y, y + x, y * x]
        try:
            out.append(x / y)
        except ZeroDivisionError as e:
            out.append("ZeroDivisionError: " + str(e))
        print(repr(x), repr(y), out, x < y, x <= y, x == y, x != y, x > y, x >= y)
try:
    print(1.0 / 0.0)
except ZeroDivisionError as e:
    print("ZeroDivisionError", e)
try:
    print(5 // 0)
except ZeroDivisionError as e:
    print("ZeroDivisionError", e)
print(1 << 40, -(1 << 31) << 31, 3 >> 100, -3 >> 100, True + True, True * 2.5)
