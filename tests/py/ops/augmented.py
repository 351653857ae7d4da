x = 10
x += 5; print(x)
x -= 3; print(x)
x *= 2; print(x)
x /= 4; print(x)
x = 17
x //= 3; print(x)
x %= 3; print(x)
x = 3
x **= 4; print(x)
x <<= 2; print(x)
x >>= 1; print(x)
x &= 0xF0; print(x)
x |= 0x0F; print(x)
x ^= 0xFF; print(x)
s = 'ab'
s += 'cd'; print(s)
s *= 2; print(s)
l = [1]
m = l
l += [2]
print(l, m, l is m)
l = l + [3]
print(l, m, l is m)
t = (1,)
u = t
t += (2,)
print(t, u)
d = {'k': 1}
d['k'] += 10
print(d)
class O: pass
o = O()
o.a = 1
o.a += 1
print(o.a)
a = [0, 0]
i = 0
a[i] += 5
print(a)
try:
    undefined_var += 1
except NameError as e:
    print('NameError', e)
