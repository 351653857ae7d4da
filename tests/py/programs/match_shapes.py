# Structural pattern matching: literals, captures, sequences with star,
# mappings with **rest, class patterns with __match_args__, guards, or-patterns.
from dataclasses import dataclass


@dataclass
class Point:
    x: int
    y: int


@dataclass
class Circle:
    center: Point
    r: float


@dataclass
class Rect:
    corner: Point
    w: float
    h: float


class Cmd:
    __match_args__ = ("verb", "obj")

    def __init__(self, verb, obj=None):
        self.verb, self.obj = verb, obj


def area(shape):
    match shape:
        case Circle(r=r) if r < 0:
            raise ValueError("negative radius")
        case Circle(Point(0, 0), r):
            return f"centred circle {3.14159 * r * r:.2f}"
        case Circle(_, r):
            return f"circle {3.14159 * r * r:.2f}"
        case Rect(Point(x, y), w, h) if w == h:
            return f"square at ({x},{y}) {w * h}"
        case Rect(w=w, h=h):
            return f"rect {w * h}"
        case _:
            return "unknown"


for s in [Circle(Point(0, 0), 1), Circle(Point(1, 2), 2), Rect(Point(1, 1), 2, 2), Rect(Point(0, 0), 2, 3), "x"]:
    print(area(s))
try:
    area(Circle(Point(0, 0), -1))
except ValueError as e:
    print("ValueError:", e)


def describe(v):
    match v:
        case None:
            return "none"
        case True | False as b:
            return f"bool {b}"
        case 0:
            return "zero"
        case int(n) if n < 0:
            return f"negative int {n}"
        case int() | float() as n:
            return f"number {n!r}"
        case "":
            return "empty string"
        case str(s) if s.isdigit():
            return f"digit string {s}"
        case str():
            return f"string {v!r}"
        case []:
            return "empty list"
        case [x]:
            return f"singleton {x!r}"
        case [x, y]:
            return f"pair {x!r},{y!r}"
        case (first, *rest) if isinstance(v, tuple):
            return f"tuple starting {first!r} + {len(rest)} more"
        case [first, *_, last]:
            return f"list {first!r}..{last!r}"
        case {"type": "user", "name": str(name), **extra}:
            return f"user {name} extra={sorted(extra)}"
        case {"type": t}:
            return f"typed {t}"
        case {}:
            return "some mapping"
        case Point(x=0, y=0):
            return "origin"
        case Point(x, y) if x == y:
            return f"diagonal {x}"
        case Point():
            return "point"
        case _:
            return f"other {type(v).__name__}"


values = [None, True, False, 0, -5, 7, 2.5, "", "123", "abc", [], [1], [1, 2], (1, 2, 3), [1, 2, 3, 4],
          {"type": "user", "name": "bo", "age": 3}, {"type": "admin"}, {"x": 1}, Point(0, 0), Point(3, 3),
          Point(1, 2), {1, 2}, b"bytes", range(3)]
for v in values:
    print(repr(v), "->", describe(v))


def run(cmd):
    match cmd:
        case Cmd("go", "north" | "south" as d):
            return f"going {d}"
        case Cmd("go", d):
            return f"can't go {d}"
        case Cmd("look"):
            return "looking"
        case Cmd(verb=v):
            return f"unknown verb {v}"


print([run(c) for c in [Cmd("go", "north"), Cmd("go", "up"), Cmd("look"), Cmd("dance")]])


def parse(tokens):
    match tokens.split():
        case ["load", filename]:
            return ("load", filename)
        case ["save", filename, *flags] if all(f.startswith("-") for f in flags):
            return ("save", filename, flags)
        case ["quit" | "exit"]:
            return ("quit",)
        case [("add" | "sub") as op, a, b]:
            return (op, int(a), int(b))
        case []:
            return ("noop",)
        case other:
            return ("error", other)


for line in ["load a.txt", "save b.txt -f -v", "save c.txt x", "quit", "exit", "add 1 2", "", "what is this"]:
    print(repr(line), parse(line))


class Color:
    RED = "red"
    GREEN = "green"


def paint(c):
    match c:
        case Color.RED:
            return "stop"
        case Color.GREEN:
            return "go"
        case _:
            return "?"


print(paint("red"), paint("green"), paint("blue"))
match {"a": 1, "b": [1, (2, 3)]}:
    case {"b": [_, (x, y)]}:
        print("nested", x, y)
match 42:
    case n:
        print("irrefutable", n)
