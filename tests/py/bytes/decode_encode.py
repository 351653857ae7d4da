data = 'Grüße, 世界! 😀'.encode('utf-8')
print(data)
print(len(data), data.decode('utf-8'), data.decode())
print(bytearray(data).decode('utf-8') == data.decode())
print('abc'.encode('ascii'), b'abc'.decode('ascii'), 'ÿ'.encode('latin-1'), b'\xff'.decode('latin-1'))
for bad in [b'\x80', b'\xc3', b'\xed\xa0\x80', b'\xf8\x88\x80\x80\x80']:
    try:
        bad.decode('utf-8')
    except UnicodeDecodeError:
        print('UnicodeDecodeError', bad)
print(b'a\x80b'.decode('utf-8', 'replace'), b'a\x80b'.decode('utf-8', errors='ignore'))
print(str(b'abc', 'ascii'), bytes('x', encoding='utf-8'))
