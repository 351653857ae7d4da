class Base:
    def __init_subclass__(cls, tag=None, **kw):
        super().__init_subclass__(**kw)
        cls.tag = tag
X = type("X", (Base,), {}, tag=1)
print(X.tag)
class CM:
    @classmethod
    def __init_subclass__(cls, **kw):
        print("cm init_subclass", cls.__name__, kw)
class CM2(CM, a=1):
    pass
class Q:
    def __class_getitem__(cls, k):
        return f"{cls.__name__}[{k!r}]"
class Q2(Q):
    pass
print(Q[1], Q2["a"], Q[int])
try:
    class NoG:
        pass
    NoG[1]
except TypeError as e:
    print("TE", e)
class MetaGI(type):
    def __getitem__(cls, k):
        return ("meta", k)
class WithMeta(metaclass=MetaGI):
    pass
print(WithMeta[5])

class Proxy:
    def __init__(self, target):
        object.__setattr__(self, "_t", target)
    def __getattribute__(self, name):
        t = object.__getattribute__(self, "_t")
        return getattr(t, name)
    def __setattr__(self, name, v):
        setattr(object.__getattribute__(self, "_t"), name, v)
class Target:
    def __init__(self):
        self.a = 1
    def hello(self):
        return "hello from target"
tg = Target()
px = Proxy(tg)
print(px.a, px.hello())
px.b = 2
print(tg.b, px.b)
print(type(px).__name__, isinstance(px, Proxy))
class Counter:
    def __init__(self):
        self.reads = 0
        self.val = 10
    def __getattribute__(self, name):
        if name != "reads":
            object.__setattr__(self, "reads", object.__getattribute__(self, "reads") + 1)
        return object.__getattribute__(self, name)
c = Counter()
for i in range(5):
    c.val
print(c.reads)
class Meth:
    def __getattribute__(self, name):
        v = object.__getattribute__(self, name)
        if callable(v):
            def wrapped(*a):
                return ("wrapped", v(*a))
            return wrapped
        return v
    def f(self, x):
        return x + 1
m = Meth()
print(m.f(1))
lst = [m.f(i) for i in range(3)]
print(lst)
