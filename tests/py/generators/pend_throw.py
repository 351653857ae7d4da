# expect: handwritten
# MicroPython's generator.pend_throw(exc) has no CPython counterpart: the exception is
# thrown into the generator at its next resume; it returns the previously pending one.
def counter():
    n = 0
    while True:
        try:
            yield n
        except KeyError as e:
            print("caught inside", repr(e))
        n += 1


g = counter()
print(next(g), next(g))
print(g.pend_throw(KeyError("k")))
print(next(g))
print(g.send(None))

# A pending exception the generator does not handle comes out of the resume.
g = counter()
next(g)
g.pend_throw(ValueError("boom"))
try:
    g.send(5)
except ValueError as e:
    print("raised", repr(e))
print(next(g, "finished"))

# Unstarted: raised at once, the body never runs.
g = counter()
g.pend_throw(RuntimeError("early"))
try:
    next(g)
except RuntimeError as e:
    print("unstarted", repr(e))

# A class is instantiated; None cancels; the previous one is returned.
g = counter()
next(g)
print(g.pend_throw(KeyError))
print(g.pend_throw(None))
print(next(g))
g.pend_throw(KeyError)
print(next(g))

# Not while running.
def selfish():
    yield me.pend_throw(OSError())

me = selfish()
try:
    next(me)
except ValueError as e:
    print(repr(e))

# A pending exception also replaces an explicit throw().
g = counter()
next(g)
g.pend_throw(KeyError("pending"))
print(g.throw(OSError("ignored")))


# Coroutines have it too.
async def coro():
    try:
        await Waiter()
    except OSError as e:
        print("coro caught", repr(e))
    return 7


class Waiter:
    def __await__(self):
        yield "waiting"


c = coro()
print(c.send(None))
c.pend_throw(OSError("cancel"))
try:
    c.send(None)
except StopIteration as e:
    print("coro returned", e.value)


# A for loop and `yield from` resume the generator directly: the pending exception still
# reaches it at that resume.
def loop_gen():
    try:
        yield 1
        yield 2
    except ValueError as e:
        print("loop caught", e)
        yield 3


it = loop_gen()
for x in it:
    print("loop got", x)
    if x == 1:
        it.pend_throw(ValueError("boom"))


def inner_gen():
    try:
        yield "a"
        yield "b"
    except KeyError as e:
        print("inner caught", e)
        return 9


def outer_gen(inner):
    r = yield from inner
    print("outer got", r)


inner = inner_gen()
o = outer_gen(inner)
print(next(o))
inner.pend_throw(KeyError("k"))
try:
    next(o)
except StopIteration:
    print("outer finished")
