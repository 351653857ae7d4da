def f(a, b, c=0, *args, **kw):
    return (a, b, c, args, sorted(kw.items()))
print(f(*[1, 2]))
print(f(*(1, 2, 3, 4, 5)))
print(f(1, *[2], *[3, 4]))
print(f(**{'a': 1, 'b': 2}))
print(f(1, **{'b': 2, 'x': 9}, y=8))
print(f(*'ab', **{'c': 'C'}))
print(f(*range(3), **dict(z=1)))
args = (1, 2)
kwargs = {'c': 3, 'd': 4}
print(f(*args, **kwargs))
print(print(*[1, 2, 3], sep='-'))
def g(**kw):
    return kw
print(g(**{'a': 1}, **{'b': 2}))
try:
    g(**{'a': 1}, **{'a': 2})
except TypeError as e:
    print('TypeError')
try:
    f(*5)
except TypeError as e:
    print('TypeError')
try:
    f(**[1])
except TypeError as e:
    print('TypeError')
try:
    f(1, 2, a=1)
except TypeError as e:
    print('TypeError', e)
