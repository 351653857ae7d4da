b = bytearray(b'hello world')
m = memoryview(b)
print(len(m), m[0], m[-1], bytes(m[:5]), m[6:].tobytes(), m.tolist()[:3])
m[0] = 72
m[6:11] = b'WORLD'
print(b, m.readonly, memoryview(b'abc').readonly, m.nbytes, m.itemsize, m.format)
print(m[::2].tobytes(), m.hex(), m == b'Hello WORLD', list(memoryview(b'ab')))
ro = memoryview(b'xyz')
try:
    ro[0] = 1
except TypeError as e:
    print('TypeError', e)
try:
    m[1:3] = b'abc'
except ValueError as e:
    print('ValueError', e)
try:
    memoryview('text')
except TypeError as e:
    print('TypeError', e)
with memoryview(b'ctx') as c:
    print(c.tobytes())
try:
    c.tobytes()
except ValueError as e:
    print('ValueError', e)
buf = bytearray(8)
view = memoryview(buf)
n = 0
for chunk in (b'abc', b'defgh'):
    view[n:n + len(chunk)] = chunk
    n += len(chunk)
print(buf, bytes(view[2:4]), len(view[2:4]))
