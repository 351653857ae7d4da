# Instance attributes kept in shared-shape slots: every way of reaching them must agree with
# the instance's __dict__, and caches must notice shape, class and descriptor changes.
import copy
import gc


class P:
    k = "class-k"

    def __init__(self, x, y):
        self.x = x
        self.y = y

    def get(self):
        return self.x


def read_all(objs):
    return [(o.x, o.y, o.k) for o in objs]


a = P(1, 2)
b = P(3, 4)
print(read_all([a, b]))

# Same names in another order: another shape, same answers at the same sites.
c = P.__new__(P)
c.y = 20
c.x = 10
print(read_all([a, c, b, c]))

# An instance attribute shadowing a class attribute and a method.
a.k = "inst-k"
print(read_all([a, b]))
print(b.get(), c.get())
a.get = lambda: "shadowed"
print(a.get(), b.get())
del a.get
print(a.get())

# __dict__ is live in both directions, also after slot-mode reads were cached.
d = a.__dict__
print(sorted(d.items()))
d["x"] = 100
print(a.x, read_all([a]))
a.z = 5
print(sorted(d.items()))
del d["z"]
print(hasattr(a, "z"))
print(vars(b) == {"x": 3, "y": 4})
vars(b)["y"] = 44
print(b.y)

# Deleting attributes, then adding them back.
e = P(7, 8)
del e.x
try:
    e.x
except AttributeError as exc:
    print("AttributeError", exc)
print(e.y, e.__dict__)
e.x = 70
print(e.x, e.y, list(e.__dict__))
try:
    del e.nothing
except AttributeError as exc:
    print("AttributeError", exc)


# Class attribute changes after instances exist.
def k_of(o):
    return o.k


f = P(0, 0)
print(k_of(f))
P.k = "changed"
print(k_of(f))
del P.k
try:
    k_of(f)
except AttributeError as exc:
    print("AttributeError", exc)
P.k = "back"
print(k_of(f))


# A property added to the class later takes over from the instance slot.
def x_of(o):
    return o.x


print(x_of(f))
P.x = property(lambda self: "prop-x", lambda self, v: print("set x", v))
print(x_of(f))
f.x = 9
print(f.__dict__.get("x"))
del P.x
print(x_of(f))


# __class__ assignment moves the instance to the other class's attributes and methods.
class Q:
    k = "Q-k"

    def get(self):
        return "Q.get", self.y


g = P(1, 2)
print(g.get(), g.k)
g.__class__ = Q
print(g.get(), g.k, g.x, type(g).__name__)
g.w = 3
print(sorted(vars(g).items()))


# __getattr__ that stores the attribute (lazy attribute), __setattr__ and __delattr__ hooks.
class Lazy:
    def __getattr__(self, name):
        print("compute", name)
        setattr(self, name, name * 2)
        return name * 2


def lazy_ab(o):
    return o.ab


lz = Lazy()
print(lazy_ab(lz), lazy_ab(lz), lazy_ab(Lazy()))


class Logged:
    def __init__(self):
        self.a = 1

    def __setattr__(self, name, value):
        print("setattr", name, value)
        object.__setattr__(self, name, value * 10)

    def __delattr__(self, name):
        print("delattr", name)
        object.__delattr__(self, name)


lg = Logged()
lg.b = 2
print(lg.a, lg.b)
del lg.a
print(vars(lg))


# Data and non-data descriptors.
class Desc:
    def __get__(self, obj, cls):
        return "desc-get"


class DataDesc:
    def __get__(self, obj, cls):
        return "data-get"

    def __set__(self, obj, value):
        print("data-set", value)


class WithDesc:
    nd = Desc()
    dd = DataDesc()


w = WithDesc()
print(w.nd, w.dd)
w.nd = "instance wins"
w.dd = "ignored"
print(w.nd, w.dd, sorted(vars(w)))

# Many attributes and computed names (past the slot limit the instance uses a dict).
many = P(0, 0)
for i in range(100):
    setattr(many, "attr%d" % i, i)
print(many.attr0, many.attr57, many.attr99, len(vars(many)))
print(sum(getattr(many, "attr%d" % i) for i in range(100)))
for i in range(0, 100, 2):
    delattr(many, "attr%d" % i)
print(len(vars(many)), hasattr(many, "attr2"), many.attr3)

# Many instances with different attribute sets.
objs = []
for i in range(300):
    o = P(i, -i)
    setattr(o, "extra%d" % (i % 40), i)
    objs.append(o)
print(sum(o.x - o.y for o in objs), getattr(objs[123], "extra3"))

# copy and the copy's independence.
h = P([1], "y")
h2 = copy.copy(h)
h3 = copy.deepcopy(h)
h.x.append(2)
h2.y = "y2"
print(h.x, h2.x, h3.x, h.y, h2.y, h3.y)

# dir() lists slot attributes; cycles through slots are collected.
print([n for n in dir(P(1, 2)) if not n.startswith("__")])


class Node:
    def __init__(self):
        self.other = None


gc.collect()
for i in range(50):
    n1 = Node()
    n2 = Node()
    n1.other = n2
    n2.other = n1
del n1, n2
print(gc.collect() >= 0)


# Subclasses of built-in types keep attributes too.
class L(list):
    def __init__(self, *a):
        super().__init__(*a)
        self.tag = "t"


ll = L([1, 2])
ll.more = 1
print(ll, ll.tag, ll.more, sorted(vars(ll)))


# Exceptions with attributes.
class MyErr(Exception):
    def __init__(self, msg, code):
        super().__init__(msg)
        self.code = code


try:
    raise MyErr("boom", 42)
except MyErr as err:
    print(err, err.code, err.args, vars(err))
