class A:
    def __eq__(self, other):
        print("A.eq")
        return NotImplemented
class B:
    def __eq__(self, other):
        print("B.eq")
        return NotImplemented
a, b = A(), B()
print(a == b, a != b, a == a)
class Lt:
    def __lt__(self, o):
        return NotImplemented
try:
    Lt() < Lt()
except TypeError as e:
    print("TE", e)

class Unh:
    __hash__ = None
try:
    hash(Unh())
except TypeError as e:
    print("TE", e)
try:
    {Unh()}
except TypeError as e:
    print("TE", e)
class EqOnly:
    def __eq__(self, o):
        return True
try:
    hash(EqOnly())
except TypeError as e:
    print("TE", e)
print(EqOnly.__hash__)
class EqHash(EqOnly):
    def __hash__(self):
        return 5
print(hash(EqHash()))

class BadBool:
    def __bool__(self):
        return 1
try:
    bool(BadBool())
except TypeError as e:
    print("TE", e)
try:
    if BadBool():
        pass
except TypeError as e:
    print("TE", e)
class LenBool:
    def __len__(self):
        return 0
print(bool(LenBool()), not LenBool())
class BadLen:
    def __len__(self):
        return -1
try:
    len(BadLen())
except ValueError as e:
    print("VE", e)

class Acc:
    def __init__(self, v):
        self.v = v
    def __add__(self, o):
        print("add")
        return Acc(self.v + o)
    def __iadd__(self, o):
        print("iadd")
        return NotImplemented
x = Acc(1)
x += 2
print(x.v)
class Acc2:
    def __init__(self, v):
        self.v = v
    def __iadd__(self, o):
        self.v += o
        return self
y = Acc2(1)
z = y
y += 5
print(y is z, y.v)
class R:
    def __radd__(self, o):
        return "radd"
q = 1
q += R()
print(q)
