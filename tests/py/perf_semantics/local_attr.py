# `local.attr` and `local.attr = x` read and write through the attribute cache straight from a
# local variable; these cases must still behave exactly as the generic lookup does.
class P:
    k = 10

    def __init__(self, x):
        self.x = x


class Logged:
    def __setattr__(self, name, value):
        print("setattr", name, value)
        object.__setattr__(self, name, value)


class Prop:
    def __init__(self):
        self._v = 0

    @property
    def v(self):
        return self._v * 2

    @v.setter
    def v(self, val):
        self._v = val + 1


def loop(objs):
    out = []
    for p in objs:
        p.x = p.x + p.k
        out.append(p.x)
    return out


ps = [P(i) for i in range(3)]
print(loop(ps), loop(ps))
q = P(5)
q.k = 1  # instance attribute shadows the class one (a new shape)
print(loop([q, ps[0]]))
del q.x
try:
    print(q.x)
except AttributeError as e:
    print("AttributeError", e)
q.x = 7
print(q.x, q.k)
lg = Logged()
for i in range(3):
    lg.a = i
print(lg.a)
pr = Prop()
for i in range(3):
    pr.v = i
    print(pr.v, pr._v)
P.k = 100  # class attribute changed: cached reads see the new value
print(loop(ps))
n = 5
try:
    n.real = 3
except AttributeError as e:
    print("AttributeError", e)
print(n.real, n.imag)
