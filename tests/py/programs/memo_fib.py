calls = 0
def fib_naive(n):
    global calls
    calls += 1
    return n if n < 2 else fib_naive(n - 1) + fib_naive(n - 2)
print(fib_naive(20), calls)
memo = {0: 0, 1: 1}
def fib_memo(n):
    if n not in memo:
        memo[n] = fib_memo(n - 1) + fib_memo(n - 2)
    return memo[n]
print(fib_memo(100), len(memo))
def memoize(f):
    cache = {}
    def wrapper(*args):
        if args not in cache:
            cache[args] = f(*args)
        return cache[args]
    wrapper.cache = cache
    return wrapper
@memoize
def binom(n, k):
    if k == 0 or k == n:
        return 1
    return binom(n - 1, k - 1) + binom(n - 1, k)
print(binom(50, 25), len(binom.cache))
print([binom(6, k) for k in range(7)])
@memoize
def partitions(n, m):
    if n == 0:
        return 1
    if n < 0 or m == 0:
        return 0
    return partitions(n - m, m) + partitions(n, m - 1)
print([partitions(n, n) for n in range(1, 16)])
def fib_iter(n):
    a, b = 0, 1
    for _ in range(n):
        a, b = b, a + b
    return a
print(fib_iter(300))
print(all(fib_iter(i) == fib_memo(i) for i in range(100)))
