# A 2D/3D vector and a Money type exercising the numeric dunder protocol.
import math


class Vector:
    __slots__ = ("_c",)

    def __init__(self, *components):
        if len(components) == 1 and not isinstance(components[0], (int, float)):
            components = tuple(components[0])
        self._c = tuple(components)

    def __len__(self):
        return len(self._c)

    def __iter__(self):
        return iter(self._c)

    def __getitem__(self, i):
        if isinstance(i, slice):
            return Vector(self._c[i])
        return self._c[i]

    def __repr__(self):
        return "Vector(" + ", ".join(repr(c) for c in self._c) + ")"

    def __str__(self):
        return "<" + ", ".join(f"{c:g}" for c in self._c) + ">"

    def _check(self, other):
        if not isinstance(other, Vector):
            return False
        if len(other) != len(self):
            raise ValueError(f"dimension mismatch: {len(self)} vs {len(other)}")
        return True

    def __add__(self, other):
        if not self._check(other):
            return NotImplemented
        return Vector(a + b for a, b in zip(self, other))

    def __sub__(self, other):
        if not self._check(other):
            return NotImplemented
        return Vector(a - b for a, b in zip(self, other))

    def __mul__(self, k):
        if isinstance(k, Vector):
            self._check(k)
            return sum(a * b for a, b in zip(self, k))
        if isinstance(k, (int, float)):
            return Vector(a * k for a in self)
        return NotImplemented

    __rmul__ = __mul__

    def __truediv__(self, k):
        return Vector(a / k for a in self)

    def __neg__(self):
        return Vector(-a for a in self)

    def __pos__(self):
        return self

    def __abs__(self):
        return math.sqrt(sum(a * a for a in self))

    def __bool__(self):
        return any(self._c)

    def __eq__(self, other):
        return isinstance(other, Vector) and self._c == other._c

    def __hash__(self):
        return hash(self._c)

    def __matmul__(self, other):
        a1, a2, a3 = self
        b1, b2, b3 = other
        return Vector(a2 * b3 - a3 * b2, a3 * b1 - a1 * b3, a1 * b2 - a2 * b1)


v = Vector(3, 4)
w = Vector(1.5, -2)
print(v, repr(w), abs(v), len(v))
print(v + w, v - w, v * 2, 3 * v, v * w, v / 2, -v, +v)
print(bool(Vector(0, 0)), bool(v), v == Vector(3, 4), v != w)
print({v, Vector(3, 4), w}.__len__())
print(Vector(1, 2, 3) @ Vector(4, 5, 6))
print(Vector(range(6))[1:4], Vector(range(6))[-1])
try:
    v + Vector(1, 2, 3)
except ValueError as e:
    print("ValueError:", e)
try:
    v + 1
except TypeError as e:
    print("TypeError:", e)
try:
    "abc" * v
except TypeError as e:
    print("TypeError:", e)
total = sum([Vector(1, 1), Vector(2, 2)], Vector(0, 0))
print(total)
x, y = v
print(x, y, list(reversed(v)), max(v), sorted(w))


class Money:
    def __init__(self, cents):
        self.cents = int(cents)

    @classmethod
    def parse(cls, s):
        whole, _, frac = s.strip("$").partition(".")
        return cls(int(whole) * 100 + int((frac + "00")[:2]))

    def __add__(self, o):
        return Money(self.cents + (o.cents if isinstance(o, Money) else round(o * 100)))

    __radd__ = __add__

    def __lt__(self, o):
        return self.cents < o.cents

    def __le__(self, o):
        return self.cents <= o.cents

    def __eq__(self, o):
        return isinstance(o, Money) and self.cents == o.cents

    __hash__ = None

    def __format__(self, spec):
        s = f"${self.cents // 100:,}.{self.cents % 100:02d}"
        return format(s, spec) if spec else s

    def __repr__(self):
        return f"Money({self.cents})"

    def __iadd__(self, o):
        self.cents += o.cents
        return self


prices = [Money.parse(p) for p in ["$3.5", "$12.99", "$0.05", "$1234.1"]]
print(prices, sum(prices), sorted(prices), max(prices), min(prices))
for p in prices:
    print(f"[{p:>12}] [{p:<12}] [{p:^12}] [{p}]")
m = Money(0)
m += Money(250)
print(m, m <= Money(250), m > Money(1), m >= Money(300))
try:
    hash(m)
except TypeError as e:
    print("TypeError:", e)
print(Money(5) + 1.25, 2 + Money(5))
