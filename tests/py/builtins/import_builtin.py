m = __import__('math')
print(m.sqrt(16), m.__name__)
s = __import__('sys')
print(s is __import__('sys'), type(s).__name__)
try:
    __import__('no_such_module_xyz')
except ImportError as e:
    print(type(e).__name__, e)
import math as mm
print(mm is m)
