d = {'a': 1, 'b': 2, 'c': 3}
k, v, i = d.keys(), d.values(), d.items()
print(k, v, i)
d['d'] = 4
print(len(k), list(v), ('d', 4) in i, 'a' in k, 4 in v)
print(sorted(k & {'a', 'z'}), sorted(k | {'z'}), sorted(k - {'a'}), sorted(k ^ {'a', 'z'}))
print(sorted(i & {('a', 1), ('b', 0)}), k == {'a', 'b', 'c', 'd'}, k.isdisjoint({'x'}))
print(list(reversed(k)), list(reversed(v)))
print(type(k).__name__, type(v).__name__, type(i).__name__)
e = {'x': 1}
for key in list(e):
    e[key + key] = 2
print(e)
try:
    for key in e:
        e['new'] = 1
except RuntimeError as ex:
    print('RuntimeError', ex)
print(d.keys() == d.keys(), d.values() == d.values())
