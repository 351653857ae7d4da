data = b'name=ann;age=31;city=oslo'
pairs = [p.split(b'=') for p in data.split(b';')]
print(pairs)
print({k.decode(): v.decode() for k, v in pairs})
print(b';'.join(b'='.join(p) for p in pairs) == data)
print(b'  a  b  '.split(), b'a\nb\r\nc'.splitlines(), b'a\nb\n'.splitlines(True))
print(b'a,b,c'.split(b',', 1), b'a,b,c'.rsplit(b',', 1), b''.split(b','), b''.split())
print(bytearray(b'x y').split(), type(bytearray(b'x y').split()[0]).__name__)
