# != falls back to an inverted __eq__ of either side when no __ne__ is defined.
class Eq:
    def __init__(self, r):
        self.r = r

    def __eq__(self, other):
        print("Eq.__eq__")
        return self.r


class Ne:
    def __ne__(self, other):
        print("Ne.__ne__")
        return "ne-result"


class NoImpl:
    def __eq__(self, other):
        print("NoImpl.__eq__")
        return NotImplemented


print(Eq(True) != Ne())
print(Ne() != Eq(True))
print(Eq(0) != 5)
print(5 != Eq(1))
print(None != Eq([]))
print(NoImpl() != NoImpl())
n = NoImpl()
print(n != n)
print(Eq(True) == Ne())
