# Ranges with bounds beyond 64 bits: items, slicing, membership, iteration, equality, hash.
big = range(10**20)
print(big[-1], 10**19 in big, big.stop, big[10**19], big)
r = range(10**20, 10**20 + 10, 3)
print(list(r), list(reversed(r)), len(r), r[1:], r[::-1], r[-1], bool(r), bool(range(10**20, 0)))
print(r == range(10**20, 10**20 + 10, 3), r == range(10**20, 10**20 + 11, 3), hash(r) == hash(range(10**20, 10**20 + 12, 3)))
print(r.index(10**20 + 6), r.count(10**20 + 6), 10**20 + 1 in r, 5 in r, 1e20 in r)
try:
    len(big)
except OverflowError as e:
    print("OverflowError", e)
print(range(-10**30, 10**30, 10**29)[3:5], range(5)[10**20:], range(2**62, 2**63 + 10, 2**61))
print(range(2**62, 2**63 + 10, 2**61)[::-2], list(range(2**63 - 2, 2**63 + 2)))
for x in range(2**64, 2**64 + 3):
    print(x, end=" ")
print()
try:
    r.index("x")
except ValueError as e:
    print(e)
print(range(10**20)[::10**19], range(10**20)[5:-5:10**19].start, type(big), isinstance(big, range))
try:
    range(3)[10**20]
except IndexError as e:
    print(e)
print(range(0, 10**20, 10**19) == range(0, 10**20 - 1, 10**19), range(1, 2**64)[2**63])
print(max(range(2**64, 2**64 + 3)), sorted(range(2**64 + 2, 2**64, -1)), repr(range(-2**70, 0, 2**69)))
