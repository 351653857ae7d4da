# Generators resumed by built-ins (sum, list, next) and by for loops: exhaustion, close and
# throw while suspended, errors inside, StopIteration values, recursion limits.
def count(n):
    i = 0
    while i < n:
        yield i
        i += 1
    return "done"


print(sum(count(10)), list(count(5)), sum(x * x for x in count(6)))
g = count(2)
print(next(g), next(g))
try:
    next(g)
except StopIteration as e:
    print("StopIteration", e.value)
print(next(g, "default"))


def tracker(log):
    try:
        while True:
            v = yield len(log)
            log.append(v)
    finally:
        log.append("closed")


log = []
t = tracker(log)
print(next(t), t.send("a"), t.send("b"))
t.close()
print(log)
t.close()

t = tracker([])
next(t)
try:
    t.throw(ValueError("boom"))
except ValueError as e:
    print("ValueError", e)
print(next(t, "finished"))


def catcher():
    while True:
        try:
            yield 1
        except KeyError as e:
            yield "caught %s" % e


c = catcher()
print(next(c), c.throw(KeyError("k")), next(c))
c.close()


def fails(n):
    for i in range(n):
        yield i
    raise RuntimeError("after %d" % n)


try:
    sum(fails(3))
except RuntimeError as e:
    print("RuntimeError", e)
try:
    list(fails(2))
except RuntimeError as e:
    print("RuntimeError", e)


def bad_stop():
    yield 1
    raise StopIteration("x")


try:
    list(bad_stop())
except RuntimeError as e:
    print("RuntimeError", e, type(e.__cause__).__name__)


def nested(n):
    yield from count(n)
    yield from range(2)


print(list(nested(3)), sum(nested(4)))
print([list(count(i)) for i in range(4)])

# Recursion through generators and plain calls ends in RecursionError, and the VM recovers.


def deep(n):
    return deep(n + 1)


try:
    deep(0)
except RecursionError:
    print("RecursionError")


def deep_gen(n):
    yield from deep_gen(n + 1)


try:
    list(deep_gen(0))
except RecursionError:
    print("RecursionError gen")
print(sum(count(100)))

# super() in classmethods and with multiple inheritance, called many times.


class A:
    def who(self):
        return ["A"]

    @classmethod
    def make(cls):
        return cls.__name__


class B(A):
    def who(self):
        return ["B"] + super().who()

    @classmethod
    def make(cls):
        return "B(" + super().make() + ")"


class C(A):
    def who(self):
        return ["C"] + super().who()


class D(B, C):
    def who(self):
        return ["D"] + super().who()


print([D().who() for _ in range(3)][-1], D.make(), B.make(), [D.make() for _ in range(2)])
