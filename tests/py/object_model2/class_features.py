order = []
class D:
    def __set_name__(self, owner, name):
        order.append(("set_name", name))
class B:
    def __init_subclass__(cls):
        order.append(("init_subclass", cls.__name__))
class C(B):
    d = D()
print(order)
class K:
    x: int
    y: str = "a"
print(K.__annotations__, K.y)
class WithClassCell:
    def who(self):
        return __class__.__name__
print(WithClassCell().who())
def deco(cls):
    cls.decorated = True
    return cls
@deco
class Dec:
    pass
print(Dec.decorated)
class Doc:
    @property
    def p(self):
        "the p doc"
        return 1
print(Doc.p.__doc__)
try:
    from functools import cached_property
    class CP:
        def __init__(self):
            self.n = 0
        @cached_property
        def val(self):
            self.n += 1
            return 42
    c = CP()
    print(c.val, c.val, c.n)
except ImportError:
    print("no cached_property")
try:
    import enum
    class Color(enum.Enum):
        RED = 1
        GREEN = 2
    print(Color.RED, Color(2), Color.RED.name, Color.RED.value, list(Color))
except ImportError:
    print("no enum")
class Chain:
    def __init__(self):
        self.items = []
    def add(self, x):
        self.items.append(x)
        return self
print(Chain().add(1).add(2).items)
class Cnt:
    count = 0
    def __init__(self):
        Cnt.count += 1
        type(self).count += 0
for _ in range(3):
    Cnt()
print(Cnt.count)
class Private:
    def __init__(self):
        self.__secret = 1
p = Private()
print(p._Private__secret, hasattr(p, "__secret"))
class St:
    @staticmethod
    def f():
        return "static"
print(St.f(), St().f(), type(St.__dict__["f"]).__name__, St.__dict__["f"].__func__())
print(isinstance(St, type), type(type), type(object), object.__bases__, type.__bases__)
print(int.__name__, int.__qualname__, int.__module__ if hasattr(int, "__module__") else "?")
print(callable(St.f), St.f.__name__, St.__name__)
