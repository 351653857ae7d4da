# More things a tutorial reader tries.
class P:
    def __init__(self, x):
        self.x = x
    def __repr__(self):
        return f"P({self.x!r})"
    def __eq__(self, o):
        return isinstance(o, P) and self.x == o.x
    def __hash__(self):
        return hash(self.x)
    def __lt__(self, o):
        return self.x < o.x
print(sorted([P(3), P(1), P(2)]), P(1) in {P(1)}, max(P(1), P(5)))
import functools
@functools.total_ordering
class V:
    def __init__(self, v):
        self.v = v
    def __eq__(self, o):
        return self.v == o.v
    def __lt__(self, o):
        return self.v < o.v
print(V(1) <= V(2), V(3) >= V(2), V(1) > V(2))

class Seq:
    def __init__(self, n):
        self.n = n
    def __len__(self):
        return self.n
    def __getitem__(self, i):
        if isinstance(i, slice):
            return list(range(self.n))[i]
        if i < 0:
            i += self.n
        if not 0 <= i < self.n:
            raise IndexError("out of range")
        return i * i
s = Seq(5)
print(list(s), s[-1], s[1:3], len(s), sorted(s, reverse=True), sum(s))
a, b, *c = s
print(a, b, c)

class Ctx:
    def __enter__(self):
        print("enter")
        return self
    def __exit__(self, et, ev, tb):
        print("exit", et.__name__ if et else None)
        return True
with Ctx() as c:
    raise ValueError("x")
print("after")

class It:
    def __init__(self):
        self.i = 0
    def __iter__(self):
        return self
    def __next__(self):
        self.i += 1
        if self.i > 3:
            raise StopIteration
        return self.i
print(list(It()), next(iter(It())))

class Num:
    def __init__(self, v):
        self.v = v
    def __add__(self, o):
        return Num(self.v + (o.v if isinstance(o, Num) else o))
    __radd__ = __add__
    def __neg__(self):
        return Num(-self.v)
    def __abs__(self):
        return Num(abs(self.v))
    def __int__(self):
        return int(self.v)
    def __float__(self):
        return float(self.v)
    def __complex__(self):
        return complex(self.v)
    def __repr__(self):
        return "Num(%r)" % self.v
print(Num(1) + 2, 3 + Num(1), sum([Num(1), Num(2)]), -Num(4), abs(Num(-2)))
print(int(Num(2.7)), float(Num(2)), complex(Num(1)))
class BadInt:
    def __int__(self):
        return "no"
try:
    int(BadInt())
except TypeError as e:
    print("TE", e)

class Attr:
    def __setattr__(self, k, v):
        print("set", k)
        super().__setattr__(k, v)
    def __delattr__(self, k):
        print("del", k)
        super().__delattr__(k)
at = Attr()
at.q = 1
del at.q
print(hasattr(at, "q"))

class Inst:
    def __instancecheck__(self, o):
        return True
class MetaI(type):
    def __instancecheck__(cls, o):
        return o == 42
    def __subclasscheck__(cls, c):
        return c is int
class Magic(metaclass=MetaI):
    pass
print(isinstance(42, Magic), isinstance(1, Magic), issubclass(int, Magic), issubclass(str, Magic))
print(P.__name__, P.__module__, P.__doc__, P.__dict__["__init__"].__name__)
print(P.__init__.__name__, P(1).__class__.__name__, P.__class__)
class Doc:
    "docstring here"
print(Doc.__doc__, Doc().__doc__)
