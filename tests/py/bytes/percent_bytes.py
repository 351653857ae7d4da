print(b'%s %d' % (b'abc', 42))
print(b'%x %o %5d|%-5d|' % (255, 8, 3, 4))
print(b'%c%c' % (65, b'B'))
print(b'%b' % b'bytes', b'%r' % b'x' if False else b'%a' % 'é')
print(b'%.2f' % 1.5, b'%%', b'%05.1f' % 2.25)
print(bytearray(b'%s!') % b'hi')
try:
    b'%s' % 'str'
except TypeError as e:
    print('TypeError')
