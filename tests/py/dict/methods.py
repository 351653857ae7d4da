d = {'a': 1, 'b': 2}
print(d.get('a'), d.get('z'), d.get('z', 0), d['b'])
print(d.setdefault('c', 3), d.setdefault('a', 100), d)
print(d.pop('a'), d.pop('zz', 'default'), d)
try:
    d.pop('zz')
except KeyError as e:
    print('KeyError', e)
d.update({'x': 10}); print(d)
d.update(y=20, z=30); print(d)
d.update([('p', 1), ('q', 2)]); print(d)
d.update({'x': 11}, w=0); print(d)
print(d.popitem(), d.popitem(), d)
print(list(d.keys()), list(d.values()), list(d.items()))
c = d.copy(); c['new'] = 1; print(d, c)
d.clear(); print(d, len(d))
try:
    {}.popitem()
except KeyError as e:
    print('KeyError', e)
print(dict.fromkeys('abc'), dict.fromkeys([1, 2], 0), dict.fromkeys([]))
