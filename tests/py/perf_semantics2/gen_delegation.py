# yield from: values, return values, throw/close passed to the delegate, next() on the outer.


def inner(n):
    for i in range(n):
        got = yield i
        if got is not None:
            print("inner got", got)
    return "inner-result"


def outer():
    r = yield from inner(3)
    print("outer got", r)
    r2 = yield from inner(1)
    return (r, r2)


g = outer()
print(next(g), next(g), g.send("hello"))
print(next(g))
try:
    next(g)
except StopIteration as e:
    print("stop", e.value)

# throw() is delivered to the innermost generator.
def deep_inner():
    try:
        yield 1
    except ZeroDivisionError:
        yield "handled in deep_inner"
    return 5


def middle():
    r = yield from deep_inner()
    yield "middle saw %r" % r


g = middle()
print(next(g))
print(g.throw(ZeroDivisionError))
print(next(g))

# An exception the delegate does not handle propagates through the delegating generator.
def middle2():
    try:
        yield from deep_inner()
    except KeyError:
        yield "middle2 caught KeyError"


g = middle2()
next(g)
print(g.throw(KeyError("x")))

# close() closes the delegate first.
log = []


def closing_inner():
    try:
        yield 1
        yield 2
    finally:
        log.append("inner closed")


def closing_outer():
    try:
        yield from closing_inner()
    finally:
        log.append("outer closed")


g = closing_outer()
next(g)
g.close()
print(log)

# yield from a non-generator iterator, then a generator, driven by next().
def mixed():
    yield from [10, 20]
    yield from range(2)
    yield from inner(2)


g = mixed()
print([next(g) for _ in range(6)])
print(next(g, "end"))

# StopIteration raised inside a generator becomes RuntimeError.
def leaky():
    yield 1
    raise StopIteration("inside")


g = leaky()
next(g)
try:
    next(g)
except RuntimeError as e:
    print("RuntimeError", e, repr(e.__cause__))

# next() of an exhausted yield-from chain.
def chain(*its):
    for it in its:
        yield from it


c = chain(inner(2), [7])
print(next(c), next(c), next(c), next(c, "empty"))
