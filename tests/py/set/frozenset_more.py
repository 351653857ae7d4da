fs = frozenset([3, 1, 2])
print(sorted(fs), len(fs), 2 in fs, 9 not in fs)
print(sorted(fs | {4}), sorted(fs & {1, 9}), sorted(fs - {1}), sorted(fs ^ {1, 5}))
print(sorted(fs.union([7])), fs.issubset(range(5)), fs.copy() == fs)
nested = frozenset([frozenset([1, 2]), frozenset([3])])
print(len(nested), frozenset([2, 1]) in nested)
d = {fs: 'value'}
print(d[frozenset({1, 2, 3})])
print(frozenset('abc') == set('cba'), type(frozenset('a') | set('b')).__name__)
try:
    fs.remove(1)
except AttributeError as e:
    print('AttributeError', e)
