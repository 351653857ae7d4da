print(list(enumerate('abc')), list(enumerate('abc', 1)), list(enumerate('ab', start=-1)), list(enumerate([])))
e = enumerate(['x', 'y'])
print(next(e), next(e), next(e, 'done'))
for i, (a, b) in enumerate([(1, 2), (3, 4)], 10):
    print(i, a, b)
print(dict(enumerate('hi')), type(enumerate([])).__name__)
print(list(enumerate(range(3), 2**70)))
