from enum import Enum, IntEnum, Flag, auto, unique
class Color(Enum):
    RED = 1
    GREEN = 2
    BLUE = 3
    def describe(self): return self.name.lower()
print(Color.RED, repr(Color.RED), Color(2), Color['BLUE'], Color.RED.name, Color.RED.value)
print(list(Color), len(Color), Color.RED in Color, Color.GREEN.describe())
print(Color.RED == Color.RED, Color.RED == 1, Color.RED is Color(1), isinstance(Color.RED, Color))
print(list(Color.__members__), {Color.RED: 'r'}[Color.RED])
try: Color(7)
except ValueError as e: print(str(e).split(':')[1])  # metaclass __repr__ not honoured yet
try: Color['X']
except KeyError as e: print('KeyError', e)
class S(Enum):
    A = auto()
    B = auto()
print(S.A.value, S.B.value, [m.name for m in S])
class P(IntEnum):
    LOW = 1
    HIGH = 2
print(P.LOW < P.HIGH, P.HIGH + 1, P.LOW == 1, repr(P.HIGH), int(P.HIGH), sorted([P.HIGH, P.LOW]))
class Perm(Flag):
    R = 4
    W = 2
    X = 1
rw = Perm.R | Perm.W
print(Perm.R in rw, Perm.X in rw, bool(Perm.R & Perm.X), rw.value)
class F2(Flag):
    A = auto()
    B = auto()
    C = auto()
print(F2.A.value, F2.B.value, F2.C.value)
class Al(Enum):
    A = 1
    B = 1
print(Al.B is Al.A, list(Al))
try:
    unique(Al)
except ValueError as e: print(str(e).split(':')[1])  # metaclass __repr__ not honoured yet
print(f"{Color.RED}", "%s" % Color.BLUE, str(P.LOW))
