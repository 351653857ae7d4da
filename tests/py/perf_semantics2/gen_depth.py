# Recursion limits with generators and calls: RecursionError is raised cleanly and the
# interpreter (and the generators involved) keep working afterwards.


def nested(n):
    if n == 0:
        yield "bottom"
    else:
        yield from nested(n - 1)


print(next(nested(50)))
try:
    next(nested(100000))
except RecursionError:
    print("RecursionError from yield from chain")
print(next(nested(10)))


def rec_next(n):
    # Every level drives the next one with next(): a deep chain of generator frames.
    def gen(k):
        if k == 0:
            yield 0
        else:
            yield next(gen(k - 1)) + 1

    return next(gen(n))


print(rec_next(100))
try:
    rec_next(100000)
except RecursionError:
    print("RecursionError from next() chain")
print(rec_next(5))


def fact(n):
    return 1 if n <= 1 else n * fact(n - 1)


print(fact(20))
try:
    fact(100000)
except RecursionError:
    print("RecursionError from calls")
print(fact(10))


# A generator that hits the limit while resumed by a for loop can be resumed again later.
def deep_gen(n):
    yield n
    yield deep(n)


def deep(n):
    return deep(n + 1)


g = deep_gen(1)
for v in g:
    print("got", v)
    break
try:
    next(g)
except RecursionError:
    print("RecursionError inside the generator")
print(next(g, "exhausted after error"))

# Calls with closures and default arguments at depth still work after the errors.
def make(k):
    def f(x, y=2):
        return x * y + k

    return f


print([make(i)(i) for i in range(5)])
