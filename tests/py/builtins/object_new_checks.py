# object.__new__ refuses built-in layouts; slices are unhashable (3.11); throw() type checks.
import math

for t in (int, list, dict, str):
    try:
        object.__new__(t)
    except TypeError as e:
        print("TypeError", e)


class MyList(list):
    pass


try:
    object.__new__(MyList)
except TypeError as e:
    print("TypeError", e)


class Plain:
    pass


print(type(object.__new__(Plain)).__name__)
try:
    hash(slice(1, 2))
except TypeError as e:
    print("TypeError", e)
try:
    {}[:] = 1
except TypeError as e:
    print("TypeError", e)


class Odd(Exception):
    def __new__(cls, *a):
        return 5


def gen():
    yield 1


for bad in (Odd, 7, "text"):
    g = gen()
    next(g)
    try:
        g.throw(bad)
    except TypeError as e:
        print("TypeError", e)
print(math.exp(1.0) == math.e, math.exp(0.0), math.exp(2.0) == math.e ** 2 or "close")
