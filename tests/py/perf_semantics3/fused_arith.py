# Arithmetic of locals with locals and small int constants: overflow to big ints, mixed
# int/float, bools, errors, and operators implemented in Python.
# (superinstructions: their slow paths must behave exactly as the plain instructions)


def mixed(a, b):
    r = []
    r.append(a + b)
    r.append(a - b)
    r.append(a * b)
    r.append(a / b if b else None)
    r.append(a // b if b else None)
    r.append(a % b if b else None)
    return r


for a, b in [(7, 2), (7.5, 2), (7, 2.5), (-7, 2), (7, -2), (2**62, 2**62), (-(2**63), -1),
             (2**53 + 1, 1.0), ("ab", "cd"), ([1], [2]), (True, 2), (3, False), (1 << 70, 3)]:
    try:
        print(a, b, mixed(a, b))
    except TypeError as e:
        print(a, b, "TypeError", e)


def with_int(x):
    out = [x + 1, x - 1, x * 1000003, x // 7, x % 7, x << 3, x >> 2, x & 6, x | 1, x ^ 5]
    out.append(x ** 2)
    y = x
    y += 2147483647
    out.append(y)
    y = x
    y -= -2147483648
    out.append(y)
    return out


for x in [0, 5, -5, 2**62, -(2**62), 2**63 - 1, 1 << 80, True]:
    print(x, with_int(x))


def float_int(x):
    y = x
    y *= 3
    return [x + 1, x - 1, x * 4, x / 2, x // 2, x % 2, x**2, y]


for x in [2.5, -0.0, 1e100, float("inf")]:
    print(x, float_int(x))

for x in [10, -10]:
    for op in ("x // 0", "x % 0", "x << -1", "x >> -1"):
        try:
            print(eval(op, {"x": x}))
        except (ZeroDivisionError, ValueError) as e:
            print(op, type(e).__name__, e)


def div_zero(x):
    return x // 0


def mod_zero(x):
    return x % 0


for f in (div_zero, mod_zero):
    try:
        f(3)
    except ZeroDivisionError as e:
        print(f.__name__, e)


class Num:
    def __init__(self, v):
        self.v = v

    def __add__(self, o):
        return Num(self.v + (o.v if isinstance(o, Num) else o))

    def __radd__(self, o):
        return Num(o + self.v)

    def __iadd__(self, o):
        self.v += 100
        return self

    def __mul__(self, o):
        return "mul"

    def __repr__(self):
        return "Num(%r)" % self.v


def user_ops(a, b):
    c = a + b
    d = b + a
    e = a * 3
    a += 1
    return c, d, e, a


print(user_ops(Num(1), 2))
print(user_ops(Num(1), Num(2)))
