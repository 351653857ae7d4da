class Obj: pass
o = Obj()
for i, name in enumerate(['alpha', 'beta', 'gamma']):
    setattr(o, name, i)
print(sorted(vars(o).items()))
delattr(o, 'beta')
print(sorted(vars(o)))
setattr(o, 'with space', 'odd but allowed')
print(getattr(o, 'with space'))
try:
    delattr(o, 'beta')
except AttributeError as e:
    print('AttributeError', e)
try:
    setattr(o, 1, 2)
except TypeError as e:
    print('TypeError', e)
try:
    setattr([], 'x', 1)
except AttributeError as e:
    print('AttributeError', e)
try:
    delattr(1, 'real')
except AttributeError as e:
    print('AttributeError')
