class Shape:
    def __init__(self, name):
        self.name = name
    @property
    def area(self):
        raise NotImplementedError(f'{type(self).__name__} has no area')
    @property
    def description(self):
        return f'{self.name} with area {self.area}'
class Square(Shape):
    def __init__(self, side):
        super().__init__('square')
        self.side = side
    @property
    def area(self):
        return self.side ** 2
class Rect(Square):
    def __init__(self, w, h):
        super().__init__(w)
        self.name = 'rect'
        self.h = h
    @property
    def area(self):
        return self.side * self.h
for s in [Square(3), Rect(2, 5)]:
    print(s.description)
try:
    Shape('blob').description
except NotImplementedError as e:
    print('NotImplementedError', e)
class Temp:
    def __init__(self):
        self._c = 0
    celsius = property(lambda self: self._c, lambda self, v: setattr(self, '_c', v))
    fahrenheit = property(lambda self: self._c * 9 / 5 + 32)
t = Temp()
t.celsius = 100
print(t.celsius, t.fahrenheit)
