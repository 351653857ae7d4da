ba = bytearray(b'Hello')
print(ba.upper(), ba.lower(), ba.find(b'l'), ba.count(b'l'), ba.replace(b'l', b'L'), ba.startswith(b'He'))
ba.extend(range(33, 36))
print(ba, len(ba))
ba[0:1] = b'J'
print(ba, ba.decode())
ba.reverse()
print(ba)
print(bytearray(3), bytearray([1, 2, 3]) == b'\x01\x02\x03', bytearray(b'abc') + bytearray(b'def'))
x = bytearray(b'abc')
x[::2] = b'XY'
print(x)
del x[1]
print(x, x.hex(), bytes(x))
print(bytearray(b'  strip me  ').strip(), bytearray(b'a-b').split(b'-'))
