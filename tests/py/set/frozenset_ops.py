f = frozenset([1, 2, 3])
g = frozenset([3, 4])
print(sorted(f | g), sorted(f & g), type(f | g).__name__, type(f | {9}).__name__, type({9} | f).__name__)
print(f == {1, 2, 3}, hash(f) == hash(frozenset([3, 2, 1])), frozenset() == frozenset([]))
print(sorted({f, g, frozenset([1, 2, 3])}, key=sorted))
try:
    f.add(4)
except AttributeError as e:
    print('AttributeError', e)
s = {frozenset([1]), frozenset([1])}
print(len(s))
print(frozenset({1, 2}), frozenset())
print(sorted(frozenset('abc')))
