import math
class N:
    def __init__(self, v):
        self.v = v
    def __round__(self, nd=None):
        return ("round", nd)
    def __trunc__(self):
        return "trunc"
    def __floor__(self):
        return "floor"
    def __ceil__(self):
        return "ceil"
n = N(2.5)
print(round(n), round(n, 2), math.trunc(n), math.floor(n), math.ceil(n))
class NoRound:
    pass
try:
    round(NoRound())
except TypeError as e:
    print("TE", e)
try:
    math.trunc(NoRound())
except TypeError as e:
    print("TE", e)

class Idx:
    def __init__(self, i):
        self.i = i
    def __index__(self):
        return self.i
L = list(range(10))
print(L[Idx(2)], L[Idx(1):Idx(5)], L[::Idx(3)])
print(list(range(Idx(3))), list(range(Idx(1), Idx(7), Idx(2))))
print(hex(Idx(255)), oct(Idx(8)), bin(Idx(5)))
print("abcdef"[Idx(1):Idx(3)], (1, 2, 3)[Idx(-1)])
print(operator_index := Idx(7).__index__())
import operator
print(operator.index(Idx(9)))
print([0] * Idx(3))
class BadIdx:
    def __index__(self):
        return "x"
try:
    L[BadIdx()]
except TypeError as e:
    print("TE", e)

class LH:
    def __iter__(self):
        return iter([1, 2, 3])
    def __length_hint__(self):
        return 3
print(list(LH()), operator.length_hint(LH()), operator.length_hint([1, 2]), operator.length_hint(object(), 7))

class Rev:
    def __reversed__(self):
        return iter("cba")
print(list(reversed(Rev())))
class SeqRev:
    def __len__(self):
        return 3
    def __getitem__(self, i):
        if i >= 3:
            raise IndexError
        return i * 10
print(list(reversed(SeqRev())))
try:
    reversed(object())
except TypeError as e:
    print("TE", e)

class ItOnly:
    def __iter__(self):
        return iter([1, 2, 3])
class GiOnly:
    def __getitem__(self, i):
        if i >= 4:
            raise IndexError
        return i
print(2 in ItOnly(), 5 in ItOnly(), 3 in GiOnly(), 9 in GiOnly())
class Cont:
    def __contains__(self, x):
        return x == "yes"
print("yes" in Cont(), "no" in Cont(), "no" not in Cont())
try:
    1 in object()
except TypeError as e:
    print("TE", e)
