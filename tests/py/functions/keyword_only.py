def f(a, *, b, c=3):
    return a, b, c
print(f(1, b=2), f(1, b=2, c=4), f(a=1, b=2))
for call in [lambda: f(1, 2), lambda: f(1), lambda: f(1, b=2, d=5)]:
    try:
        call()
    except TypeError as e:
        print('TypeError', e)
def g(*, only):
    return only
print(g(only='kw'))
try:
    g('pos')
except TypeError as e:
    print('TypeError', e)
print(f.__kwdefaults__, g.__kwdefaults__)
