def count_calls(f):
    def wrapper(*a, **k):
        wrapper.calls += 1
        return f(*a, **k)
    wrapper.calls = 0
    wrapper.__name__ = f.__name__
    return wrapper
@count_calls
def greet(name):
    return 'hi ' + name
greet('a'); greet('b'); greet('c')
print(greet.calls, greet.__name__)
def memo(f):
    cache = {}
    def wrapper(n):
        if n not in cache:
            cache[n] = f(n)
        return cache[n]
    wrapper.cache = cache
    return wrapper
@memo
@count_calls
def fib(n):
    return n if n < 2 else fib(n - 1) + fib(n - 2)
print(fib(30), len(fib.cache))
def validate(*types):
    def deco(f):
        def wrapper(*args):
            for a, t in zip(args, types):
                if not isinstance(a, t):
                    raise TypeError(f'{f.__name__}: expected {t.__name__}, got {type(a).__name__}')
            return f(*args)
        return wrapper
    return deco
@validate(int, str)
def repeat(n, s):
    return s * n
print(repeat(3, 'ab'))
try:
    repeat('3', 'ab')
except TypeError as e:
    print('TypeError', e)
