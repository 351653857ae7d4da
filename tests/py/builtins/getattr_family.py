class P:
    x = 1
p = P()
print(getattr(p, 'x'), getattr(p, 'y', None), getattr(P, 'x'), hasattr(p, 'x'), hasattr(p, 'nope'))
setattr(p, 'y', 2)
print(p.y, vars(p))
delattr(p, 'y')
print(vars(p), hasattr(p, 'y'))
try:
    getattr(p, 'missing')
except AttributeError as e:
    print('AttributeError', e)
print(getattr([1, 2], 'count')(1), getattr('abc', 'upper')())
class Raises:
    @property
    def bad(self):
        raise ValueError('property failed')
try:
    hasattr(Raises(), 'bad')
except ValueError as e:
    print('hasattr propagates non-AttributeError', e)
