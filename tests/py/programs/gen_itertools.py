# Generator pipelines and itertools-like helpers written in Python, checked
# against the itertools module.
import itertools


def my_chain(*its):
    for it in its:
        yield from it


def my_islice(it, *args):
    s = slice(*args)
    start, stop, step = s.start or 0, s.stop, s.step or 1
    nexti = start
    for i, x in enumerate(it):
        if stop is not None and i >= stop:
            return
        if i == nexti:
            yield x
            nexti += step


def my_groupby(it, key=lambda x: x):
    sentinel = object()
    cur = sentinel
    group = []
    for x in it:
        k = key(x)
        if cur is not sentinel and k != cur:
            yield cur, group
            group = []
        cur = k
        group.append(x)
    if cur is not sentinel:
        yield cur, group


def my_accumulate(it, func=lambda a, b: a + b, initial=None):
    it = iter(it)
    total = initial
    if total is None:
        try:
            total = next(it)
        except StopIteration:
            return
    yield total
    for x in it:
        total = func(total, x)
        yield total


def pairwise(it):
    it = iter(it)
    prev = next(it, None)
    for x in it:
        yield prev, x
        prev = x


def window(seq, n):
    it = iter(seq)
    win = tuple(next(it) for _ in range(n))
    if len(win) == n:
        yield win
    for x in it:
        win = win[1:] + (x,)
        yield win


def take(n, it):
    return [x for _, x in zip(range(n), it)]


def naturals(start=1):
    n = start
    while True:
        yield n
        n += 1


def primes():
    found = []
    for n in naturals(2):
        if all(n % p for p in found if p * p <= n):
            found.append(n)
            yield n


print(list(my_chain([1, 2], "ab", range(3))), list(itertools.chain([1, 2], "ab", range(3))))
print(list(my_islice(range(20), 2, 15, 4)), list(itertools.islice(range(20), 2, 15, 4)))
print(list(my_islice("abcdef", 3)), list(itertools.islice("abcdef", 3)))
data = "aaabccddddae"
print([(k, "".join(g)) for k, g in my_groupby(data)])
print([(k, "".join(g)) for k, g in itertools.groupby(data)])
words = ["apple", "avocado", "banana", "blueberry", "cherry", "apricot"]
print([(k, len(g)) for k, g in my_groupby(sorted(words), key=lambda w: w[0])])
print(list(my_accumulate([1, 2, 3, 4, 5])), list(itertools.accumulate([1, 2, 3, 4, 5])))
print(list(my_accumulate([3, 1, 4, 1, 5], max)), list(my_accumulate([], initial=7)))
print(list(pairwise("abcd")), list(window(range(6), 3)))
print(take(10, primes()))
print(take(5, (x * x for x in naturals() if x % 3 == 0)))
print(list(itertools.product("ab", repeat=2)), list(itertools.permutations(range(3), 2)))
print(list(itertools.combinations("abcd", 2)))
print(take(7, itertools.cycle("xyz")), list(itertools.repeat("hi", 3)))
print(list(itertools.zip_longest("abc", [1], fillvalue="-")))
print(list(itertools.starmap(pow, [(2, 3), (3, 2), (10, 0)])))
print(take(4, itertools.count(10, 5)))
print(list(itertools.takewhile(lambda x: x < 5, [1, 3, 6, 2])), list(itertools.dropwhile(lambda x: x < 5, [1, 3, 6, 2])))


def read_records(lines):
    for line in lines:
        line = line.strip()
        if line and not line.startswith("#"):
            yield line


def parse(records):
    for r in records:
        name, qty, price = r.split(",")
        yield name.strip(), int(qty), float(price)


def totals(items):
    for name, qty, price in items:
        yield name, round(qty * price, 2)


raw = """
# name, qty, price
widget, 3, 2.50
gadget, 10, 0.99

# comment
doohickey, 1, 19.95
"""
pipeline = totals(parse(read_records(raw.splitlines())))
print(type(pipeline).__name__)
for name, total in pipeline:
    print(f"{name:>10}: {total:8.2f}")
print(list(pipeline))


def echo():
    received = []
    try:
        while True:
            x = yield len(received)
            if x is None:
                break
            received.append(x)
    finally:
        print("echo closing with", received)
    return received


g = echo()
print(next(g), g.send("a"), g.send("b"))
try:
    g.send(None)
except StopIteration as e:
    print("returned", e.value)
g2 = echo()
next(g2)
g2.send(1)
g2.close()
g3 = echo()
next(g3)
try:
    g3.throw(ValueError("stop"))
except ValueError as e:
    print("thrown back:", e)


def delegator():
    r = yield from echo()
    yield f"delegate got {r}"


d = delegator()
print(next(d), d.send(5), d.send(None))
print(sum(x for x in range(100) if x % 7 == 0), max((len(w), w) for w in words))
