data = {'user': {'name': 'Ann', 'langs': ['py', 'rs']}, 'n': 3}
print('{0[user][name]} knows {0[user][langs][1]} and {0[n]} things'.format(data))
print('{d[user][langs]}'.format(d=data))
class Obj:
    attr = 'value'
    nested = type('Inner', (), {'deep': 'deeper'})
print('{o.attr} {o.nested.deep} {o.__class__.__name__}'.format(o=Obj()))
print('{0}{1}{0}'.format('ab', 'cd'), '{}{}'.format(*'xy'), '{a}{b}'.format(**{'a': 1, 'b': 2}))
print('{0!r:>10}|{0!s:<10}|{0!a}'.format('ü'))
print('{:{}{}{}}'.format('x', '*', '^', 7))
try:
    '{0[2]}'.format([1])
except IndexError as e:
    print('IndexError', e)
try:
    '{0.missing}'.format(Obj())
except AttributeError as e:
    print('AttributeError', e)
