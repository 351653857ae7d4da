# Iterating an array is live and by index, like a list: appends made during the loop are seen,
# and an exhausted iterator stays exhausted.
from array import array

a = array('i', [1, 2, 3])
seen = []
for x in a:
    seen.append(x)
    if x < 3 and len(a) < 6:
        a.append(x * 10)
print(seen, list(a))

it = iter(array('d', [0.5, 1.5]))
print(next(it), next(it))
try:
    next(it)
except StopIteration:
    print("stop")

b = array('B', b'xyz')
print(list(b), sum(b), sorted(array('h', [3, -1, 2])))
print(list(zip(array('b', [1, 2]), array('q', [7, 8, 9]))))
e = array('f')
print(list(e), [y for y in e])
it = iter(array('i', [4]))
print(list(it), list(it))
big = array('H', range(1000))
print(sum(1 for _ in big), max(big))
