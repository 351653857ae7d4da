# Python classes derived from the built-in iterator types map, filter, zip, enumerate and
# reversed: the instances are of the subclass and iterate like their base.
class Plus(map):
    pass


m = Plus(lambda x: x + 10, range(4))
print(type(m).__name__, isinstance(m, map), isinstance(m, Plus))
print(list(m))
print(list(m))


class Evens(filter):
    def describe(self):
        return "evens"


e = Evens(lambda x: x % 2 == 0, range(7))
print(e.describe(), next(e), list(e))


class Pairs(zip):
    def __next__(self):
        a, b = super().__next__()
        return a * b


print(list(Pairs([1, 2, 3], [4, 5, 6])))


class Numbered(enumerate):
    def __iter__(self):
        print("iter called")
        return self


for i, c in Numbered("xy", 5):
    print(i, c)


class Back(reversed):
    pass


print(list(Back([1, 2, 3])), Back.__mro__[1] is reversed)
print(issubclass(Plus, map), Plus.__name__)


# A subclass whose __new__ returns another iterator gives that iterator back unchanged.
class Other(map):
    def __new__(cls, *args):
        return iter([1, 2])


o = Other(str, [5])
print(type(o).__name__, list(o))
