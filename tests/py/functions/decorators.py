def trace(func):
    def wrapper(*args, **kwargs):
        print('calling', func.__name__, args, kwargs)
        result = func(*args, **kwargs)
        print('returned', result)
        return result
    return wrapper
@trace
def add(a, b):
    return a + b
add(1, 2)
add(a=3, b=4)
print(add.__name__)
def repeat(n):
    def deco(func):
        def wrapper(*a):
            return [func(*a) for _ in range(n)]
        return wrapper
    return deco
@repeat(3)
def hello(name):
    return 'hi ' + name
print(hello('bob'))
def bold(f):
    return lambda: '<b>' + f() + '</b>'
def italic(f):
    return lambda: '<i>' + f() + '</i>'
@bold
@italic
def text():
    return 'text'
print(text())
registry = []
def register(f):
    registry.append(f.__name__)
    return f
@register
def a(): pass
@register
def b(): pass
print(registry, a is not None)
def preserve(func):
    def wrapper(*args):
        return func(*args)
    wrapper.__name__ = func.__name__
    wrapper.__doc__ = func.__doc__
    return wrapper
@preserve
def documented():
    """Docs here."""
print(documented.__name__, documented.__doc__)
@(lambda f: f())
def called_immediately():
    return 'immediate'
print(called_immediately)
