def gcd(a, b):
    while b:
        a, b = b, a % b
    return abs(a)
class Frac:
    def __init__(self, n, d=1):
        if d == 0:
            raise ZeroDivisionError('zero denominator')
        if d < 0:
            n, d = -n, -d
        g = gcd(n, d) or 1
        self.n, self.d = n // g, d // g
    @staticmethod
    def _conv(o):
        return o if isinstance(o, Frac) else Frac(o) if isinstance(o, int) else NotImplemented
    def __add__(self, o):
        o = self._conv(o)
        if o is NotImplemented: return o
        return Frac(self.n * o.d + o.n * self.d, self.d * o.d)
    __radd__ = __add__
    def __sub__(self, o):
        o = self._conv(o)
        return Frac(self.n * o.d - o.n * self.d, self.d * o.d)
    def __rsub__(self, o):
        return self._conv(o) - self
    def __mul__(self, o):
        o = self._conv(o)
        return Frac(self.n * o.n, self.d * o.d)
    __rmul__ = __mul__
    def __truediv__(self, o):
        o = self._conv(o)
        return Frac(self.n * o.d, self.d * o.n)
    def __rtruediv__(self, o):
        return self._conv(o) / self
    def __neg__(self):
        return Frac(-self.n, self.d)
    def __eq__(self, o):
        o = self._conv(o)
        return self.n == o.n and self.d == o.d
    def __lt__(self, o):
        o = self._conv(o)
        return self.n * o.d < o.n * self.d
    def __hash__(self):
        return hash((self.n, self.d))
    def __float__(self):
        return self.n / self.d
    def __repr__(self):
        return f'{self.n}/{self.d}' if self.d != 1 else f'{self.n}'
a, b = Frac(1, 2), Frac(1, 3)
print(a + b, a - b, a * b, a / b, -a, a + 1, 1 + a, 1 - a, 2 * b, Frac(6, -4), Frac(0, 5))
print(a == Frac(2, 4), a < b, sorted([Frac(3, 4), Frac(1, 8), Frac(2, 3)]), float(Frac(3, 8)))
h = sum(Frac(1, n) for n in range(1, 11))
print(h, float(h) > 2.9)
print(len({Frac(1, 2), Frac(2, 4), Frac(3, 6)}))
x = Frac(1)
for _ in range(6):
    x = (x + 2 / x) / 2
print(x, abs(float(x) ** 2 - 2) < 1e-12)
try:
    Frac(1, 0)
except ZeroDivisionError as e:
    print('ZeroDivisionError', e)
