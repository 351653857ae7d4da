# Generators: send, throw, close, yield from with return values, generator expressions.


def gen():
    x = yield 1
    print("got", x)
    try:
        y = yield 2
        print("got", y)
    except KeyError as e:
        print("thrown", repr(e))
        yield 99
    finally:
        print("gen finally")
    return "done"


g = gen()
print(next(g))
print(g.send("a"))
print(g.throw(KeyError("k")))
try:
    next(g)
except StopIteration as e:
    print("stop", e.value)


def sub(n):
    for i in range(n):
        r = yield i
        if r:
            print("sub got", r)
    return n * 10


def deleg():
    total = yield from sub(3)
    print("sub returned", total)
    yield from [7, 8]
    return total


d = deleg()
print(next(d), d.send("hi"), next(d), next(d), next(d))
try:
    next(d)
except StopIteration as e:
    print("deleg value", e.value)


def closer():
    try:
        yield 1
        yield 2
    except GeneratorExit:
        print("closing")
        raise


c = closer()
next(c)
c.close()
print(list(x * 2 for x in range(4)), sum(x for x in range(10) if x % 3 == 0))


def fib():
    a, b = 0, 1
    while True:
        yield a
        a, b = b, a + b


f = fib()
print([next(f) for _ in range(10)])


def early():
    for i in range(10):
        if i == 3:
            return
        yield i


print(list(early()))
it = iter([1, 2, 3])
print(next(it), list(it))
print(list(zip(range(3), "abc")), list(enumerate("xy", 1)))
