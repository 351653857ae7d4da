try:
    import nope
except ModuleNotFoundError as e:
    print('ModuleNotFoundError', e, e.name)
try:
    import pkg_a.nope_sub
except ModuleNotFoundError as e:
    print('ModuleNotFoundError', e)
try:
    from nope_pkg import thing
except ImportError as e:
    print(type(e).__name__, e)
print(issubclass(ModuleNotFoundError, ImportError))
