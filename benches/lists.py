# Lists: append, indexing, slicing, sort (with and without key), comprehensions, sum.
def run(n):
    xs = []
    seed = 12345
    for i in range(n):
        seed = (seed * 1103515245 + 12345) & 0x7FFFFFFF
        xs.append(seed % 100000)
    ys = sorted(xs)
    xs.sort(key=lambda v: -v)
    squares = [v * v for v in ys if v & 1]
    pairs = [(v % 10, v) for v in xs[: n // 4]]
    pairs.sort()
    total = sum(squares) % 1000000007
    rev = ys[::-1]
    acc = 0
    for i in range(0, n, 7):
        acc += rev[i] - ys[i]
    nested = [[i * j for j in range(10)] for i in range(n // 10)]
    flat = [x for row in nested for x in row]
    return total, acc, pairs[0], pairs[-1], len(flat), max(flat), ys[n // 2]


print(run(600000))
