# Tracebacks of code loaded from .mpy files carry the right line numbers and function names.


def level2(x):
    y = x + 1
    return y / 0


def level1(x):
    z = [1, 2]
    return level2(z[0])


def show(e):
    tb = e.__traceback__
    out = []
    if isinstance(tb, tuple):
        # Ferropy's stand-in for traceback objects: (file, function, line) entries, outermost
        # first.
        out = [(line, fn) for _, fn, line in tb]
    while isinstance(tb, BaseException) or hasattr(tb, "tb_lineno"):
        out.append((tb.tb_lineno, tb.tb_frame.f_code.co_name))
        tb = tb.tb_next
    print(type(e).__name__, out)


try:
    level1(0)
except ZeroDivisionError as e:
    show(e)


class K:
    def method(self):
        return {}["missing"]


try:
    K().method()
except KeyError as e:
    show(e)


def gen():
    yield 1
    raise ValueError("in gen")


try:
    for _ in gen():
        pass
except ValueError as e:
    show(e)
