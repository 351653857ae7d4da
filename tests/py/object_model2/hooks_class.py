# __class_getitem__
class G:
    def __class_getitem__(cls, item):
        return ("cg", cls.__name__, item)
print(G[int])
print(G[1, 2])
class H(G):
    pass
print(H["x"])

# __set_name__
class Field:
    def __set_name__(self, owner, name):
        print("set_name", owner.__name__, name)
        self.name = "_" + name
    def __get__(self, obj, objtype=None):
        if obj is None:
            return self
        return getattr(obj, self.name, "unset")
    def __set__(self, obj, value):
        setattr(obj, self.name, value)
    def __delete__(self, obj):
        print("delete", self.name)
        delattr(obj, self.name)
class Rec:
    a = Field()
    b = Field()
r = Rec()
print(r.a)
r.a = 5
print(r.a, r._a)
del r.a
print(r.a)
print(isinstance(Rec.a, Field))

# __init_subclass__ with kwargs
class Base:
    registry = []
    def __init_subclass__(cls, tag=None, **kw):
        super().__init_subclass__(**kw)
        cls.tag = tag
        Base.registry.append((cls.__name__, tag))
class S1(Base, tag="one"):
    pass
class S2(Base):
    pass
print(Base.registry, S1.tag, S2.tag)
try:
    class S3(object, bad=1):
        pass
except TypeError as e:
    print("TE", e)
try:
    class S4(Base, tag=1, other=2):
        pass
except TypeError as e:
    print("TE", e)

# __missing__
class DD(dict):
    def __missing__(self, key):
        return key * 2
d = DD(a=1)
print(d["a"], d["zz"], d.get("q"), "zz" in d)
class Counter(dict):
    def __missing__(self, key):
        self[key] = 0
        return 0
c = Counter()
c["x"] += 1
c["x"] += 1
print(c)

# __format__
class Money:
    def __init__(self, v):
        self.v = v
    def __format__(self, spec):
        return "$" + format(self.v, spec)
m = Money(3.14159)
print(format(m, ".2f"), f"{m:.1f}", "{:.3f}".format(m), f"{m}")
class NoFmt:
    pass
try:
    format(NoFmt(), "x")
except TypeError as e:
    print("TE", e)
print(format(NoFmt(), "")[:8])

# __bytes__
class Bt:
    def __bytes__(self):
        return b"bytes!"
print(bytes(Bt()))
class BadBt:
    def __bytes__(self):
        return "str"
try:
    bytes(BadBt())
except TypeError as e:
    print("TE", e)
