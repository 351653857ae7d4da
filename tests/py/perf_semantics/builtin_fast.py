# Built-in calls from the dispatch loop, and builtins found past the module globals: shadowing,
# key filters of dicts that hold many names, errors raised by builtins, min/max of two numbers.
import builtins


def use():
    return len("abcd"), abs(-3), min(4, 2), max(4, 2)


print(use())

# Shadow a builtin after the lookups were cached, then remove the shadow.
len = lambda s: -1
print(use())
del len
print(use())

# Many globals: some keys share filter bits with builtins' names.
for i in range(200):
    globals()["name%d" % i] = i
print(use(), name199)
globals()["abs"] = lambda x: "shadow"
print(use())
del globals()["abs"]
print(use())

# Monkeypatching the builtins module.
saved = builtins.min
builtins.min = lambda a, b: "patched"
print(use())
builtins.min = saved
print(use())

# exec with its own globals, with and without a shadow.
code = compile("r = len('xy'), max(1, 9)", "<s>", "exec")
for ns in ({}, {"len": lambda s: 0}, {"max": lambda a, b: "m"}, {}):
    exec(code, ns)
    print(ns["r"])

# A dict emptied by clear() forgets its keys.
ns = {"len": lambda s: 42}
exec(code, ns)
print(ns["r"])
ns.clear()
exec(code, ns)
print(ns["r"])

# Errors from built-ins called positionally.
for bad in (lambda: len(), lambda: len(1, 2), lambda: len(5), lambda: abs("x"), lambda: isinstance(1)):
    try:
        bad()
    except TypeError as e:
        print("TypeError:", e)

# min/max of two values: ties keep the first, NaN and mixed types.
nan = float("nan")
print(min(1, 1.0), max(1.0, 1), min(2, 1), max(-1, -2))
print(min(0.5, 0.25), max(0.5, 0.25), min(nan, 1.0), min(1.0, nan), max(nan, 1.0))
print(min(True, 1), max(1, True), min(-0.0, 0.0), max(0.0, -0.0))
print(min(3, 2.5), max(3, 2.5), min("b", "a"), max([1], [2]))
print(min(1, 2, key=lambda v: -v), max(1, 2, key=None), min(5, 3, default=None) if False else 0)
try:
    min(1, "a")
except TypeError as e:
    print("TypeError:", e)
print(min((2**70), 3), max(2**70, 3))

# A built-in bound to an object is not a plain function: still works.
append = [].append
print(append(1), callable(append))

# Globals whose keys were made at run time (not the names the code looks up).
key = "".join(["dyn", "amic"])
globals()[key] = 1


def read_dynamic():
    return dynamic


print([read_dynamic() for _ in range(3)])
globals()[key] = 2
print(read_dynamic(), list(globals()).count("dynamic"))
del globals()["dyn" + "amic"]
try:
    read_dynamic()
except NameError as e:
    print("NameError", e)
globals()[key] = 3
print(read_dynamic())
