# struct.Struct objects: format, size, pack/unpack variants and errors.
import struct

s = struct.Struct('<hHi')
print(s.format, s.size)
b = s.pack(-2, 65535, 123456)
print(b, s.unpack(b))
print(s.unpack_from(b'xx' + b, 2), s.unpack_from(b'xx' + b, offset=2))
buf = bytearray(12)
s.pack_into(buf, 2, 1, 2, 3)
print(buf)
print(list(s.iter_unpack(b * 3)))
print(struct.Struct(b'>q').format, struct.Struct(format='2s').size)
print(list(struct.iter_unpack('<H', b'\x01\x00\x02\x00')), struct.calcsize('@bi'), struct.calcsize('=bi'))
d = struct.Struct('>d')
print(d.unpack(d.pack(1.5)))
for f in [lambda: s.pack(1), lambda: s.unpack(b'ab'), lambda: struct.Struct('z'),
          lambda: s.iter_unpack(b'abc'), lambda: struct.Struct(1), lambda: s.unpack_from(b'', 0),
          lambda: s.pack(1, 2, 'x')]:
    try:
        print(f())
    except Exception as e:
        print(type(e).__name__, e)
print(type(s).__name__, isinstance(s, struct.Struct))
