print(list(filter(lambda x: x > 2, [1, 2, 3, 4])), list(filter(None, [0, '', 'a', 1, None, []])))
print(list(map(abs, [-1, -2])), list(map(lambda a, b: a * b, [1, 2, 3], [4, 5])), list(map(str, range(3))))
print(list(map(lambda *a: sum(a), [1, 2], [10, 20], [100, 200])))
print(list(zip('abc', [1, 2, 3])), list(zip('ab', range(10))), list(zip()), list(zip('a')), list(zip([], 'x')))
print(list(zip(*[(1, 'a'), (2, 'b')])))
m = map(int, '123')
print(next(m), list(m), list(m))
print(type(map(str, [])).__name__, type(filter(None, [])).__name__, type(zip()).__name__)
try:
    map(1, [1]).__next__()
except TypeError as e:
    print('TypeError', e)
keys, vals = zip(*{'a': 1, 'b': 2}.items())
print(keys, vals)
