# Slicing: list and str slices, slice assignment, reversed and stepped slices, permutations by
# prefix reversal (the kind of work MicroPython's fannkuch benchmark does).
def flips(perm):
    p = perm[:]
    n = 0
    k = p[0]
    while k:
        p[: k + 1] = p[k::-1]
        n += 1
        k = p[0]
    return n


def run(rounds):
    base = list(range(10))
    total = 0
    for r in range(rounds):
        perm = base[r % 10 :] + base[: r % 10]
        perm[0], perm[-1] = perm[-1], perm[0]
        total += flips(perm)
        evens = perm[::2]
        odds = perm[1::2]
        total += sum(evens) - sum(odds) + len(perm[2:-2])
    text = "abcdefghijklmnopqrstuvwxyz" * 4
    for r in range(rounds):
        i = r % 50
        s = text[i : i + 20]
        total += len(s[::-1]) + len(s[5:]) + (s[-3:] == "xyz")
    return total


print("checksum", run(60000))
