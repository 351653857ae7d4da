class Point:
    def __init__(self, x, y):
        self.x, self.y = x, y
    def __eq__(self, other):
        if not isinstance(other, Point):
            return NotImplemented
        return (self.x, self.y) == (other.x, other.y)
    def __hash__(self):
        return hash((self.x, self.y))
    def __repr__(self):
        return f'Point({self.x!r}, {self.y!r})'
p, q = Point(1, 2), Point(1, 2)
print(p == q, p is q, p != Point(2, 1), p == (1, 2), {p, q}, [p].count(q))
print(repr(Point('a', None)), str(p), f'{p}', [p, Point(0, 0)])
print(sorted([Point(2, 1), Point(1, 2)], key=lambda pt: (pt.x, pt.y)))
