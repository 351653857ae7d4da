# Closures: creating and calling nested functions that capture and rebind (nonlocal) variables.
def make_counter(start):
    count = start

    def step(k):
        nonlocal count
        count += k
        return count

    return step


def make_adder(n):
    return lambda x: x + n


def compose(f, g):
    def h(x):
        return f(g(x))

    return h


def run(n):
    total = 0
    for i in range(n):
        c = make_counter(i)
        c(1)
        total += c(2)
        f = compose(make_adder(i & 15), make_adder(3))
        total += f(i)
        total &= 0xFFFFFFF
    return total


print("checksum", run(800000))
