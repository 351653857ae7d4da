# Small-int fast paths of the binary operators must agree with the general int semantics.
vals = [0, 1, -1, 2, -2, 3, 7, -7, 31, 32, 33, 63, 64, 65, 2**31 - 1, -(2**31), 2**62, -(2**62),
        2**63 - 1, -(2**63)]
acc = 0
for x in vals:
    for y in vals:
        r = [x + y, x - y, x * y, x & y, x | y, x ^ y]
        if y:
            r += [x // y, x % y]
        if 0 <= y < 70:
            r += [x >> y]
            if y < 40:
                r += [x << y]
        z = x
        z += y
        z -= 3
        z *= y
        z ^= 5
        r.append(z)
        acc = (acc * 31 + hash(tuple(r))) % 1000000007
        if abs(x) < 100 and abs(y) < 100:
            print(x, y, r)
print(acc)
for x in (1.5, -2.25, 0.0):
    for y in (2, -3, 2**53, 2**53 + 1, 2**60):
        print(x + y, x - y, x * y, x / y, y + x, y - x, y * x, y / x if x else "zero")
try:
    1 // 0
except ZeroDivisionError as e:
    print(e)
try:
    5 % 0
except ZeroDivisionError as e:
    print(e)
try:
    1.0 / 0
except ZeroDivisionError as e:
    print(e)
try:
    1 << -1
except ValueError as e:
    print(e)
print(True + True, True * 3, 3 - False)
