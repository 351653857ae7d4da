# Call fast paths: plain positional calls, methods, functions found as attributes, errors.
import math


def add(a, b):
    return a + b


class K:
    def m(self, x):
        return ("m", x)

    @staticmethod
    def s(x):
        return ("s", x)

    @classmethod
    def c(cls, x):
        return ("c", cls.__name__, x)


k = K()
k.f = add  # a function stored on the instance: called without self
ns = type("NS", (), {})()
ns.add = add
for _ in range(2):
    print(add(1, 2), k.m(3), k.s(4), k.c(5), K.s(6), k.f(7, 8), ns.add(9, 10))
    print(math.floor(2.5), "a,b".split(","), [1, 2].index(2))

# Wrong argument counts still raise CPython's errors.
for call in (lambda: add(1), lambda: add(1, 2, 3), lambda: k.m(), lambda: k.m(1, 2)):
    try:
        call()
    except TypeError as e:
        print("TypeError", e)


# Defaults, keywords, *args and closures take the general path.
def d(a, b=2, *rest, c=3):
    return (a, b, rest, c)


def outer(v):
    def inner(w):
        return v + w

    return inner


print(d(1), d(1, 5), d(1, 5, 6, 7, c=9), outer(10)(5))


# Recursion limit still reported as RecursionError.
def down(n):
    return down(n + 1)


try:
    down(0)
except RecursionError as e:
    print("RecursionError", e)


# A native call raising inside a try keeps the operand stack consistent.
def safe_int(s):
    total = 0
    for part in s:
        try:
            total += int(part)
        except ValueError:
            total -= 1
    return total


print(safe_int(["1", "x", "3", "y"]), [int(x) if x.isdigit() else len(x) for x in ["12", "abc"]])
