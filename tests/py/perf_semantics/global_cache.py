# Global lookup caches: rebinding, deleting and shadowing globals and builtins.
import builtins


def f():
    return g() + len("abc")


def g():
    return 1


print([f() for _ in range(3)])


def g():
    return 10


print(f())
globals()["g"] = lambda: 100
print(f())

# A global shadowing a builtin, then removed.
len = lambda s: 1000
print(f())
del len
print(f())

# Changing the builtin itself.
orig = builtins.len
builtins.len = lambda s: 5
print(f())
builtins.len = orig
print(f())

# Deleting a global: NameError, then defined again.
del g
try:
    f()
except NameError as e:
    print("NameError", e)
exec("def g():\n    return 7", globals())
print(f())

# Many globals created after the cache filled (the dict grows and is rebuilt).
for i in range(50):
    globals()["x%d" % i] = i
print(f(), x49)
for i in range(0, 50, 2):
    del globals()["x%d" % i]
print(f(), x49)

# The same code run with different globals.
src = "def h():\n    return k\n"
ns1 = {"k": 1}
ns2 = {"k": 2}
exec(src, ns1)
exec(src, ns2)
print(ns1["h"](), ns2["h"](), ns1["h"](), ns2["h"]())
code = compile("r = k * 2", "<s>", "exec")
for ns in ({"k": 3}, {"k": 4}, {"k": 5}):
    exec(code, ns)
    print(ns["r"])
