class Poly:
    def __init__(self, coeffs):
        c = list(coeffs)
        while len(c) > 1 and c[-1] == 0:
            c.pop()
        self.c = c or [0]
    def __add__(self, o):
        n = max(len(self.c), len(o.c))
        return Poly([(self.c[i] if i < len(self.c) else 0) + (o.c[i] if i < len(o.c) else 0) for i in range(n)])
    def __neg__(self):
        return Poly([-x for x in self.c])
    def __sub__(self, o):
        return self + -o
    def __mul__(self, o):
        if isinstance(o, int):
            return Poly([x * o for x in self.c])
        out = [0] * (len(self.c) + len(o.c) - 1)
        for i, a in enumerate(self.c):
            for j, b in enumerate(o.c):
                out[i + j] += a * b
        return Poly(out)
    __rmul__ = __mul__
    def __call__(self, x):
        r = 0
        for coef in reversed(self.c):
            r = r * x + coef
        return r
    def __eq__(self, o):
        return self.c == o.c
    def deriv(self):
        return Poly([i * self.c[i] for i in range(1, len(self.c))])
    def __pow__(self, n):
        r = Poly([1])
        for _ in range(n):
            r = r * self
        return r
    def __repr__(self):
        terms = []
        for i in range(len(self.c) - 1, -1, -1):
            a = self.c[i]
            if a == 0 and len(self.c) > 1:
                continue
            sign = '-' if a < 0 else '+'
            a = abs(a)
            body = ('' if a == 1 and i else str(a)) + ('x' if i else '') + (f'^{i}' if i > 1 else '')
            terms.append((sign, body))
        s = ''.join(f' {sg} {b}' for sg, b in terms).strip()
        return s[2:] if s.startswith('+ ') else '-' + s[2:]
p = Poly([1, 2, 3])
q = Poly([-1, 0, 1])
print(p, '|', q, '|', p + q, '|', p - q, '|', p * q, '|', 2 * p)
print(p(0), p(1), p(-2), q(10), (p * q)(3) == p(3) * q(3))
print(p.deriv(), (p * q).deriv(), Poly([5]).deriv())
print(Poly([1, 1]) ** 5)
print(Poly([0, 0, 0]), Poly([0, -1]), p - p == Poly([0]))
