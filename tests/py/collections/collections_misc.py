from collections import namedtuple, OrderedDict, defaultdict, Counter

Point = namedtuple('Point', 'x y')
p = Point(1, 2)
print(p, p.x, p.y, p[0], p[-1], len(p), tuple(p), p == (1, 2), isinstance(p, tuple))
x, y = p
print(x, y, Point._fields, p._asdict(), p._replace(y=5), Point._make([3, 4]))
print(Point(y=7, x=8), type(p).__name__, hash(p) == hash((1, 2)))
P3 = namedtuple('P3', ['a', 'b', 'c'], defaults=[10, 20])
print(P3(1), P3(1, 2), P3(1, 2, 3), P3._field_defaults)
R = namedtuple('R', 'abc, def, abc, _x', rename=True)
print(R._fields, R(1, 2, 3, 4))
S = namedtuple('S', 'only')
print(S(5), S._make([6]))
print(p + (3,), p[:1], sorted([Point(2, 1), Point(1, 5)]))

def err(f, *a, **k):
    try:
        print('ok', f(*a, **k))
    except Exception as e:
        print(type(e).__name__, e)

err(namedtuple, 'Bad', 'x def')
err(namedtuple, 'Bad', 'x x')
err(namedtuple, 'Bad', '_x')
err(namedtuple, 'Bad', '1x')
err(Point._make, [1])
err(p._replace, z=3)
err(namedtuple, 'T', 'a', defaults=[1, 2])

od = OrderedDict()
od['a'] = 1
od['b'] = 2
od['c'] = 3
print(od, list(od), isinstance(od, dict), OrderedDict())
od.move_to_end('a')
print(list(od.items()))
od.move_to_end('c', last=False)
print(list(od.keys()))
print(od.popitem(), od.popitem(last=False), od)
print(OrderedDict([('x', 1), ('y', 2)]) == OrderedDict([('y', 2), ('x', 1)]), OrderedDict(x=1) == {'x': 1})
err(OrderedDict().popitem)
err(od.move_to_end, 'zz')

dd = defaultdict(list)
dd['a'].append(1)
dd['a'].append(2)
dd['b']
print(dd, dd['a'], len(dd), 'c' in dd, dd.default_factory)
di = defaultdict(int, {'z': 5})
for ch in 'hello':
    di[ch] += 1
print(sorted(di.items()), di)
print(defaultdict(None))
err(lambda: defaultdict()['x'])
err(defaultdict, 5)
print(isinstance(dd.copy(), defaultdict), dd.copy())

c = Counter('abracadabra')
print(c, c['a'], c['z'], c.most_common(2), c.most_common(), c.total())
print(sorted(c.elements()))
c.update('aaz')
c.update({'b': 10})
print(c)
c.subtract('aaaa')
print(c, Counter(), Counter(a=3, b=-1))
a, b = Counter(a=3, b=1), Counter(a=1, b=2)
print(a + b, a - b, a | b, a & b, +Counter(a=1, b=-2), -Counter(a=1, b=-2))
del c['zz']
del c['a']
print(c)
