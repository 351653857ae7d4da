def f(a): pass
def g(a, b): pass
def h(a, b=1): pass
def k(*, x): pass
def m(a, *args): pass
def n(): pass
calls = [
    lambda: f(),
    lambda: f(1, 2),
    lambda: g(1),
    lambda: g(),
    lambda: g(1, 2, 3),
    lambda: h(1, 2, 3),
    lambda: f(b=1),
    lambda: f(1, a=2),
    lambda: k(),
    lambda: k(1),
    lambda: m(),
    lambda: n(1),
    lambda: n(x=1),
]
for c in calls:
    try:
        c()
        print('ok')
    except TypeError as e:
        print('TypeError', e)
class C:
    def meth(self, a): pass
try:
    C().meth()
except TypeError as e:
    print('TypeError', e)
try:
    C().meth(1, 2)
except TypeError as e:
    print('TypeError', e)
