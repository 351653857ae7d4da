class Point:
    __match_args__ = ('x', 'y')
    def __init__(self, x, y):
        self.x = x
        self.y = y
class Circle:
    __match_args__ = ('center', 'r')
    def __init__(self, center, r):
        self.center = center
        self.r = r
def describe(shape):
    match shape:
        case Point(0, 0):
            return 'origin'
        case Point(x=0, y=y):
            return f'on y axis at {y}'
        case Point(x, y) if x == y:
            return f'diagonal point {x}'
        case Point(x, y):
            return f'point {x},{y}'
        case Circle(Point(0, 0), r):
            return f'centered circle r={r}'
        case Circle(center=c, r=r) if r > 10:
            return f'big circle at {c.x},{c.y}'
        case Circle():
            return 'small circle'
        case int(n) | float(n):
            return f'number {n}'
        case str() as s:
            return f'string {s!r}'
        case [Point(x1, y1), Point(x2, y2)]:
            return f'segment {x1},{y1}->{x2},{y2}'
        case _:
            return 'unknown'
for s in [Point(0, 0), Point(0, 5), Point(3, 3), Point(1, 2), Circle(Point(0, 0), 4), Circle(Point(1, 1), 20),
          Circle(Point(1, 1), 2), 7, 2.5, 'hi', [Point(1, 2), Point(3, 4)], None]:
    print(describe(s))
try:
    match Point(1, 2):
        case Point(1, 2, 3):
            pass
except TypeError as e:
    print('TypeError', e)
