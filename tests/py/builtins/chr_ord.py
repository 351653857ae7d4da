print(chr(65), chr(97), chr(48), chr(32) == ' ', chr(0x263A), chr(0x1F600), repr(chr(0)), repr(chr(127)))
print(ord('A'), ord('z'), ord(' '), ord('é'), ord('€'), ord('😀'), ord('\n'), ord(b'a'), ord(bytearray(b'z')))
print(''.join(chr(ord(c) ^ 32) for c in 'Hello'))
print([chr(i) for i in range(ord('a'), ord('f'))])
for bad in [-1, 0x110000]:
    try:
        chr(bad)
    except ValueError as e:
        print('ValueError', e)
for bad in ['', 'ab', 5]:
    try:
        ord(bad)
    except TypeError as e:
        print('TypeError', e)
