# Float and mixed arithmetic fast paths: NaN, -0.0, infinities, bools, subclasses, pow.
nan = float("nan")
inf = float("inf")
print(nan == nan, nan != nan, nan < 1.0, nan > 1.0, nan <= nan)
print(-0.0 == 0.0, repr(-0.0 + 0.0), repr(-0.0 - 0.0), repr(-0.0 * 1), repr(0.0 * -1))
print(inf - inf, inf * 0.0, 1.0 / inf, -1.0 / inf)
print(True + True, True * 2.5, False - 1, True / 2, 3 ** True, 2.0 ** False)
print(2.0 ** 0.5, 10.0 ** -2, 8 ** (1 / 3), 2 ** 0.5, 0.5 ** 2, 1e300 * 10)
for b, e in [(-8.0, 1 / 3), (0.0, 0.5), (-0.0, 3.0), (-0.0, 2.0), (nan, 0.0), (1.0, nan), (-2.0, 3.0), (inf, 0.5), (-inf, 3.0)]:
    print(b, e, b ** e)
try:
    0.0 ** -1.0
except ZeroDivisionError as ex:
    print("ZeroDivisionError", ex)
try:
    1e300 ** 2.0
except OverflowError as ex:
    print("OverflowError", ex)
try:
    1.0 / 0.0
except ZeroDivisionError as ex:
    print("ZeroDivisionError", ex)
x = 3.0
x **= 2
x -= 0.5
x /= 2
print(x)
print(2 ** 53 + 1.0, float(2 ** 53 + 1), (2 ** 60) * 1.5, 1.5 * (2 ** 60), (2 ** 53 + 1) - 0.0)


class F(float):
    def __add__(self, o):
        return "F.add"

    def __pow__(self, o):
        return "F.pow"

    def __rsub__(self, o):
        return "F.rsub"

    def __lt__(self, o):
        return "F.lt"


f = F(2.0)
print(f + 1.0, f ** 0.5, 1.0 - f, f < 3.0, f * 2.0, 3.0 > f)


class I(int):
    def __mul__(self, o):
        return "I.mul"

    def __eq__(self, o):
        return "I.eq"

    __hash__ = int.__hash__


i = I(7)
print(i * 2, 2 * i, i + 1, i == 7, 7 == i, i < 8)
s = 0
for k in range(3):
    s += k * 0.5
print(s)
big = 2 ** 62
big += big
print(big, -big - big)
print(7 // 2, -7 // 2, 7 % -3, -7 % 3, 7.5 // 2, -7.5 % 2, 1 << 40, -1 >> 3)
