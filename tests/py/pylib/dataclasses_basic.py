from dataclasses import dataclass, field, asdict, astuple, fields, replace, FrozenInstanceError, is_dataclass
@dataclass
class Point:
    x: int
    y: int = 0
    tags: list = field(default_factory=list)
p = Point(1, 2)
print(p, Point(3), p == Point(1, 2), p != Point(1, 3), p.tags)
print(asdict(p), astuple(p), [f.name for f in fields(Point)], is_dataclass(p))
print(replace(p, x=9))
@dataclass(order=True)
class V:
    a: int
    b: str = 'z'
print(V(1) < V(2), V(1, 'a') < V(1, 'b'), sorted([V(3), V(1), V(2)]))
@dataclass(frozen=True)
class F:
    n: int
f = F(1)
try:
    f.n = 2
except FrozenInstanceError as e:
    print('frozen', e)
print(hash(f) == hash(F(1)), {f: 1}[F(1)])
@dataclass
class Child(Point):
    z: int = 5
print(Child(1, 2, [], 7))
@dataclass
class WithPost:
    a: int
    b: int = field(init=False)
    def __post_init__(self):
        self.b = self.a * 2
print(WithPost(4))
try:
    Point()
except TypeError as e:
    print(e)
@dataclass
class Nested:
    p: Point
    items: list
print(asdict(Nested(Point(1), [Point(2)])))
