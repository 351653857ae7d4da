d = {'a': 1}
keys = d.keys()
values = d.values()
items = d.items()
print(list(keys), list(values), list(items))
d['b'] = 2
d['c'] = 3
print(list(keys), list(values), list(items), len(keys))
del d['a']
print(sorted(keys), 'a' in keys, ('b', 2) in items, 3 in values)
print(keys - {'b'}, sorted(keys | {'z'}), keys & {'c', 'q'})
print(list(map(str.upper, keys)), sum(values), dict(items))
