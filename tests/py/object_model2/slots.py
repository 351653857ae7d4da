class P:
    __slots__ = ("x", "y")
    def __init__(self, x, y):
        self.x = x
        self.y = y

p = P(1, 2)
print(p.x, p.y)
print(P.x)
print(type(P.x).__name__, P.x.__name__)
try:
    p.z = 3
except AttributeError as e:
    print("AE", e)
try:
    p.__dict__
except AttributeError as e:
    print("AE", e)
print(hasattr(p, "__dict__"))
try:
    vars(p)
except TypeError as e:
    print("TE", e)
q = P.__new__(P)
try:
    q.x
except AttributeError as e:
    print("AE", e)
q.x = 5
print(q.x)
del q.x
try:
    del q.x
except AttributeError as e:
    print("AE", e)
for i in range(5):
    p.x = p.x + i
print(p.x)

class Q(P):
    pass
qq = Q(3, 4)
qq.z = 9
print(qq.x, qq.z, qq.__dict__['z'])

class R(P):
    __slots__ = "w"
r = R(1, 2)
r.w = 7
print(r.w, r.x)
try:
    r.v = 1
except AttributeError as e:
    print("AE", e)

class S:
    __slots__ = ["a", "__dict__"]
s = S()
s.a = 1
s.b = 2
print(s.a, s.b, s.__dict__['b'])

class T:
    __slots__ = iter(["m", "n"])
t = T()
t.m = 1
print(t.m, T.__slots__ is not None)

try:
    class U:
        __slots__ = ("x",)
        x = 1
except ValueError as e:
    print("VE", e)
try:
    class V:
        __slots__ = (1,)
except TypeError as e:
    print("TE", e)

class W:
    __slots__ = ("__priv",)
    def set(self, v):
        self.__priv = v
    def get(self):
        return self.__priv
w = W()
w.set(4)
print(w.get(), hasattr(W, "_W__priv"))

class X:
    __slots__ = ()
try:
    X().a = 1
except AttributeError as e:
    print("AE", e)

class Y:
    __slots__ = ("v",)
    @property
    def double(self):
        return self.v * 2
y = Y()
y.v = 21
print(y.double)
print(P.x.__get__(p), P.x.__get__(None, P) is P.x)
P.x.__set__(p, 100)
print(p.x)

class Z(int):
    __slots__ = ()
z = Z(5)
print(z + 1)
try:
    z.q = 1
except AttributeError as e:
    print("AE", e)

class Ex(Exception):
    __slots__ = ("code",)
ex = Ex("m")
ex.code = 3
ex.other = 4
print(ex.code, ex.other)
