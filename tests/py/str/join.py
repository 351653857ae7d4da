print(','.join(['a', 'b', 'c']), ''.join(['x', 'y']), '-'.join('abc'), ', '.join([]))
print(' '.join(str(i) for i in range(5)), '|'.join(('only',)))
print('\n'.join(['l1', 'l2']))
print('ab'.join(['1', '2', '3']))
print(''.join(reversed('hello')))
for bad in [[1, 2], ['a', None], 'ok']:
    try:
        print('+'.join(bad))
    except TypeError as e:
        print('TypeError', e)
print(','.join({'k1': 1, 'k2': 2}))
