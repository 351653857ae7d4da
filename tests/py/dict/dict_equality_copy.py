a = {'x': [1, 2], 'y': {'z': 3}}
b = dict(a)
c = {k: (v.copy() if hasattr(v, 'copy') else v) for k, v in a.items()}
a['x'].append(3)
a['y']['z'] = 'changed'
print(a, b, c, sep='\n')
print(a == b, a == c, {'a': 1} == {'a': 1.0}, {} == dict(), {1: 2} != {1: 3})
print({'a': 1, 'b': 2}.items() == {('b', 2), ('a', 1)})
