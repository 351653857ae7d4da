class Dynamic:
    def __init__(self):
        self.real = 'real value'
    def __getattr__(self, name):
        if name.startswith('auto_'):
            return name[5:].upper()
        raise AttributeError(f'{type(self).__name__!r} has no {name!r}')
d = Dynamic()
print(d.real, d.auto_hello, getattr(d, 'auto_x'), hasattr(d, 'other'))
try:
    d.other
except AttributeError as e:
    print('AttributeError', e)
class Logged:
    def __setattr__(self, name, value):
        print('setattr', name, value)
        super().__setattr__(name, value)
    def __delattr__(self, name):
        print('delattr', name)
        super().__delattr__(name)
l = Logged()
l.x = 1
l.x += 1
print(l.x)
del l.x
print(hasattr(l, 'x'))
class ReadOnly:
    def __init__(self):
        object.__setattr__(self, 'frozen', True)
    def __setattr__(self, name, value):
        raise AttributeError(f'cannot set {name}')
r = ReadOnly()
print(r.frozen)
try:
    r.y = 2
except AttributeError as e:
    print('AttributeError', e)
class Proxy:
    def __init__(self, target):
        object.__setattr__(self, '_t', target)
    def __getattr__(self, name):
        return getattr(self._t, name)
p = Proxy([3, 1, 2])
p.sort()
print(p._t, p.count(1))
