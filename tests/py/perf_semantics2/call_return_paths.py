# Calls and returns through the fast paths: simple positional calls, closures, methods,
# cells captured from arguments, recursion, returns from inside loops and with blocks.


def add(a, b):
    return a + b


def fib(n):
    if n < 2:
        return n
    return fib(n - 1) + fib(n - 2)


print(add(1, 2), add("a", "b"), fib(15))


def capture(x, y):
    # Arguments captured by an inner function: their cells are made from the arguments.
    def inner():
        return x + y

    x += 1
    return inner()


print(capture(1, 2), capture(10, 20))


def counter():
    n = 0

    def step(k):
        nonlocal n
        n += k
        return n

    return step


s = counter()
print(s(1), s(2), s(3))


def ret_in_loop(items):
    for i in items:
        for j in items:
            if i * j == 6:
                return (i, j)
    return None


print(ret_in_loop([1, 2, 3]), ret_in_loop([5]))


class CM:
    def __enter__(self):
        print("enter")
        return self

    def __exit__(self, *a):
        print("exit", a[0])
        return False


def ret_in_with():
    with CM():
        return "from with"


print(ret_in_with())


def ret_in_finally():
    try:
        return "try"
    finally:
        print("finally runs")


print(ret_in_finally())


class Acc:
    def __init__(self):
        self.total = 0

    def add(self, k):
        self.total += k
        return self

    def get(self):
        return self.total


a = Acc()
print(a.add(1).add(2).add(3).get())

# Wrong argument counts still go through argument binding and raise CPython's errors.
try:
    add(1)
except TypeError as e:
    print(e)
try:
    add(1, 2, 3)
except TypeError as e:
    print(e)


def defaults(a, b=5):
    return a * b


print(defaults(2), defaults(2, 3), defaults(b=1, a=4))

# A function whose frame is reused for different functions (the frame pool) keeps each
# function's globals and constants apart.
def first():
    return "first", len("abc")


def second():
    return "second", add(2, 2)


print([first() if i % 2 else second() for i in range(4)])

# __init__ returning a non-None value.
class Bad:
    def __init__(self):
        return 5


try:
    Bad()
except TypeError as e:
    print(e)
