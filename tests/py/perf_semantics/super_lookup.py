# super().m(...) calls answered without a super object must follow the base class when its
# methods change, multiple inheritance orders, and fall back for non-function attributes.
class Base:
    def m(self, x):
        return "Base.m", x


class Mid(Base):
    pass


class Leaf(Mid):
    def m(self, x):
        return ("Leaf",) + super().m(x)


leaf = Leaf()
for i in range(3):
    print(leaf.m(i))
Mid.m = lambda self, x: ("Mid.m patched", x)
print(leaf.m(10))
del Mid.m
print(leaf.m(11))
Base.m = staticmethod(lambda x: ("static", x))
print(leaf.m(12))
Base.m = classmethod(lambda cls, x: ("classmethod", cls.__name__, x))
print(leaf.m(13))


class Sub(Leaf):
    pass


print(Sub().m(14))


# A diamond: the rest of the MRO after the class is not one base's MRO.
class X:
    def who(self):
        return ["X"]


class Y(X):
    def who(self):
        return ["Y"] + super().who()


class Z(X):
    def who(self):
        return ["Z"] + super().who()


class W(Y, Z):
    def who(self):
        return ["W"] + super().who()


for _ in range(2):
    print(W().who(), Y().who(), Z().who())


# The super object itself still works, and errors are CPython's.
class S(Base):
    def get(self):
        s = super()
        return type(s).__name__, s.m(1)

    def missing(self):
        return super().nothing()


print(S().get())
try:
    S().missing()
except AttributeError as e:
    print("AttributeError", e)
