# type(f)(code, globals) makes a new function from a code object; __globals__ is read-only.
def f():
    return a


FunctionType = type(f)
g1 = FunctionType(f.__code__, {"a": 1})
g2 = FunctionType(f.__code__, {"a": 2})
print(type(g1) is FunctionType, g1(), g2(), g1.__name__)
g3 = FunctionType(f.__code__, {"a": 3}, "renamed")
print(g3.__name__, g3())


def add(x, y):
    return x + y


add2 = FunctionType(add.__code__, {}, "add2", (10, 20))
print(add2(), add2(1), add2(1, 2))

for bad in [(None, {}), (f.__code__, None), (f.__code__, {}, 5), (add.__code__, {}, None, [1])]:
    try:
        FunctionType(*bad)
    except TypeError as e:
        print("TypeError", e)


def outer():
    x = 1

    def inner():
        return x

    return inner


try:
    FunctionType(outer().__code__, {})
except TypeError as e:
    print("TypeError", e)

print(f.__globals__ is globals())
try:
    f.__globals__ = {}
except AttributeError as e:
    print("AttributeError", e)
try:
    f.__closure__ = None
except AttributeError as e:
    print("AttributeError", e)
