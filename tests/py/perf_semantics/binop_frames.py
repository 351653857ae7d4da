# Operators implemented by Python methods (run as frames by the dispatch loop).


class V:
    def __init__(self, x):
        self.x = x

    def __add__(self, other):
        if isinstance(other, V):
            return V(self.x + other.x)
        if isinstance(other, int):
            return V(self.x + other)
        return NotImplemented

    def __radd__(self, other):
        return ("radd", other)

    def __mul__(self, k):
        if k == "boom":
            raise ValueError("boom in __mul__")
        return V(self.x * k)

    def __sub__(self, other):
        return NotImplemented

    def __repr__(self):
        return "V(%r)" % (self.x,)


class W(V):
    def __radd__(self, other):
        return ("W.radd", other)


class R:
    def __radd__(self, other):
        return ("R.radd", other)


a, b = V(1), V(2)
for _ in range(2):
    print(a + b, a + 5, a * 3, 5 + a, a + W(7), W(7) + a, a + R())
try:
    a + "s"
except TypeError as e:
    print("TypeError", e)
try:
    a - b
except TypeError as e:
    print("TypeError", e)
try:
    a * "boom"
except ValueError as e:
    print("ValueError", e)


def total(vs):
    acc = V(0)
    for v in vs:
        acc = acc + v * 2
    return acc


print(total([V(i) for i in range(5)]))


class Deep:
    def __init__(self, n):
        self.n = n

    def __add__(self, other):
        if self.n == 0:
            return other
        return Deep(self.n - 1) + other


print((Deep(50) + 7))
try:
    Deep(100000) + 1
except RecursionError:
    print("RecursionError")


class Gen:
    def __add__(self, other):
        yield other


print(list(Gen() + 3))
