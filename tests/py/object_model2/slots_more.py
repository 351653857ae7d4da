import copy
class P:
    __slots__ = ("x", "y")
    def __init__(self, x, y):
        self.x = x
        self.y = y
p = P(1, [2])
q = copy.copy(p)
r = copy.deepcopy(p)
print(q.x, q.y, r.y, r.y is p.y, q.y is p.y)
print([n for n in dir(p) if not n.startswith("__")])
print("x" in P.__dict__, P.__slots__)
class Q(P):
    __slots__ = ("z",)
print(sorted(k for k in Q.__dict__ if not k.startswith("__")))
qq = Q(1, 2)
qq.z = 3
print(qq.x, qq.y, qq.z)
print(isinstance(P.x, object), P.x.__get__(p, P))
try:
    from dataclasses import dataclass
    @dataclass
    class DC:
        a: int
        b: str = "s"
    d = DC(1)
    print(d, d == DC(1, "s"))
except ImportError:
    print("no dataclasses")
class G:
    __slots__ = ("a",)
    def __getattr__(self, n):
        return "ga " + n
g = G()
print(g.a, g.b)
g.a = 1
print(g.a)
class Gs:
    __slots__ = ("v",)
    def __getattribute__(self, n):
        if n == "v":
            return "intercept"
        return object.__getattribute__(self, n)
gs = Gs()
gs.v = 5
print(gs.v, Gs.v.__get__(gs))
