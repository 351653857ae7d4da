d = {'a': 1}
print(len(d), 'a' in d, 1 in d, bool({}), bool(d), str(d), repr({'q': "it's"}))
d2 = d
d2['b'] = 2
print(d, d is d2)
print(dict.get(d, 'a'), {}.get('x', []), list({}.items()))
print({1: 2}.__contains__(1), {1: 2}.__getitem__(1), {1: 2}.__len__())
class Missing(dict):
    def __missing__(self, key):
        return key * 2
m = Missing(a=1)
print(m['a'], m['zz'], m.get('zz'), 'zz' in m)
print({True: 1, 1: 2, 1.0: 3})
print(sorted({'b': 1, 'a': 2}), sorted({'b': 1, 'a': 2}.items()))
print(dict(sorted({'b': 1, 'a': 2}.items())))
