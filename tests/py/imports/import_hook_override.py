# Replacing builtins.__import__ redirects import statements; __import__ checks its level.
import builtins

calls = []
real_import = builtins.__import__


def hook(name, globals=None, locals=None, fromlist=(), level=0):
    calls.append((name, fromlist, level))
    return real_import(name, globals, locals, fromlist, level)


builtins.__import__ = hook
try:
    import math
    from math import pi
finally:
    builtins.__import__ = real_import
print(calls)
print(math.floor(pi))
try:
    __import__("math", None, None, None, -1)
except ValueError as e:
    print("ValueError", e)
try:
    __import__("")
except ValueError as e:
    print("ValueError", e)
