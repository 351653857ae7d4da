# A file object dropped without close() still writes what it buffered (CPython flushes it when
# it is freed), whether it is dropped at once, at a function's return, or by rebinding.
import os
p = 'ferropy_drop_flush_%d.txt'
open(p % 1, 'w').write('direct')
print(open(p % 1).read())
def scoped():
    f = open(p % 2, 'w')
    f.write('in a function')
scoped()
print(open(p % 2).read())
f = open(p % 3, 'wb')
f.write(b'rebound')
f = None
print(open(p % 3, 'rb').read())
g = open(p % 4, 'a')
g.write('appended')
del g
print(open(p % 4).read())
for i in range(1, 5):
    os.remove(p % i)
