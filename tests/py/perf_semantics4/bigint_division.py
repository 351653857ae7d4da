# Floor division, modulo and divmod of big ints: short quotients by long divisors (the fast
# path), long quotients, every sign combination, exact multiples and off-by-one neighbours.


class Lcg:
    def __init__(self, seed):
        self.s = seed

    def bits(self, n):
        v = 0
        for _ in range(0, n, 32):
            self.s = (self.s * 6364136223846793005 + 1442695040888963407) % (1 << 64)
            v = (v << 32) | (self.s >> 32)
        return v >> (-n % 32)


rng = Lcg(2024)
acc = 0
for nb in (100, 2047, 2048, 2049, 3000, 4100, 9000):
    for k in (0, 1, 2, 31, 61, 62, 63, 64, 65, 200):
        b = rng.bits(nb) | (1 << (nb - 1)) | 1
        a = rng.bits(nb + k)
        for a2 in (a, b * (a >> nb), b * (a >> nb) - 1, b * (a >> nb) + 1, b - 1, b, b + 1):
            for x, y in ((a2, b), (-a2, b), (a2, -b), (-a2, -b)):
                q, r = x // y, x % y
                assert divmod(x, y) == (q, r)
                assert q * y + r == x
                assert r == 0 or (r > 0) == (y > 0)
                assert abs(r) < abs(y)
                acc = (acc * 1000003 + q % 999983 + r % 999979) % (1 << 61)
print(acc)

# Small divisors and dividends mixed with huge ones.
big = 7**5000
print(big // 7 == 7**4999, big % 7, (-big) // 3 % 1000, (-big) % 3, big // -big, (big - 1) // big)
print(divmod(-1, big)[0], divmod(1, -big)[0], 5 // big, -5 // big, 5 % -big == 5 - big)
print((10**4000 + 12345) // 10**3995, (10**4000 + 12345) % 10**3995)
try:
    big // 0
except ZeroDivisionError as e:
    print("ZeroDivisionError", e)
try:
    big % 0
except ZeroDivisionError as e:
    print("ZeroDivisionError", e)
try:
    divmod(big, 0)
except ZeroDivisionError as e:
    print("ZeroDivisionError", e)
