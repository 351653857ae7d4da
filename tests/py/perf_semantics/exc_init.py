# Instantiating exception subclasses with a Python __init__ runs __init__ as a frame of the
# dispatch loop (like plain classes): the arguments, super().__init__, errors in __init__,
# a __new__ override and keyword arguments must behave as in CPython.


class AppError(Exception):
    def __init__(self, code):
        super().__init__("app error %d" % code)
        self.code = code


class Retry(AppError):
    pass


class NoSuper(ValueError):
    def __init__(self, a, b):
        self.total = a + b


class BadInit(Exception):
    def __init__(self):
        return 5


class KwInit(Exception):
    def __init__(self, a, *, b=2):
        super().__init__(a, b)


class CustomNew(Exception):
    def __new__(cls, *args):
        inst = super().__new__(cls, "from new")
        return inst

    def __init__(self, x):
        self.x = x


for make in (
    lambda: Retry(3),
    lambda: AppError(4),
    lambda: NoSuper(1, 2),
    lambda: KwInit(1),
    lambda: KwInit(1, b=5),
    lambda: CustomNew(7),
):
    e = make()
    print(type(e).__name__, e.args, str(e), getattr(e, "code", None), getattr(e, "total", None))

try:
    raise Retry(9)
except AppError as e:
    print("caught", type(e).__name__, e.code, e.args)

try:
    BadInit()
except TypeError as e:
    print(e)

try:
    AppError()
except TypeError as e:
    print(e)

try:
    raise NoSuper(1, 2) from KeyError("k")
except ValueError as e:
    print(repr(e), e.args, e.total, repr(e.__cause__))


def deep(n):
    if n == 0:
        raise Retry(n)
    return deep(n - 1)


try:
    deep(5)
except Retry as e:
    print("deep", e.code)
print(CustomNew(1).x, CustomNew(2).args)
