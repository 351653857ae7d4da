l = [1]
l.extend([2, 3])
l.extend((4,))
l.extend({5: 'x'})
l.extend('67')
l.extend(range(8, 10))
l.extend(x * 10 for x in range(2))
l.extend([])
print(l)
m = [1, 2]
m.extend(m)
print(m)
try:
    m.extend(5)
except TypeError as e:
    print('TypeError', e)
n = [0]
n += range(3)
print(n)
