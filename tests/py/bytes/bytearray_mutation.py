ba = bytearray(b'hello')
ba[0] = 72
print(ba)
ba[1:3] = b'EY'
print(ba)
ba[1:3] = b'xyz123'
print(ba)
del ba[0]
print(ba)
del ba[::2]
print(ba)
ba.append(33)
ba.extend(b'??')
ba.extend([65, 66])
print(ba)
ba.insert(0, 35)
print(ba, ba.pop(), ba.pop(0), ba)
ba.remove(ord('?'))
print(ba)
ba.reverse()
print(ba)
ba += b'++'
print(ba, len(ba))
ba *= 2
print(ba)
ba.clear()
print(ba, len(ba))
c = bytearray(b'abc')
d = c.copy()
d[0] = 0
print(c, d)
for f in [lambda: c.__setitem__(0, 256), lambda: c.__setitem__(0, -1), lambda: c.append('a'), lambda: c.remove(120), lambda: bytearray().pop()]:
    try:
        f()
    except (ValueError, TypeError, IndexError) as e:
        print(type(e).__name__, e)
