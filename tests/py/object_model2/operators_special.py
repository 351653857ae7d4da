class Single:
    _inst = None
    def __new__(cls, *a):
        if cls._inst is None:
            cls._inst = super().__new__(cls)
        return cls._inst
    def __init__(self, v):
        self.v = v
print(Single(1) is Single(2), Single(3).v)

class NE:
    def __init__(self, v):
        self.v = v
    def __eq__(self, o):
        return self.v == o.v
print(NE(1) != NE(1), NE(1) != NE(2))

class Base:
    def __lt__(self, o):
        return "Base.lt"
class Sub(Base):
    def __gt__(self, o):
        return "Sub.gt"
print(Base() < Sub())
class L:
    def __lt__(self, o):
        return "L.lt"
class G:
    pass
print(G() > L())

class BadRepr:
    def __repr__(self):
        return 5
try:
    repr(BadRepr())
except TypeError as e:
    print("TE", e)
class BadStr:
    def __str__(self):
        return None
try:
    str(BadStr())
except TypeError as e:
    print("TE", e)
class BadIter:
    def __iter__(self):
        return 5
try:
    iter(BadIter())
except TypeError as e:
    print("TE", e)
class NoIter:
    __iter__ = None
try:
    iter(NoIter())
except TypeError as e:
    print("TE", e)
class BadLen:
    def __len__(self):
        return "x"
try:
    len(BadLen())
except TypeError as e:
    print("TE", e)
class BoolLen:
    def __bool__(self):
        return False
    def __len__(self):
        return 5
print(bool(BoolLen()))
class ContNB:
    def __contains__(self, x):
        return 5
print(1 in ContNB(), 1 not in ContNB())

class M:
    def __matmul__(self, o):
        return "matmul"
    def __rmatmul__(self, o):
        return "rmatmul"
    def __pow__(self, e, mod=None):
        return ("pow", e, mod)
    def __divmod__(self, o):
        return ("divmod", o)
    def __rdivmod__(self, o):
        return ("rdivmod", o)
    def __rshift__(self, o):
        return "rshift"
    def __invert__(self):
        return "invert"
    def __pos__(self):
        return "pos"
print(M() @ 1, 1 @ M(), pow(M(), 2), pow(M(), 2, 5), M() ** 3, divmod(M(), 2), divmod(2, M()), M() >> 1, ~M(), +M())

class SubInt(int):
    def __radd__(self, o):
        return "SubInt.radd"
    def __add__(self, o):
        return "SubInt.add"
print(1 + SubInt(2), SubInt(2) + 1)
class MyList(list):
    def __getitem__(self, i):
        return ("ml", list.__getitem__(self, i))
ml = MyList([1, 2, 3])
print(ml[0], ml[1:], len(ml), ml + [4], type(ml + [4]).__name__)

class Items:
    def __init__(self):
        self.d = {}
    def __setitem__(self, k, v):
        print("set", k, v)
        self.d[k] = v
    def __delitem__(self, k):
        print("del", k)
        del self.d[k]
    def __getitem__(self, k):
        return self.d[k]
it = Items()
it["a"] = 1
del it["a"]
it[1, 2] = 3
print(it[1, 2])

class WithCls:
    @classmethod
    def make(cls):
        return cls()
    @staticmethod
    def st(x):
        return x * 2
class Kid(WithCls):
    @classmethod
    def make(cls):
        r = super().make()
        return ("kid", type(r).__name__)
print(Kid.make(), Kid.st(4), Kid().st(5))

print(type(NotImplemented).__name__, NotImplemented.__class__.__name__)
print(SubInt(5).__class__.__mro__)
print(Single.__init__.__qualname__, Single.__new__.__qualname__ if hasattr(Single.__new__, "__qualname__") else "?")
