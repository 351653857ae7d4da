class Bag:
    def __init__(self, **kw):
        self.__dict__.update(kw)
    def __repr__(self):
        return 'Bag(' + ', '.join(f'{k}={v!r}' for k, v in sorted(self.__dict__.items())) + ')'
b = Bag(x=1, y='two')
print(b, b.x, b.y)
b.z = [3]
print(vars(b))
b.__dict__['w'] = 'direct'
print(b.w, b)
del b.__dict__['x']
print(hasattr(b, 'x'), b)
print(sorted(Bag(a=1, b=2).__dict__))
