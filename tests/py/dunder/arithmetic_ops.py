class Vec:
    def __init__(self, x, y): self.x, self.y = x, y
    def __repr__(self): return f'Vec({self.x}, {self.y})'
    def __add__(self, o):
        if isinstance(o, Vec):
            return Vec(self.x + o.x, self.y + o.y)
        return NotImplemented
    def __sub__(self, o): return Vec(self.x - o.x, self.y - o.y)
    def __mul__(self, k):
        if isinstance(k, (int, float)):
            return Vec(self.x * k, self.y * k)
        return NotImplemented
    def __rmul__(self, k): return self.__mul__(k)
    def __truediv__(self, k): return Vec(self.x / k, self.y / k)
    def __floordiv__(self, k): return Vec(self.x // k, self.y // k)
    def __mod__(self, k): return Vec(self.x % k, self.y % k)
    def __pow__(self, k): return Vec(self.x ** k, self.y ** k)
    def __matmul__(self, o): return self.x * o.x + self.y * o.y
    def __neg__(self): return Vec(-self.x, -self.y)
    def __pos__(self): return self
    def __abs__(self): return (self.x ** 2 + self.y ** 2) ** 0.5
    def __invert__(self): return Vec(self.y, self.x)
    def __eq__(self, o): return isinstance(o, Vec) and (self.x, self.y) == (o.x, o.y)
a, b = Vec(1, 2), Vec(3, 4)
print(a + b, b - a, a * 3, 3 * a, b / 2, b // 2, b % 2, a ** 2, a @ b)
print(-a, +a, abs(b), ~a, a == Vec(1, 2), a != b)
for e in [lambda: a + 1, lambda: 1 + a, lambda: a * 'x', lambda: a < b]:
    try:
        print(e())
    except TypeError as ex:
        print('TypeError', ex)
