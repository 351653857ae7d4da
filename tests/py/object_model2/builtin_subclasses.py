class MyList(list):
    pass
ml = MyList([1, 2])
ml.append(3)
print(ml, repr(ml), type(ml).__name__, len(ml), ml == [1, 2, 3], isinstance(ml, list))
class MyStr(str):
    def shout(self):
        return self.upper() + "!"
s = MyStr("hi")
print(s, s.shout(), type(s + "x").__name__, type(s.upper()).__name__, s == "hi", hash(s) == hash("hi"))
class MyInt(int):
    def __repr__(self):
        return f"MyInt({int(self)})"
i = MyInt(5)
print(i, repr(i), i + 1, type(i + 1).__name__, str(i), f"{i}", f"{i:03d}")
class MyDict(dict):
    def __setitem__(self, k, v):
        super().__setitem__(k, v * 10)
md = MyDict()
md["a"] = 1
md.update(b=2)
print(md, MyDict(c=3))
class Pt(tuple):
    def __new__(cls, x, y):
        return super().__new__(cls, (x, y))
    @property
    def x(self):
        return self[0]
p = Pt(1, 2)
print(p, p.x, len(p), p + (3,), type(p).__name__)
from collections import namedtuple
NT = namedtuple("NT", "a b")
class NT2(NT):
    def total(self):
        return self.a + self.b
n = NT2(1, 2)
print(n, n.total(), n._replace(a=5), n._asdict())
class MyFloat(float):
    pass
print(MyFloat(1.5) * 2, repr(MyFloat(2.5)))
class MySet(set):
    pass
print(sorted(MySet([3, 1])), MySet([1]) | {2})
class MyBytes(bytes):
    pass
print(MyBytes(b"ab"), MyBytes(b"ab")[0])
class E(MyList):
    def __init__(self, *a):
        super().__init__(a)
print(E(1, 2, 3))
