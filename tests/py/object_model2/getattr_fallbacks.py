class A:
    x = 1
    def __getattr__(self, n):
        return "ga:" + n
a = A()
print(a.x, a.y, getattr(a, "z"), hasattr(a, "anything"))
class B:
    @property
    def p(self):
        return self.missing
    def __getattr__(self, n):
        return "fallback:" + n
print(B().p)
class C:
    def __getattr__(self, n):
        raise AttributeError(f"custom {n}")
try:
    C().q
except AttributeError as e:
    print("AE", e)
print(getattr(C(), "q", "dflt"))
class D:
    def __init__(self):
        self.__dict__["direct"] = 5
    def __setattr__(self, k, v):
        self.__dict__[k] = v * 2
d = D()
d.w = 3
print(d.direct, d.w, sorted(vars(d)))
class E:
    pass
e = E()
e.__dict__.update({"a": 1, "b": 2})
print(e.a, e.b)
setattr(e, "c", 3)
delattr(e, "a")
print(vars(e))
try:
    delattr(e, "zz")
except AttributeError as ex:
    print("AE", ex)
try:
    object().x = 1
except AttributeError as ex:
    print("AE", ex)
try:
    (1).x = 1
except AttributeError as ex:
    print("AE", ex)
try:
    "s".upper = 1
except AttributeError as ex:
    print("AE", ex)
try:
    int.foo = 1
except TypeError as ex:
    print("TE", ex)
try:
    E().nope
except AttributeError as ex:
    print("AE", ex)
try:
    E.nope
except AttributeError as ex:
    print("AE", ex)
import sys
try:
    sys.nope
except AttributeError as ex:
    print("AE", ex)
