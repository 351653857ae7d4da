def batched(iterable, n):
    batch = []
    for x in iterable:
        batch.append(x)
        if len(batch) == n:
            yield tuple(batch)
            batch = []
    if batch:
        yield tuple(batch)
print(list(batched(range(10), 3)), list(batched([], 2)), list(batched('ab', 5)))
def pairwise(it):
    it = iter(it)
    try:
        prev = next(it)
    except StopIteration:
        return
    for x in it:
        yield prev, x
        prev = x
print(list(pairwise('abcd')), list(pairwise([1])))
def accumulate(it, f=lambda a, b: a + b):
    it = iter(it)
    try:
        total = next(it)
    except StopIteration:
        return
    yield total
    for x in it:
        total = f(total, x)
        yield total
print(list(accumulate([1, 2, 3, 4])), list(accumulate('abc')), list(accumulate([3, 1, 4], max)))
def zip_longest(*its, fill=None):
    its = [iter(i) for i in its]
    while True:
        row, alive = [], 0
        for it in its:
            try:
                row.append(next(it))
                alive += 1
            except StopIteration:
                row.append(fill)
        if not alive:
            return
        yield tuple(row)
print(list(zip_longest('ab', [1, 2, 3], fill='-')))
