print(object.__init_subclass__())
class A:
    pass
try:
    object.__init_subclass__(x=1)
except TypeError as e:
    print("TE", e)

class CP:
    _n = "cp"
    @classmethod
    @property
    def name(cls):
        return cls._n + "!"
class CP2(CP):
    _n = "cp2"
print(CP.name, CP2.name, CP().name)

class Temp:
    def __init__(self):
        self._c = 0
    @property
    def c(self):
        return self._c
    @c.setter
    def c(self, v):
        if v < -273:
            raise ValueError("too cold")
        self._c = v
    @c.deleter
    def c(self):
        print("deleting")
        self._c = 0
t = Temp()
t.c = 20
print(t.c)
try:
    t.c = -300
except ValueError as e:
    print("VE", e)
del t.c
print(t.c, type(Temp.c).__name__)
class RO:
    @property
    def v(self):
        return 1
try:
    RO().v = 2
except AttributeError as e:
    print("AE", e)
try:
    del RO().v
except AttributeError as e:
    print("AE", e)

try:
    import abc
    class Shape(abc.ABC):
        @abc.abstractmethod
        def area(self):
            pass
        @abc.abstractmethod
        def name(self):
            pass
    class Sq(Shape):
        def area(self):
            return 4
        def name(self):
            return "sq"
    print(Sq().area(), isinstance(Sq(), Shape))
    try:
        Shape()
    except TypeError as e:
        print("TE", e)
    class Half(Shape):
        def area(self):
            return 1
    try:
        Half()
    except TypeError as e:
        print("TE", e)
except ImportError:
    print("no abc")

class Desc:
    def __get__(self, obj, typ=None):
        return ("get", obj is None, typ.__name__)
class HasD:
    d = Desc()
print(HasD.d, HasD().d)
class NonData:
    def __get__(self, obj, typ=None):
        return "nondata"
class HasND:
    nd = NonData()
h = HasND()
print(h.nd)
h.nd = "shadow"
print(h.nd)

class WithCall:
    def __call__(self, x):
        return x + 1
print(WithCall()(1), callable(WithCall()), callable(WithCall))

class R:
    def __repr__(self):
        return "R()"
print(R(), [R()], str(R()), f"{R()!r}")
class St:
    def __str__(self):
        return "str-form"
print(St(), repr(St())[:10], f"{St()}")
