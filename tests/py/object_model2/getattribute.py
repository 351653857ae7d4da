class A:
    def __init__(self):
        self.x = 1
    def __getattribute__(self, name):
        print("ga", name)
        if name == "secret":
            raise AttributeError(name)
        return object.__getattribute__(self, name)
    def __getattr__(self, name):
        return "fallback " + name
    def m(self):
        return "m"

a = A()
print(a.x)
print(a.m())
print(a.secret)
print(getattr(a, "x"))
print(hasattr(a, "zzz"))
print(getattr(a, "nope", 5))

class B(A):
    pass
b = B()
print(b.x)

class C:
    def __init__(self):
        self.v = 3
    def get(self):
        return self.v
c = C()
for i in range(3):
    print(c.v, c.get())
def ga(self, name):
    return "intercepted " + name
C.__getattribute__ = ga
for i in range(3):
    print(c.v)
print(c.get)
del C.__getattribute__
print(c.v, c.get())

class D:
    def __getattribute__(self, name):
        return super().__getattribute__(name).upper()
    s = "hello"
print(D().s)

class E:
    @property
    def p(self):
        raise AttributeError("inner")
    def __getattr__(self, name):
        return "getattr " + name
print(E().p)

class F:
    def __getattribute__(self, name):
        raise AttributeError("no " + name)
try:
    F().x
except AttributeError as e:
    print("AE", e)
print(hasattr(F(), "x"))
