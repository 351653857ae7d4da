# Exception chaining, custom hierarchies, finally ordering, and an
# uncaught chained exception at the end (its traceback goes to stderr).


class AppError(Exception):
    code = 1

    def __init__(self, msg, *, detail=None):
        super().__init__(msg)
        self.detail = detail

    def __str__(self):
        base = super().__str__()
        return f"[{self.code}] {base}" + (f" ({self.detail})" if self.detail else "")


class ConfigError(AppError):
    code = 2


class ParseError(ConfigError):
    code = 3


def parse_line(line):
    key, sep, value = line.partition("=")
    if not sep:
        raise ParseError(f"missing '=' in {line!r}")
    try:
        return key.strip(), int(value)
    except ValueError as e:
        raise ParseError("bad value", detail=key.strip()) from e


def load(lines):
    result = {}
    for n, line in enumerate(lines, 1):
        try:
            k, v = parse_line(line)
        except ParseError as e:
            print(f"line {n}: {e}")
            print("  cause:", repr(e.__cause__), "| context:", type(e.__context__).__name__)
            print("  suppress:", e.__suppress_context__)
            continue
        result[k] = v
    return result


print(load(["a = 1", "b = x", "c", "d=  42 "]))

try:
    try:
        1 / 0
    except ZeroDivisionError:
        {}["missing"]
except KeyError as e:
    print(repr(e), repr(e.__context__), e.__cause__, e.__suppress_context__)

try:
    try:
        raise ValueError("inner")
    except ValueError:
        raise TypeError("outer") from None
except TypeError as e:
    print(repr(e), repr(e.__context__), e.__cause__, e.__suppress_context__)


def order():
    events = []
    try:
        try:
            events.append("try")
            raise AppError("boom")
        finally:
            events.append("inner finally")
    except AppError as e:
        events.append(f"caught {e}")
        return events
    finally:
        events.append("outer finally")


print(order())


def finally_overrides():
    try:
        return "try"
    finally:
        return "finally"


print(finally_overrides())


def loop_with_finally():
    out = []
    for i in range(5):
        try:
            if i == 1:
                continue
            if i == 3:
                break
            out.append(i)
        finally:
            out.append(f"f{i}")
    return out


print(loop_with_finally())
print(issubclass(ParseError, AppError), ParseError.__mro__[1].__name__, ParseError.code)
e = ConfigError("cfg", detail="x.ini")
print(str(e), e.args, repr(e))
print(isinstance(ParseError("p"), (KeyError, ConfigError)))

try:
    raise ExceptionGroup if False else KeyError("k", 2)
except LookupError as err:
    print("lookup", err.args, str(err))

errs = []
for exc in (ValueError, IndexError, ZeroDivisionError, AttributeError, NameError):
    try:
        raise exc("msg")
    except (IndexError, NameError) as e:
        errs.append(("first", type(e).__name__))
    except Exception as e:
        errs.append(("second", type(e).__name__))
print(errs)


def level3():
    raise ParseError("deep failure", detail="level3")


def level2():
    try:
        level3()
    except ParseError as e:
        raise RuntimeError("level2 could not recover") from e


def level1():
    level2()


print("about to fail")
level1()
