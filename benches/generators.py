# Generators: generator functions, yield from, generator expressions and iterator protocol.
def count_up(n):
    i = 0
    while i < n:
        yield i
        i += 1


def evens(src):
    for v in src:
        if v % 2 == 0:
            yield v


def chain(*gens):
    for g in gens:
        yield from g


def fib_gen():
    a, b = 0, 1
    while True:
        yield a
        a, b = b, (a + b) % 1000000007


def run(n):
    s = sum(evens(count_up(n)))
    s += sum(x * x for x in range(n) if x % 3 == 0)
    s += sum(chain(count_up(n // 4), range(10), evens(range(n // 4))))
    g = fib_gen()
    last = 0
    for _ in range(n // 2):
        last = next(g)
    lengths = 0
    for i in range(n // 100):
        lengths += len(list(count_up(i % 50)))
    return s, last, lengths


print(run(4000000))
