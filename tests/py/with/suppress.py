class Suppress:
    def __init__(self, *types): self.types = types
    def __enter__(self): return self
    def __exit__(self, et, ev, tb):
        if et is not None and issubclass(et, self.types):
            print('suppressed', et.__name__, ev)
            return True
        return False
with Suppress(ValueError, KeyError):
    raise KeyError('k')
print('continued after KeyError')
with Suppress(ValueError):
    int('x')
print('continued after ValueError')
try:
    with Suppress(ValueError):
        1 / 0
except ZeroDivisionError as e:
    print('not suppressed', e)
def f():
    with Suppress(Exception):
        raise RuntimeError('inside function')
        return 'unreachable'
    return 'after with'
print(f())
