# Fast paths of zero-argument super() and method calls through it must keep super's rules:
# MRO order after the class, non-function attributes, explicit forms and errors.
class A:
    def f(self, x):
        return ("A.f", type(self).__name__, x)

    def g(self):
        return "A.g"

    @property
    def p(self):
        return "A.p"

    @staticmethod
    def s(v):
        return ("A.s", v)

    @classmethod
    def c(cls, v):
        return ("A.c", cls.__name__, v)

    value = 41


class B(A):
    def f(self, x):
        return ("B.f",) + super().f(x + 1)

    def g(self):
        return "B.g>" + super().g()


class C(A):
    def f(self, x):
        return ("C.f",) + super().f(x * 2)

    def g(self):
        return "C.g>" + super().g()


class D(B, C):
    def f(self, x):
        return ("D.f",) + super().f(x)

    def g(self):
        return "D.g>" + super().g()

    def h(self):
        return super().p, super().s(1), super().c(2), super().value + 1

    def k(self):
        return super(B, self).g(), super(D, self).g()


d = D()
print(d.f(1))
print(d.g())
print(d.h())
print(d.k())
print(B().f(0), C().g())
d.g = lambda: "instance"
print(D.g(d), d.g())


class E(D):
    pass


e = E()
print(e.f(5), e.g())


class Base:
    def __init__(self, v):
        self.v = v


class Child(Base):
    def __init__(self, v):
        super().__init__(v * 10)
        super().__init__.__self__ is self or print("bound")


print(Child(3).v)


class Counter:
    def add(self, k):
        return k


class Patch(Counter):
    def add(self, k):
        return super().add(k) * 2


p = Patch()
print(p.add(3))
Counter.add = lambda self, k: k + 100
print(p.add(3))
try:
    super(int, "x")
except TypeError as ex:
    print("TypeError", ex)


class M:
    def missing(self):
        return super().nothing()


try:
    M().missing()
except AttributeError as ex:
    print("AttributeError", ex)
print(super(D, D).g(d))
