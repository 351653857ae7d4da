print(list(reversed([1, 2, 3])), list(reversed('abc')), list(reversed((1, 2))), list(reversed(range(4))), list(reversed([])))
print(list(reversed({'a': 1, 'b': 2})), list(reversed({'a': 1}.items())), list(reversed(b'ab')))
r = reversed([1, 2])
print(next(r), next(r), next(r, 'end'), type(reversed([])).__name__)
for bad in [{1, 2}, 5, iter([1])]:
    try:
        reversed(bad)
    except TypeError as e:
        print('TypeError', e)
