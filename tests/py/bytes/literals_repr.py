print(b'', b'abc', b'\x00\x01\xff', b"'", b'"', b'\'"', b'\n\t\r', b'\\')
print(bytes(), bytes(3), bytes([65, 66, 67]), bytes(range(5)), bytes('é', 'utf-8'), bytes(b'copy'))
print(bytearray(), bytearray(b'ab'), bytearray(2), bytearray([1, 2]), bytearray('x', 'ascii'))
print(repr(b'\x7f\x80'), repr(bytearray(b'\x00z')), str(b'x'))
print(bytes(range(32, 40)), bytes([127, 128, 255]))
print(type(b'').__name__, type(bytearray()).__name__, len(b'abc'), len(bytearray(5)))
for bad in [[256], [-1], ['a'], 'str', 1.5]:
    try:
        print(bytes(bad))
    except (ValueError, TypeError) as e:
        print(type(e).__name__, e)
