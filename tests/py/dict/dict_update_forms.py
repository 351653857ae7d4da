d = {'a': 1}
d.update({'b': 2})
d.update([('c', 3)])
d.update(d=4)
d.update({'a': 10}, e=5)
d.update(((k, v) for k, v in [('f', 6)]))
d.update()
print(d)
class KeysGetitem:
    def keys(self): return ['x', 'y']
    def __getitem__(self, k): return k.upper()
d.update(KeysGetitem())
print(d)
for bad in [[1, 2], [(1, 2, 3)], 5]:
    try:
        d.update(bad)
    except (TypeError, ValueError) as e:
        print(type(e).__name__)
print(dict(KeysGetitem()))
