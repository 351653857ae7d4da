# StopIteration raised by an inner __next__ keeps its arguments through built-in iterators.
class Stopper:
    def __iter__(self):
        return self

    def __next__(self):
        raise StopIteration("why", 7)


for make in (lambda: enumerate(Stopper()), lambda: map(str, Stopper()),
             lambda: zip(Stopper()), lambda: filter(None, Stopper())):
    try:
        next(make())
    except StopIteration as e:
        print(type(e).__name__, e.args)
print(next(map(str, Stopper()), "default"))


def raiser(x):
    if x == 2:
        raise StopIteration(x * 100)
    return x


def deleg():
    r = yield from map(raiser, range(10))
    print("returned", r)


print(list(deleg()))
