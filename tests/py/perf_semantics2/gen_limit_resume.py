# A generator resumed (by next() and by a for loop) at the recursion limit stays consistent:
# no value is lost or repeated whether or not the resume fits.
def counter():
    i = 0
    while True:
        yield i
        i += 1

g = counter()
next(g)
hits = []

def dive(n):
    try:
        return dive(n + 1)
    except RecursionError:
        pass
    # Near the limit: resuming may or may not fit; either way the generator must stay consistent.
    for k in range(3):
        try:
            hits.append(next(g))
        except RecursionError:
            hits.append("RE")
        try:
            for x in g:
                hits.append(x)
                break
        except RecursionError:
            hits.append("RE2")
    return n

dive(0)
print([h for h in hits if h not in ("RE", "RE2")] == sorted(h for h in hits if h not in ("RE", "RE2")))
print(next(g) == max([0] + [h for h in hits if isinstance(h, int)]) + 1)
print("ok")
