def naturals(start=0):
    n = start
    while True:
        yield n
        n += 1
def take(n, it):
    out = []
    for x in it:
        if len(out) >= n:
            break
        out.append(x)
    return out
def primes():
    found = []
    for n in naturals(2):
        if all(n % p for p in found):
            found.append(n)
            yield n
print(take(15, primes()))
def squares():
    for n in naturals(1):
        yield n * n
sq = squares()
print([next(sq) for _ in range(8)])
def takewhile(pred, it):
    for x in it:
        if not pred(x):
            return
        yield x
print(list(takewhile(lambda v: v < 50, squares())))
def cycle(seq):
    while True:
        yield from seq
c = cycle('ab')
print([next(c) for _ in range(5)])
