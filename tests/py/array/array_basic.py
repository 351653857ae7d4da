from array import array
import struct

a = array('i', [1, 2, 3])
print(a, array('d'), array('f', [1.5]), a[1], a[-1], a[0:2], len(a), list(a), a.typecode, a.itemsize)
a.append(4)
a.extend([5, 6])
a.extend(array('i', [7]))
print(a, a.tolist(), a[::2], a[::-1])
a[0] = 10
a[1:3] = array('i', [20, 30, 40])
print(a)
del a[0]
del a[::2]
print(a, a.pop(), a.pop(0), a)
b = array('h', [1, -2, 3])
print(b.tobytes(), bytes(b), array('h', b.tobytes()))
b.frombytes(b'\x05\x00')
print(b)
c = b + array('h', [9])
c += array('h', [10])
print(c, b)
print(array('B', b'abc'), array('b', [-1, 1]), array('Q', [2**64 - 1]), array('q', [-2**63]))
print(array('L', range(3)), array('l', [-5]), array('I', [4000000000]), array('H', [65535]))
for x in array('d', [1.25, 2.5]):
    print(x)
print(3 in array('i', [1, 3]), 4 in array('i', [1, 3]))
print(array('i', [1, 2]) == array('d', [1.0, 2.0]), array('i', [1]) != array('i', [1]))
print(array('f', [0.1])[0])
buf = array('B', [0] * 8)
struct.pack_into('<I', buf, 2, 0xdeadbeef)
print(buf, struct.unpack_from('<I', buf, 2), struct.unpack('<hh', array('h', [1, 2])))

def err(f, *a):
    try:
        r = f(*a)
        print('ok', r)
    except Exception as e:
        print(type(e).__name__, e)

for c, v in [('b', 200), ('b', -200), ('B', 300), ('B', -1), ('h', 2**15), ('H', -1), ('i', 2**31),
             ('I', 2**32), ('q', 2**63), ('Q', -1), ('Q', 2**64), ('i', 'a'), ('f', 'a'), ('i', 1.5)]:
    err(array, c, [v])
err(array, 'z')
err(lambda: a[5])
err(lambda: array('i') + array('d'))
err(lambda: array('i') + [1])
err(array('i').frombytes, b'123')
err(array, 'i', 'abc')
def f():
    x = array('i', [1])
    x[5] = 1
err(f)
def g():
    x = array('i', [1])
    x[0:1] = [1]
err(g)
err(array('i').pop)
