# global/nonlocal edge cases, closures over loop variables, class-body scoping,
# UnboundLocalError, del of names, and comprehension scopes.
counter = 0


def bump():
    global counter
    counter += 1
    return counter


bump(); bump()
print(counter)


def make_counter():
    count = 0

    def inc(step=1):
        nonlocal count
        count += step
        return count

    def get():
        return count

    return inc, get


inc, get = make_counter()
inc(); inc(5)
print(get(), inc.__closure__ is not None if hasattr(inc, "__closure__") else True)

funcs = [lambda: i for i in range(3)]
print([f() for f in funcs])
funcs = [lambda i=i: i for i in range(3)]
print([f() for f in funcs])


def outer():
    x = "outer"

    def middle():
        def inner():
            nonlocal x
            x = "changed by inner"
        inner()
        return x

    r = middle()
    return r, x


print(outer())


def unbound():
    try:
        print(y)
    except UnboundLocalError as e:
        print("UnboundLocalError:", e)
    y = 1
    return y


y = "global y"
print(unbound())


def deleted():
    z = 1
    del z
    try:
        return z
    except NameError as e:
        return f"{type(e).__name__}: {e}"


print(deleted())
try:
    print(undefined_name)
except NameError as e:
    print("NameError:", e)


class Config:
    base = 10
    doubled = base * 2
    items = [i for i in range(base, base + 3)]
    try:
        squares = [base * i for i in range(3)] and [b * 2 for b in [base]]
    except NameError as e:
        squares = str(e)

    def method(self):
        try:
            return base
        except NameError as e:
            return "NameError: " + str(e)


print(Config.doubled, Config.items, Config.squares, Config().method())


def shadow():
    print_ = print
    len = lambda x: 42
    print_(len([1, 2]))


shadow()
print(len([1, 2]))
x = 5
print([x for x in range(3)], x)
print({k: v for k, v in zip("ab", range(2))}, {x * 2 for x in range(3)}, x)
g = (x + 1 for x in range(3))
print(list(g), x)
print((lambda: (n := 10))(), "walrus in lambda")
data = [1, 2, 3, 4]
print([last := v for v in data], last)
print(any((found := v) > 2 for v in data), found)


def gen_scope():
    total = 0
    for total in range(5):
        pass
    return total


print(gen_scope())


def default_eval(a, b=[]):
    b.append(a)
    return b


print(default_eval(1), default_eval(2), default_eval(3, []))


def kw_only(a, /, b, *, c=3, **rest):
    return a, b, c, rest


print(kw_only(1, 2), kw_only(1, b=2, c=4, d=5))
try:
    kw_only(a=1, b=2)
except TypeError as e:
    print("TypeError:", e)
try:
    kw_only(1, 2, 3)
except TypeError as e:
    print("TypeError:", e)


def star_args(*args, sep="-", **kw):
    return sep.join(map(str, args)) + str(sorted(kw.items()))


print(star_args(1, 2, *[3, 4], sep="+", **{"z": 1, "a": 2}))
nums = [1, 2, 3, 4, 5]
first, *middle, last = nums
print(first, middle, last)
(a, b), *rest = [(1, 2), 3, 4]
print(a, b, rest)
head, *tail = "hello"
print(head, tail)
*init, end = range(4)
print(init, end)
print([*nums, *"ab"], {**{"a": 1}, "b": 2, **{"a": 3}}, (*nums[:2],))
for i, (k, *vs) in enumerate([("a", 1, 2), ("b",)]):
    print(i, k, vs)
try:
    p, q = [1, 2, 3]
except ValueError as e:
    print("ValueError:", e)
try:
    p, q, r = [1, 2]
except ValueError as e:
    print("ValueError:", e)
try:
    p, *q, r = [1]
except ValueError as e:
    print("ValueError:", e)
