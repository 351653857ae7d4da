print(list(zip([1, 2, 3], 'ab')), list(zip('abc', range(100), [True] * 3)))
print(list(zip(*['abc', 'def', 'ghi'])))
z = zip([1, 2], [3, 4])
print(next(z), list(z), list(z))
try:
    list(zip([1, 2], [1], strict=True))
except ValueError as e:
    print('ValueError', e)
print(list(zip([1], [2], strict=True)))
print(dict(zip(['a', 'b'], [1, 2, 3])), list(zip()))
