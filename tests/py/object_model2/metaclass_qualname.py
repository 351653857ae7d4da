class Meta(type):
    @classmethod
    def __prepare__(mcs, name, bases, **kw):
        print("prepare", name, kw)
        d = {"injected": 42}
        return d
    def __new__(mcs, name, bases, ns, **kw):
        print("meta new", name, sorted(k for k in ns if not k.startswith("__")), kw)
        return super().__new__(mcs, name, bases, ns)
    def __init__(cls, name, bases, ns, **kw):
        print("meta init", name)
        super().__init__(name, bases, ns)
    def __call__(cls, *a, **k):
        print("meta call", cls.__name__)
        return super().__call__(*a, **k)
class K(metaclass=Meta, flag=True):
    def f(self):
        return 1
print(K.injected, type(K).__name__, K().f())
D = Meta("D", (), {"x": 1})
print(D.x, type(D) is Meta)
T = type("T", (object,), {"y": 2, "m": lambda self: self.y * 2})
print(T.y, T().m(), T.__name__, T.__bases__)
T2 = type("T2", (T,), {})
print(T2().m(), T2.__mro__)
print(type(3), type("s") is str)
try:
    type("X", 1, {})
except TypeError as e:
    print("TE", e)

def outer():
    def inner():
        pass
    class Local:
        def meth(self):
            pass
        class Nested:
            def deep(self):
                pass
    return inner, Local
i, L = outer()
print(i.__qualname__, L.__qualname__, L.meth.__qualname__, L.Nested.__qualname__, L.Nested.deep.__qualname__)
class Top:
    def m(self):
        def h():
            pass
        return h
    @staticmethod
    def s():
        pass
    @classmethod
    def c(cls):
        pass
print(Top.m.__qualname__, Top().m().__qualname__, Top.s.__qualname__, Top.c.__qualname__)
print((lambda: 0).__qualname__, outer.__qualname__)

class V:
    cv = 1
    def __init__(self):
        self.a = 1
        self.b = 2
print(vars(V()), "cv" in vars(V))
def loc():
    x = 1
    y = 2
    return sorted(vars())
print(loc())
try:
    vars(5)
except TypeError as e:
    print("TE", e)

class Dd:
    def __dir__(self):
        return ["zeta", "alpha", "beta"]
print(dir(Dd()))
class Plain:
    x = 1
    def __init__(self):
        self.y = 2
print([n for n in dir(Plain()) if not n.startswith("__")])
print("x" in dir(Plain), "__init__" in dir(Plain))
