# sys.implementation prints as a namespace with its fields.
import sys

r = repr(sys.implementation)
print(r.startswith("namespace(name="))
print("version=" in r)
print(str(sys.implementation) == r)
print(isinstance(sys.implementation.name, str))
