import binascii

print(binascii.hexlify(b'\x01\xab\xff'), binascii.b2a_hex(b''), binascii.hexlify(bytearray(b'xyz')))
print(binascii.hexlify(b'\x01\x02\x03\x04\x05', '-'), binascii.hexlify(b'\x01\x02\x03\x04\x05', b':', 2))
print(binascii.hexlify(b'\x01\x02\x03\x04\x05', ' ', -2), binascii.hexlify(b'\x01\x02', sep='|'))
print(binascii.unhexlify(b'01abFF'), binascii.unhexlify('6869'), binascii.a2b_hex(''))
print(binascii.b2a_base64(b'hello'), binascii.b2a_base64(b'hello', newline=False))
for n in range(6):
    e = binascii.b2a_base64(bytes(range(250, 250 + n)))
    print(n, e, binascii.a2b_base64(e))
print(binascii.a2b_base64('aGVs\nbG8=\n'), binascii.a2b_base64(b'aGVsbG8=trailing'), binascii.a2b_base64('aGV!sbA=='))
print(binascii.crc32(b'hello'), binascii.crc32(b''), binascii.crc32(b'world', binascii.crc32(b'hello ')))
print(binascii.crc32(b'hello world'), binascii.crc32(b'x', 12345), binascii.crc32(b'x', -1))
print(issubclass(binascii.Error, ValueError), binascii.Error)

def err(f, *a, **k):
    try:
        print('ok', f(*a, **k))
    except Exception as e:
        print(type(e).__name__, e)

err(binascii.unhexlify, b'abc')
err(binascii.unhexlify, b'zz')
err(binascii.unhexlify, 'é1')
err(binascii.hexlify, 'abc')
err(binascii.hexlify, b'ab', 'xy')
err(binascii.a2b_base64, b'aGVsbG8')
err(binascii.a2b_base64, b'aGVsb')
err(binascii.a2b_base64, b'a')
err(binascii.a2b_base64, b'aG=Vs', strict_mode=True)
err(binascii.b2a_base64, 'abc')
err(binascii.crc32, 'abc')
try:
    binascii.unhexlify('1')
except binascii.Error as e:
    print('caught', e)
