# bytes iteration, construction and conversions without memoryview
b = bytes([104, 105])
print(b, list(b), tuple(b), set(b) == {104, 105})
print(bytes(x * 2 for x in range(5)), bytearray(x for x in b'abc' if x != 98))
print(bytes.maketrans(b'ab', b'xy'), b'aabbcc'.translate(bytes.maketrans(b'ab', b'xy')), b'abc'.translate(None, b'b'))
print(int.from_bytes(b'\x12\x34', 'big'), b'\x12\x34'[0] << 8 | b'\x12\x34'[1])
print(b'abc'.count(b''), b'abc'.split(b'b'), bytes(3) == b'\x00' * 3)
