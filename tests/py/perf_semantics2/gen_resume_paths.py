# Generator resumes through every path (for loop, next(), send, throw, close, yield from)
# while the generator is suspended or running.


def counter(n):
    i = 0
    while i < n:
        got = yield i
        if got is not None:
            i = got
        else:
            i += 1
    return "done:%d" % i


# next() with one argument until exhaustion: StopIteration carries the return value.
g = counter(3)
print(next(g), next(g), next(g))
try:
    next(g)
except StopIteration as e:
    print("stop", e.value, e.args)
# An exhausted generator raises a bare StopIteration from then on.
try:
    next(g)
except StopIteration as e:
    print("stop again", e.value, e.args)
print(next(g, "default"))

# send() moves the generator; next() continues from there.
g = counter(10)
print(next(g), g.send(7), next(g), next(g))
try:
    g.send(None)
except StopIteration as e:
    print("send stop", e.value)

# throw() during a suspension, caught inside the generator.
def catcher():
    while True:
        try:
            yield "waiting"
        except KeyError as e:
            yield "caught %r" % (e,)


g = catcher()
print(next(g), g.throw(KeyError("k")), next(g))
# throw() not caught: propagates out and finishes the generator.
try:
    g.throw(ValueError("v"))
except ValueError as e:
    print("propagated", e)
print(next(g, "finished"))

# close() runs finally blocks; a second close is a no-op.
log = []


def closer():
    try:
        yield 1
        yield 2
    finally:
        log.append("finally")


g = closer()
print(next(g))
g.close()
g.close()
print(log, next(g, "closed"))

# close() of a generator that yields in its finally block: RuntimeError.
def stubborn():
    try:
        yield 1
    finally:
        yield 2


g = stubborn()
next(g)
try:
    g.close()
except RuntimeError as e:
    print("RuntimeError", e)

# next() inside the generator on itself: ValueError, the generator is still usable.
def selfish():
    yield 1
    try:
        next(me)
    except ValueError as e:
        yield "inner %s" % e
    yield 3


me = selfish()
print(list(me))

# gi_running is True only while the generator runs.
def watch():
    yield w.gi_running
    yield w.gi_running


w = watch()
print(w.gi_running, next(w), w.gi_running, next(w))

# next() mixed with a for loop over the same generator.
g = counter(6)
out = []
for x in g:
    out.append(x)
    if x % 2 == 0:
        out.append(next(g, None))
print(out)
