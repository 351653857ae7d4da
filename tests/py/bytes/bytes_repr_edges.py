for b in [b'', b"'", b'"', b'\'"', b'\\', b'\x00', b'\t\n\r', b'\x7f', b'\x80', b'abc\xffdef', bytes(range(0, 256, 37))]:
    print(repr(b), str(b) == repr(b), len(b))
print(repr(bytearray(b'its')), repr(bytearray()))
