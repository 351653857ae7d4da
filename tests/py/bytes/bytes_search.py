b = b'hello world, hello bytes'
print(b.find(b'hello'), b.find(b'hello', 1), b.rfind(b'hello'), b.find(b'zz'), b.index(b'world'), b.count(b'l'))
print(b.startswith(b'hello'), b.endswith(b'bytes'), b.startswith((b'x', b'h')), b.find(ord('w')))
print(b'lo' in b, ord('z') in b, b.replace(b'hello', b'bye'), b.replace(b'l', b'L', 2))
print(b.upper(), b.title(), b.split(b', '), b.partition(b' '))
try:
    b.index(b'missing')
except ValueError as e:
    print('ValueError', e)
