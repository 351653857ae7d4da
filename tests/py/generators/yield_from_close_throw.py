# close() and throw(GeneratorExit) on a generator delegating with yield from.
def leaf(tag):
    try:
        yield tag
        yield tag + 1
    except GeneratorExit:
        print("leaf", tag, "exit")
        return "leaf-done"
    yield "never"


def outer(tag):
    try:
        r = yield from leaf(tag)
        print("leaf returned", r)
    except GeneratorExit:
        print("outer", tag, "exit")
        raise
    yield "after"


g = outer(1)
print(next(g))
g.close()
print(next(g, "exhausted"))


def outer2():
    try:
        yield from leaf(10)
    except GeneratorExit:
        print("outer2 swallowed")
    yield "resumed"


g = outer2()
print(next(g))
print(g.throw(GeneratorExit))
g = outer2()
print(next(g))
print(g.throw(GeneratorExit()))


class Thrower:
    def __iter__(self):
        return self

    def __next__(self):
        return "item"

    def throw(self, *a):
        print("throw got", a)
        return "thrown"

    def close(self):
        print("Thrower closed")


def deleg():
    yield from Thrower()


g = deleg()
print(next(g))
print(g.throw(KeyError))
print(g.throw("not an exception"))
g.close()


def stubborn():
    try:
        yield 1
    except GeneratorExit:
        yield 2


def over_stubborn():
    yield from stubborn()


g = over_stubborn()
next(g)
try:
    g.close()
except RuntimeError as e:
    print("RuntimeError", e)
