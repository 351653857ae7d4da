d = {'a': 1, 2: 'two', (1, 2): 'tup'}
for k in ['z', 3, (1, 3), None, '', 'a b']:
    try:
        print(d[k])
    except KeyError as e:
        print('KeyError', e, repr(e), e.args)
try:
    d[[1]] = 1
except TypeError as e:
    print('TypeError', e)
try:
    {}[{}]
except TypeError as e:
    print('TypeError', e)
try:
    del d['nope']
except KeyError as e:
    print('KeyError', e)
try:
    {'a': 1} < {'b': 2}
except TypeError as e:
    print('TypeError', e)
try:
    d.nonexistent
except AttributeError as e:
    print('AttributeError', e)
print({'a': 1} == {'a': 1}, {'a': 1, 'b': 2} == {'b': 2, 'a': 1}, {'a': 1} != {'a': 1.0})
