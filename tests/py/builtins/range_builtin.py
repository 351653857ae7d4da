print(list(range(5)), list(range(2, 5)), list(range(0, 10, 3)), list(range(10, 0, -3)), list(range(5, 2)), list(range(-3)))
r = range(10, -10, -4)
print(r, list(r), len(r), r[0], r[-1], r[1:3], r[::-1], r[::2], 6 in r, 7 in r, -10 in r)
print(range(3) == range(0, 3), range(0) == range(5, 5), range(1, 10, 2).index(5), range(1, 10, 2).count(5))
print(repr(range(0, 5, 2)), str(range(3)), list(reversed(range(3))), list(reversed(range(1, 10, 4))))
print(r.start, r.stop, r.step, range(5).step)
big = range(10**20)
print(big[-1], 10**19 in big, big.stop, big[10**19])
print(list(range(True, 5)), sum(range(101)))
for args in [(1, 2, 0), (1.5,), ('a',)]:
    try:
        range(*args)
    except (ValueError, TypeError) as e:
        print(type(e).__name__, e)
try:
    range(3)[5]
except IndexError as e:
    print('IndexError', e)
try:
    range(3).index(7)
except ValueError as e:
    print('ValueError', e)
