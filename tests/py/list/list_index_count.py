l = ['a', 'b', 'c', 'b', 'a', 'b']
print(l.index('b'), l.index('b', 2), l.index('b', 4), l.index('a', -2), l.count('b'), l.count('z'))
print(l.index('c', 0, 3))
for args in [('c', 3), ('z',), ('a', 1, 4)]:
    try:
        print(l.index(*args))
    except ValueError as e:
        print('ValueError', e)
print([i for i, x in enumerate(l) if x == 'b'])
print([1, 1.0, True].count(1), [[1], [1]].count([1]), [None, None].index(None))
