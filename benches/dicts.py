# Dictionaries: insert, lookup, update and delete with int and str keys, plus iteration.
def run(n):
    d = {}
    for i in range(n):
        d[i * 7] = i
    s = 0
    for i in range(0, n * 7, 3):
        s += d.get(i, -1)
    names = {}
    for i in range(n // 2):
        key = "key%d" % i
        names[key] = names.get(key, 0) + i
    for i in range(0, n // 2, 2):
        s += names["key%d" % i]
    for i in range(0, n, 2):
        del d[i * 7]
    for k, v in names.items():
        if len(k) == 6:
            s += v
    counts = {}
    words = ("alpha", "beta", "gamma", "delta", "epsilon", "zeta")
    for i in range(n):
        w = words[i % 6]
        counts[w] = counts.get(w, 0) + 1
    return s, len(d), len(names), sorted(counts.items())


print(run(600000))
