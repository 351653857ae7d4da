# getattr(obj, name, default) and hasattr() answer misses on plain instances without raising
# internally; every other kind of miss must still go through __getattr__, properties, class
# attributes, exception and built-in-subclass attributes.
class A:
    k = 1


a = A()
names = ["x%d" % (i % 7) for i in range(40)]
for n in names:
    setattr(a, n, getattr(a, n, 0) + 1)
print(sorted(vars(a).items()))
print(getattr(a, "k", None), getattr(a, "missing", "dflt"), hasattr(a, "x3"), hasattr(a, "zz"))
print(getattr(a, "__class__", None).__name__, hasattr(a, "__dict__"), hasattr(a, "__nope__"))


class G:
    def __getattr__(self, name):
        if name.startswith("dyn"):
            return "got " + name
        raise AttributeError(name)


g = G()
print(getattr(g, "dyn1", None), getattr(g, "other", "dflt"), hasattr(g, "dyn2"), hasattr(g, "x"))


class P:
    @property
    def p(self):
        raise AttributeError("from property")

    @property
    def q(self):
        raise ValueError("not an AttributeError")


print(getattr(P(), "p", "dflt"), hasattr(P(), "p"))
try:
    hasattr(P(), "q")
except ValueError as e:
    print("ValueError", e)
try:
    getattr(a, "missing")
except AttributeError as e:
    print("AttributeError", e)


class E(Exception):
    pass


e = E("m")
print(getattr(e, "args", None), hasattr(e, "args"), getattr(e, "nothing", "dflt"))


class L(list):
    pass


ll = L([3, 1])
print(hasattr(ll, "append"), getattr(ll, "nope", "dflt"), getattr(ll, "sort", None) is not None)
print(getattr(1, "real", None), getattr(1, "nope", "dflt"), hasattr("s", "upper"))
try:
    getattr(a, 5, None)
except TypeError as e:
    print("TypeError", e)
