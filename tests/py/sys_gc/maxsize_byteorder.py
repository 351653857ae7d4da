import sys
print(sys.maxsize == 2**63 - 1 or sys.maxsize == 2**31 - 1)
print(sys.maxsize > 0, type(sys.maxsize).__name__, sys.maxsize + 1 > sys.maxsize)
print(sys.byteorder in ('little', 'big'))
print(isinstance(sys.modules, dict), 'sys' in sys.modules)
print(sys.stdout is not None, hasattr(sys.stdout, 'write'))
