d = {'a': [1]}
d['a'] += [2]
d['a'] *= 2
print(d)
t = ([1], 2)
try:
    t[0] += [3]
except TypeError as e:
    print('TypeError', e)
print(t)
s = {1, 2}
alias = s
s |= {3}
s &= {2, 3}
s -= {2}
s ^= {4}
print(sorted(s), s is alias)
b = bytearray(b'ab')
bb = b
b += b'c'
print(b, b is bb)
x = 7
x **= 2; x //= 3; x %= 10; x <<= 3; x >>= 1; x ^= 5; x |= 64; x &= 0x7F
print(x)
f = 1.5
f *= 2; f -= 0.5; f /= 5
print(f)
