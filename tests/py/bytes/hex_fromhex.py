print(b'\x00\xab\xff'.hex(), bytearray(b'AB').hex(), b''.hex())
print(b'\x01\x02\x03'.hex(':'), b'\x01\x02\x03\x04'.hex('-', 2))
print(bytes.fromhex('00abff'), bytes.fromhex('de ad be ef'), bytearray.fromhex('4142'), bytes.fromhex(''))
for bad in ['0', 'zz', '0g']:
    try:
        print(bytes.fromhex(bad))
    except ValueError as e:
        print('ValueError')
print(bytes.fromhex(b'\xde\xad'.hex()) == b'\xde\xad')
