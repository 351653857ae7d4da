class C:
    cls_attr = 'c'
o = C()
setattr(o, 'x', 1)
print(getattr(o, 'x'), getattr(o, 'y', 'default'), hasattr(o, 'x'), hasattr(o, 'y'), getattr(o, 'cls_attr'))
delattr(o, 'x')
print(hasattr(o, 'x'))
try:
    getattr(o, 'nope')
except AttributeError as e:
    print('AttributeError', e)
try:
    delattr(o, 'nope')
except AttributeError as e:
    print('AttributeError', e)
setattr(C, 'added', lambda self: 'method added')
print(o.added())
for name in ['a', 'b']:
    setattr(o, name, name.upper())
print(sorted(vars(o).items()))
try:
    getattr(o, 5)
except TypeError as e:
    print('TypeError', e)
try:
    setattr(1, 'x', 2)
except AttributeError as e:
    print('AttributeError', e)
print(getattr(str, 'upper')('x'), getattr([], 'append') is not None)
