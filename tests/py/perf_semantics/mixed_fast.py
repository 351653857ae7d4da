# Mixed int/float comparisons and int true division: fast paths must give CPython's exact results.
nan = float("nan")
big = 2 ** 53
for a, b in [(1, 1.5), (2.5, 2), (3, 3.0), (-0.0, 0), (0, -0.0), (nan, 1), (1, nan),
             (big, float(big)), (big + 1, float(big)), (float(big), big + 1), (-big - 1, -float(big)),
             (10 ** 20, 1e20), (True, 0.5), (1.0, True)]:
    print(a, b, a < b, a <= b, a > b, a >= b, a == b, a != b)
i = 0
while i < 2.5:
    i += 1
print(i)
x = 0.0
if x < 1:
    print("lt")
if not (nan > 0):
    print("nan not gt")
for p, q in [(7, 2), (-7, 2), (1, 3), (big, 3), (big + 1, 1), (-big, -1), (10 ** 20, 3),
             (0, 5), (0, -5), (-1, big), (5, -1), (True, 2), (3, True)]:
    print(p, q, p / q)
v = 9
v /= 4
print(v)
try:
    1 / 0
except ZeroDivisionError as e:
    print("ZeroDivisionError", e)
try:
    big / 0
except ZeroDivisionError as e:
    print("ZeroDivisionError", e)
for f in [0.0, -0.0, 2.9, -2.9, 1e18, -1e18, 9.3e18, -9.3e18, 1e300, 255.99, True, 7, -2 ** 70]:
    print(f, int(f))
for bad in [float("inf"), float("nan")]:
    try:
        int(bad)
    except (OverflowError, ValueError) as e:
        print(type(e).__name__, e)


class MyInt(int):
    pass


print(type(MyInt(2.5)).__name__, MyInt(2.5))
n = 3
while n:
    n -= 1
print(n)
if None:
    print("none is true")
