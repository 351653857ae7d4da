print(b'abc' == b'abc', b'abc' == bytearray(b'abc'), b'abc' == 'abc', b'a' < b'b', b'ab' < b'abc', b'\xff' > b'\x00')
print(b'ab' + b'cd', bytearray(b'ab') + b'cd', b'ab' + bytearray(b'cd'), b'ab' * 3, 2 * bytearray(b'x'))
print(sorted([b'b', b'a', b'ab']), max(b'hello'), min(b'hello'), sum(b'\x01\x02'))
print(hash(b'abc') == hash(b'abc'))
try:
    hash(bytearray(b'x'))
except TypeError as e:
    print('TypeError', e)
print({b'k': 1}[b'k'], b'x' in [b'x'])
print(bytes(bytearray(b'conv')), bytearray(bytes(b'conv')), list(bytearray(b'\x01\x02')))
