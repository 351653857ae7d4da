# try/except/else/finally, break/continue/return through finally, with statements, raise.


def attempt(x):
    try:
        r = 10 // x
    except ZeroDivisionError:
        print("zero")
        return "z"
    except (TypeError, ValueError) as e:
        print("type", type(e).__name__)
        return "t"
    else:
        print("else", r)
    finally:
        print("finally", x)
    return r


print(attempt(2), attempt(0), attempt("s"))


def loop():
    out = []
    for i in range(6):
        try:
            if i == 1:
                continue
            if i == 4:
                break
            out.append(i)
        finally:
            out.append("f%d" % i)
    return out


print(loop())


def nested():
    try:
        try:
            return "inner"
        finally:
            print("inner finally")
    finally:
        print("outer finally")


print(nested())


def override():
    try:
        return 1
    finally:
        return 2


print(override())


def swallow():
    for i in range(3):
        try:
            raise ValueError(i)
        finally:
            if i < 5:
                continue
    return "swallowed"


print(swallow())


def while_break():
    n = 0
    while True:
        n += 1
        try:
            try:
                if n == 3:
                    break
            except Exception:
                pass
        finally:
            print("wf", n)
    return n


print(while_break())


class CM:
    def __init__(self, name, suppress=False):
        self.name = name
        self.suppress = suppress

    def __enter__(self):
        print("enter", self.name)
        return self.name.upper()

    def __exit__(self, t, v, tb):
        print("exit", self.name, t.__name__ if t else None, v)
        return self.suppress


with CM("a") as a, CM("b") as b:
    print("body", a, b)

with CM("s", True):
    raise KeyError("hidden")
print("after suppress")

try:
    with CM("r"):
        raise ValueError("out")
except ValueError as e:
    print("propagated", e)


def with_return():
    for i in range(3):
        with CM("w%d" % i):
            if i == 1:
                return i
            if i == 0:
                continue


print(with_return())

try:
    try:
        raise KeyError("a")
    except KeyError as e:
        raise RuntimeError("b") from e
except RuntimeError as e:
    print(repr(e), repr(e.__cause__))

try:
    try:
        raise IndexError("first")
    except IndexError:
        raise
except IndexError as e:
    print("reraised", e)

try:
    try:
        1 / 0
    finally:
        print("cleanup")
except ZeroDivisionError:
    print("outer caught")

try:
    raise ValueError
except ValueError as e:
    print("class raise", repr(e))

e = "kept"
try:
    raise OSError(2, "nope")
except OSError as e:
    print(e.errno)
try:
    print(e)
except NameError:
    print("e unbound after except")


def gen_in_try():
    try:
        yield 1
        yield 2
    finally:
        print("gen cleanup")


for v in gen_in_try():
    print(v)
    break
