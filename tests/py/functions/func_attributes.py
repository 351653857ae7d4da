def f(a, b=1, *args, c, d=2, **kw):
    """Function docstring."""
    return a
print(f.__name__, f.__qualname__, f.__doc__, f.__defaults__, f.__kwdefaults__, f.__module__)
class C:
    def method(self):
        pass
    class Inner:
        def deep(self):
            pass
print(C.method.__name__, C.method.__qualname__, C.Inner.deep.__qualname__, C.Inner.__qualname__)
def outer():
    def inner():
        pass
    return inner
print(outer().__qualname__)
print((lambda: 0).__qualname__)
def nodoc(): pass
print(nodoc.__doc__)
f.custom = 'attr'
print(f.custom, 'custom' in f.__dict__)
f.__name__ = 'renamed'
print(f.__name__)
print(callable(f), type(f).__name__)
