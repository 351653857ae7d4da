# Generators resumed by `for` switch frames inside the dispatch loop; a yield goes straight back
# to the loop's frame. Suspension, resumption from elsewhere, nesting, errors and cleanup must
# behave as usual.
def count(n):
    i = 0
    while i < n:
        yield i
        i += 1
    return "done"


def evens(src):
    for v in src:
        if v % 2 == 0:
            yield v


def chain(*gs):
    for g in gs:
        yield from g


g = count(10)
for x in g:
    if x == 3:
        break
print(next(g), list(g), list(g))
print(list(evens(count(12))), sum(evens(count(100))))
print(list(chain(count(3), evens(count(7)), "ab")))


def tracked():
    try:
        yield 1
        yield 2
    finally:
        print("cleanup")


for v in tracked():
    print("got", v)
t = tracked()
for v in t:
    break
t.close()


def raiser():
    yield 1
    raise ValueError("boom")


try:
    for v in raiser():
        print("r", v)
except ValueError as e:
    print("caught", e)


def inner():
    x = yield 1
    print("sent", x)
    yield 2


def outer():
    for v in inner():
        yield v * 10


print(list(outer()))


def stopper():
    yield 1
    raise StopIteration


try:
    for v in stopper():
        print("s", v)
except RuntimeError as e:
    print("RuntimeError", e)


def deep(n):
    if n:
        for v in deep(n - 1):
            yield v + 1
    else:
        yield 0


print(list(deep(50)))
gen = count(3)
print([(a, b) for a in gen for b in count(2)])


def reenter():
    for v in me:
        yield v


me = reenter()
try:
    next(me)
except ValueError as e:
    print("ValueError", e)
