class Circle:
    def __init__(self, r):
        self._r = r
    @property
    def radius(self):
        """The radius."""
        return self._r
    @radius.setter
    def radius(self, v):
        if v < 0:
            raise ValueError('radius must be non-negative')
        self._r = v
    @radius.deleter
    def radius(self):
        print('deleting radius')
        del self._r
    @property
    def diameter(self):
        return self._r * 2
c = Circle(3)
print(c.radius, c.diameter)
c.radius = 5
print(c.radius, c.diameter)
try:
    c.radius = -1
except ValueError as e:
    print('ValueError', e)
try:
    c.diameter = 4
except AttributeError as e:
    print('AttributeError')
del c.radius
print(hasattr(c, '_r'))
print(Circle.radius.__doc__, type(Circle.radius).__name__)
class P:
    def get_x(self): return 'x value'
    x = property(get_x)
print(P().x)
try:
    del P().x
except AttributeError:
    print('AttributeError on delete')
