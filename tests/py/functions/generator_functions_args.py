def gen(start, *steps, limit=100, **labels):
    v = start
    for s in steps:
        v += s
        if v > limit:
            return
        yield labels.get(str(s), s), v
print(list(gen(0, 1, 2, 3)))
print(list(gen(0, 50, 60, 70, limit=200, **{'60': 'sixty'})))
print(list(gen(10, 95)))
def first(it, default=None):
    for x in it:
        return x
    return default
print(first(gen(0, 5)), first(gen(0)), first([], 'empty'))
