a = 1
del a
try:
    print(a)
except NameError as e:
    print('NameError', e)
b, c = 1, 2
del b, c
print('b' in dir(), 'c' in dir())
l = [1, 2, 3]
del l[0], l[0]
print(l)
d = {'k': 1, 'j': 2}
del d['k']
print(d)
class O:
    pass
o = O()
o.attr = 1
del o.attr
print(hasattr(o, 'attr'))
try:
    del o.attr
except AttributeError as e:
    print('AttributeError', e)
try:
    del undefined_thing
except NameError as e:
    print('NameError', e)
def f():
    local = 1
    del local
    return 'local' in locals()
print(f())
x = 5
def g():
    global x
    del x
g()
print('x' in globals())
