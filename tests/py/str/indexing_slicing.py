s = 'abcdefghij'
print(s[0], s[9], s[-1], s[-10])
print(s[2:5], s[:3], s[7:], s[:], s[-3:], s[:-3], s[-5:-2])
print(s[::2], s[1::2], s[::-1], s[::-2], s[8:2:-1], s[8:2:-3], s[2:8:-1])
print(s[100:], s[-100:3], s[3:100], s[5:2], repr(s[10:]))
print(s[slice(1, 4)], s[slice(None, None, -1)], s[slice(2)])
for i in [10, -11, 100]:
    try:
        print(s[i])
    except IndexError as e:
        print('IndexError', e)
try:
    s[1.5]
except TypeError as e:
    print('TypeError', e)
try:
    s[0] = 'x'
except TypeError as e:
    print('TypeError', e)
try:
    s[::0]
except ValueError as e:
    print('ValueError', e)
u = 'h€llo😀'
print(u[1], u[-1], u[1:3], u[::-1], len(u))
