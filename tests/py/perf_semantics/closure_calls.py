# Calls of functions with cells or free variables take the fast call path (arguments moved
# into the frame, then the cells set up); closures are made without an intermediate tuple.


def make_counter(start):
    count = start

    def step(k):
        nonlocal count
        count += k
        return count

    return step


c = make_counter(10)
print(c(1), c(2), c(-3))
print(c.__closure__[0].cell_contents)


# A parameter that is also captured: its cell starts with the argument.
def capture_param(x, y):
    def get():
        return x + y

    x = x * 2
    return get


print(capture_param(3, 4)())


# Late binding: the cell is read at call time.
def late():
    fs = []
    for i in range(3):
        fs.append(lambda: i)
    return [f() for f in fs]


print(late())


# Defaults with a closure (MakeFunction with defaults and a closure).
def with_defaults(n):
    def f(a, b=n, *, c=n + 1):
        return a + b + c

    return f


g = with_defaults(5)
print(g(1), g(1, 2), g(1, 2, c=3))


# Wrong arity on a closure: CPython's messages.
def outer():
    v = 1

    def inner(a, b):
        return a + b + v

    return inner


h = outer()
try:
    h(1)
except TypeError as e:
    print(e)
try:
    h(1, 2, 3)
except TypeError as e:
    print(e)
print(h(1, 2), h(b=2, a=1))


# Recursion through a cell.
def make_fact():
    def fact(n):
        return 1 if n < 2 else n * fact(n - 1)

    return fact


print(make_fact()(10))


# Nested closures three deep, a class method closing over a function variable.
def a(x):
    def b(y):
        def c(z):
            return x + y + z

        return c

    return b


print(a(1)(2)(3))


def make_cls(k):
    class K:
        def m(self, v):
            return v * k

    return K


print(make_cls(3)().m(4))


# An unbound free variable.
def unbound():
    def f():
        return w

    r = f
    try:
        r()
    except NameError as e:
        print(e)
    w = 1
    return r()


print(unbound())


# Closures in a loop build distinct cells.
def many(n):
    out = []
    for i in range(n):
        def k(v, i=i):
            return v + i

        out.append(k)
    return [f(100) for f in out]


print(many(4))
