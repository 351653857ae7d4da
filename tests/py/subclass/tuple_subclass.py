class Point(tuple):
    def __new__(cls, x, y):
        return super().__new__(cls, (x, y))
    @property
    def x(self): return self[0]
    @property
    def y(self): return self[1]
    def __repr__(self):
        return f'Point(x={self.x}, y={self.y})'
    def __add__(self, o):
        return Point(self.x + o.x, self.y + o.y)
p = Point(1, 2)
q = Point(3, 4)
print(p, p + q, p.x, q.y, len(p), list(p), p == (1, 2), hash(p) == hash((1, 2)))
x, y = p
print(x, y, p[::-1], type(p[::-1]).__name__)
try:
    p.x = 5
except AttributeError as e:
    print('AttributeError')
def namedtuple_like(name, fields):
    def __new__(cls, *args):
        return tuple.__new__(cls, args)
    ns = {'__new__': __new__, '__repr__': lambda s: name + repr(tuple(s))}
    for i, f in enumerate(fields):
        ns[f] = property(lambda s, i=i: s[i])
    return type(name, (tuple,), ns)
RGB = namedtuple_like('RGB', ['r', 'g', 'b'])
c = RGB(255, 128, 0)
print(c, c.g, c[2], max(c))
