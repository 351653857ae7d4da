class Typed:
    def __set_name__(self, owner, name):
        self.name = '_' + name
        print('set_name', owner.__name__, name)
    def __get__(self, obj, objtype=None):
        if obj is None:
            return self
        return getattr(obj, self.name, None)
    def __set__(self, obj, value):
        if not isinstance(value, int):
            raise TypeError(f'{self.name[1:]} must be int')
        setattr(obj, self.name, value)
class Point:
    x = Typed()
    y = Typed()
    def __init__(self, x, y):
        self.x = x
        self.y = y
p = Point(1, 2)
print(p.x, p.y, sorted(p.__dict__), type(Point.x).__name__)
try:
    p.x = 'bad'
except TypeError as e:
    print('TypeError', e)
class NonData:
    def __get__(self, obj, objtype=None):
        return 'from descriptor'
class Holder:
    attr = NonData()
h = Holder()
print(h.attr, Holder.attr)
h.__dict__['attr'] = 'instance wins'
print(h.attr)
class Lazy:
    def __init__(self, f): self.f = f
    def __get__(self, obj, cls):
        if obj is None:
            return self
        v = self.f(obj)
        obj.__dict__[self.f.__name__] = v
        return v
class C:
    @Lazy
    def expensive(self):
        print('computing')
        return 42
c = C()
print(c.expensive, c.expensive)
