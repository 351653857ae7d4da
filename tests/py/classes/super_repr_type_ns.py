# repr of super objects, and type() accepting a dict subclass as the namespace.
from collections import OrderedDict


class A:
    def show(self):
        return repr(super())

    @classmethod
    def cshow(cls):
        return repr(super())


class B(A):
    def show(self):
        return repr(super())


print(A().show())
print(B().show())
print(A.cshow())
print(repr(super(A, B())))

C = type("C", (), OrderedDict(x=1, y=2, z=3))
print([k for k in C.__dict__ if not k.startswith("_")], C.y)


class MyDict(dict):
    pass


D = type("D", (A,), MyDict(w=4))
print(D.w, D().show())
try:
    type("E", (), [("a", 1)])
except TypeError as e:
    print("TypeError", e)
