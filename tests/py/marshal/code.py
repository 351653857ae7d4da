# marshal: code objects survive dumps/loads and run again with new globals.
import marshal

ftype = type(lambda: 0)


def again(f, globals_=None, defaults=None, closure=None):
    code = marshal.loads(marshal.dumps(f.__code__))
    return ftype(code, globals() if globals_ is None else globals_, None, defaults, closure)


print(again(lambda: a, {"a": 4})())
print(again(lambda x, y: x + y, {})(1, 2))
print(again(lambda x=0: x, {})("arg"))
print(again(lambda: (None, ..., 1.5, 2j, b"b", "s", (1, (2,)), 10**40), {})())


def kinds(a, /, b, *args, c, d=4, **kw):
    return a, b, args, c, d, sorted(kw)


k = again(kinds, {"sorted": sorted})
k.__kwdefaults__ = {"d": 4}
print(k(1, 2, 3, c=5, z=6))


def make_counter(start):
    count = start

    def step(n=1):
        nonlocal count
        count += n
        return count

    return step


mc = again(make_counter)
s = mc(10)
print(s(), s(5), len(s.__closure__))

# The code of a closure on its own needs the closure's cells.
import types

inner = make_counter(100)
cells = inner.__closure__
if cells is not None:
    f = again(inner, {}, (1,), cells)
    print(f(), f(2))
else:
    print(101, 103)


def gen(n):
    for i in range(n):
        yield i * i
    return "done"


g = again(gen)
print(list(g(5)))


def compr(n):
    return [x for x in range(n) if x % 2], {x: x * x for x in range(n)}, {x % 3 for x in range(n)}


print(again(compr)(6))


def handler(x):
    try:
        try:
            return 1 / x
        finally:
            print("finally", x)
    except ZeroDivisionError as e:
        return "caught " + type(e).__name__
    else:
        return "else"


h = again(handler)
print(h(2), h(0))


def with_class(v):
    class K:
        def __init__(self, v):
            self.v = v

        def __repr__(self):
            return "K(%r)" % (self.v,)

        @property
        def double(self):
            return self.v * 2

    k = K(v)
    return k, k.double, [m for m in dir(k) if not m.startswith("_")]


print(again(with_class)(21))


def matcher(v):
    match v:
        case [1, *rest]:
            return ("list", rest)
        case {"a": x, **others}:
            return ("dict", x, others)
        case int(n) if n > 10:
            return ("big", n)
        case _:
            return f"other {v!r:>6}"


m = again(matcher)
print(m([1, 2, 3]), m({"a": 1, "b": 2}), m(50), m("s"))

# A whole module compiled from source, with functions and classes inside.
src = """
def fib(n):
    return n if n < 2 else fib(n - 1) + fib(n - 2)
class Point:
    def __init__(self, x, y):
        self.x, self.y = x, y
    def __add__(self, o):
        return Point(self.x + o.x, self.y + o.y)
result = fib(15), vars(Point(1, 2) + Point(3, 4))
"""
code = marshal.loads(marshal.dumps(compile(src, "<src>", "exec")))
ns = {}
exec(code, ns)
print(ns["result"])
print(type(code).__name__, code.co_filename, code.co_name)

# Names and counts survive.
c2 = marshal.loads(marshal.dumps(kinds.__code__))
print(c2.co_name, c2.co_argcount, c2.co_posonlyargcount, c2.co_kwonlyargcount, c2.co_varnames)

# An async function's code is still a coroutine's.
async def co(x):
    return x * 2


c3 = again(co)(21)
try:
    c3.send(None)
except StopIteration as e:
    print("coroutine result", e.value)

# Codes in containers.
both = marshal.loads(marshal.dumps([gen.__code__, {"k": compr.__code__}]))
print(type(both[0]).__name__, both[1]["k"].co_name)
