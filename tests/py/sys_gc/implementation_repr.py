# sys.implementation is a simple namespace: its repr lists its attributes as
# namespace(name=..., ...) the way CPython prints types.SimpleNamespace.
import sys

r = repr(sys.implementation)
print(r.startswith("namespace(name="), r.endswith(")"))
print(type(sys.implementation.name).__name__)
print(str(sys.implementation) == r)
