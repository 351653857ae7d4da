# Attribute inline caches: every cached fast path must notice class and instance changes.


class P:
    scale = 3

    def __init__(self, x):
        self.x = x

    def get(self):
        return self.x


def read_x(objs):
    return [o.x for o in objs]


def read_scale(objs):
    return [o.scale for o in objs]


def call_get(objs):
    return [o.get() for o in objs]


ps = [P(i) for i in range(3)]
for _ in range(3):
    print(read_x(ps), read_scale(ps), call_get(ps))

# Instance attribute shadows the class attribute after the cache filled.
ps[1].scale = 100
print(read_scale(ps))
del ps[1].scale
print(read_scale(ps))

# Class attribute changed / deleted after caching.
P.scale = 7
print(read_scale(ps))
del P.scale
try:
    read_scale(ps)
except AttributeError as e:
    print("AttributeError", e)
P.scale = 9
print(read_scale(ps))

# Method replaced on the class, then shadowed on an instance, then unshadowed.
P.get = lambda self: -self.x
print(call_get(ps))
ps[0].get = lambda: "inst"
print(call_get(ps))
del ps[0].get
print(call_get(ps))

# A property added to the class takes priority over the instance dict.
P.x = property(lambda self: "prop")
print(read_x(ps))
del P.x
print(read_x(ps))

# __getattr__ added later is used for missing attributes.
def missing():
    try:
        return [o.nope for o in ps]
    except AttributeError as e:
        return str(e)


print(missing())
P.__getattr__ = lambda self, name: name + "!"
print(missing())
del P.__getattr__
print(missing())


# Polymorphic sites: several classes through the same code.
class A:
    v = "A"

    def who(self):
        return "A.who"


class B(A):
    def who(self):
        return "B.who"


class C:
    def __init__(self):
        self.v = "C"

    def who(self):
        return "C.who"


objs = [A(), B(), C(), A(), C(), B()]
for _ in range(2):
    print([o.v for o in objs], [o.who() for o in objs])
A.v = "A2"
print([o.v for o in objs])

# __class__ assignment after caching.
a = A()
print(a.who(), a.v)
a.__class__ = C
a.v = "now C"
print(a.who(), a.v)


# Stores: __setattr__ added after caching, data descriptor added after caching.
class S:
    pass


def store(o, n):
    o.val = n
    return o.val


s = S()
print([store(s, i) for i in range(3)])
log = []


def logging_setattr(self, name, value):
    log.append((name, value))
    object.__setattr__(self, name, value * 10)


S.__setattr__ = logging_setattr
print(store(s, 4), log)
del S.__setattr__
print(store(s, 5), log)


class Desc:
    def __get__(self, obj, cls):
        return "desc-get"

    def __set__(self, obj, value):
        log.append(("desc-set", value))


S.val = Desc()
print(store(s, 6), log[-1], s.__dict__)
del S.val
print(store(s, 7), s.__dict__)

# Deleting and re-adding instance attributes changes dict layout (hints must not go stale).
class D:
    pass


d = D()
d.a, d.b, d.c = 1, 2, 3


def rd(o):
    return (o.a, o.b, o.c)


print(rd(d))
del d.a
d.a = 10
print(rd(d), list(d.__dict__))
d.__dict__.clear()
d.c, d.b, d.a = "c", "b", "a"
print(rd(d))
vars(d)["b"] = "via vars"
print(rd(d))
