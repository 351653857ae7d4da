b = b'hello'
print(b[0], b[-1], type(b[0]).__name__, b[1:3], b[::-1], b[::2], b[10:], b[:0])
print(list(b), [c for c in b'AZ'], b[0:1] == b'h', b[0] == 104)
ba = bytearray(b'hello')
print(ba[0], ba[1:3], type(ba[1:3]).__name__)
try:
    b[10]
except IndexError as e:
    print('IndexError', e)
try:
    b[0] = 1
except TypeError as e:
    print('TypeError', e)
print(104 in b, b'ell' in b, b'x' in b, 300 in b if False else False)
it = iter(b'ab')
print(next(it), next(it))
