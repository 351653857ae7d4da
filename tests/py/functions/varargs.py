def f(*args):
    return args
print(f(), f(1), f(1, 2, 3), type(f()).__name__)
def g(a, *rest):
    return a, rest
print(g(1), g(1, 2, 3))
def total(*nums, start=0):
    return start + sum(nums)
print(total(1, 2, 3), total(1, 2, start=10), total())
def kw(**kwargs):
    return sorted(kwargs.items())
print(kw(), kw(a=1, b=2), kw(**{'x': 'y'}))
def both(a, *args, b=5, **kwargs):
    return a, args, b, kwargs
print(both(1), both(1, 2, 3, b=4, c=5), both(a=9, z=0))
def order(**kw):
    return list(kw)
print(order(z=1, a=2, m=3))
