# Replacing builtins.__import__ redirects the import statement to the new function.
import builtins

seen = []


def hook(name, globals=None, locals=None, fromlist=(), level=0):
    seen.append((name, fromlist, level))

    class Fake:
        a = 1
        b = 2

    return Fake


original = builtins.__import__
builtins.__import__ = hook
try:
    import alpha
    import alpha.beta
    from alpha import a
    from alpha.beta import a, b
    from . import a
    from ..gamma import b
finally:
    builtins.__import__ = original

for s in seen:
    print(s)
print(a, b)

import math
print(math.sqrt(4.0))
print(__import__("math").pi > 3)
