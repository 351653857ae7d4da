# A built-in function stored on a class stays a plain function (it does not bind the
# instance), while Python functions and methods of built-in types do bind.
import math


class Holder:
    absolute = abs
    root = math.sqrt
    make_int = int
    def method(self, x):
        return ("method", x)
    lam = lambda self, x: ("lambda", x)


h = Holder()
print(h.absolute(-4))
print(Holder.absolute(-5))
print(h.root(16.0))
print(h.make_int("12"))
print(h.method(1))
print(h.lam(2))
print(type(h.absolute).__name__)


class MyList(list):
    push = list.append


m = MyList()
m.push(3)
m.append(4)
print(m)

# a builtin function reached through an instance attribute lookup in a loop
total = 0
for v in (-1, -2, 3):
    total += h.absolute(v)
print(total)
