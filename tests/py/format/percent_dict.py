d = {'name': 'Ann', 'age': 31, 'score': 9.5}
print('%(name)s is %(age)d' % d)
print('%(score).2f %(score)s %(name)r' % d)
print('%(name)-6s|%(age)04d|' % d)
print('%(a)s %(a)s' % {'a': 'twice'})
print('%%(name)s %(name)s' % d)
try:
    print('%(missing)s' % d)
except KeyError as e:
    print('KeyError', e)
try:
    print('%(name)s %s' % d)
except TypeError as e:
    print('TypeError', e)
