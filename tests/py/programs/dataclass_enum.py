# dataclasses, enum and typing as MicroPython's library offers them.
from dataclasses import dataclass, field
from enum import Enum, IntEnum
from typing import List, Optional, Dict


class Color(Enum):
    RED = 1
    GREEN = 2
    BLUE = 3


class Priority(IntEnum):
    LOW = 1
    MEDIUM = 5
    HIGH = 10


@dataclass
class Point:
    x: float
    y: float = 0.0

    def dist(self, other: "Point") -> float:
        return ((self.x - other.x) ** 2 + (self.y - other.y) ** 2) ** 0.5


@dataclass
class Task:
    title: str
    priority: Priority = Priority.MEDIUM
    tags: List[str] = field(default_factory=list)
    done: bool = False
    owner: Optional[str] = None


@dataclass(frozen=True)
class Version:
    major: int
    minor: int = 0
    patch: int = 0

    def __str__(self):
        return f"{self.major}.{self.minor}.{self.patch}"


@dataclass(order=True)
class Card:
    rank: int
    suit: str


p = Point(3, 4)
print(p, p == Point(3, 4), p == Point(3, 5), p.dist(Point(0, 0)))
print(Point(1), repr(Point(y=2, x=1)))
t1 = Task("write docs")
t2 = Task("fix bug", Priority.HIGH, ["urgent"])
t1.tags.append("docs")
print(t1)
print(t2)
print(Task("x").tags, t1.tags is not Task("y").tags)
v = Version(1, 2)
print(v, repr(v), v == Version(1, 2, 0), hash(v) == hash(Version(1, 2)))
try:
    v.major = 3
except Exception as e:
    print("frozen:", type(e).__name__)
cards = [Card(10, "hearts"), Card(2, "spades"), Card(10, "clubs"), Card(14, "hearts")]
print(sorted(cards))
print(max(cards), Card(3, "a") < Card(3, "b"))

print(Color.RED, repr(Color.GREEN), Color.BLUE.name, Color.BLUE.value)
print(Color(2), Color["RED"], Color.RED is Color(1), Color.RED == 1)
print(list(Color), len(Color), [c.name for c in Color])
print(isinstance(Color.RED, Color), type(Color.RED).__name__)
try:
    Color(7)
except ValueError as e:
    print("ValueError:", e)
print(Priority.HIGH > Priority.LOW, Priority.HIGH + 1, Priority.LOW == 1, int(Priority.MEDIUM))
print(sorted([Priority.HIGH, Priority.LOW, Priority.MEDIUM]))
print({Color.RED: "stop", Color.GREEN: "go"}[Color.GREEN])

tasks: Dict[str, Task] = {t.title: t for t in (t1, t2, Task("review", Priority.LOW))}
for title, task in sorted(tasks.items(), key=lambda kv: -kv[1].priority):
    print(f"{title:<12} {task.priority.name:<6} {','.join(task.tags) or '-'}")


def describe(c: Color) -> str:
    match c:
        case Color.RED:
            return "warm"
        case Color.GREEN | Color.BLUE:
            return "cool"


print([describe(c) for c in Color])
