l = list(range(10))
print(l[2:5], l[:3], l[7:], l[-3:], l[:-7], l[::3], l[1::3], l[::-1], l[8:2:-2], l[-1:-4:-1])
print(l[100:], l[-100:2], l[5:5], l[6:2], l[::-100], l[slice(1, 9, 4)])
print(l[0], l[-1], l[-10])
for i in [10, -11]:
    try:
        l[i]
    except IndexError as e:
        print('IndexError', e)
try:
    l['a']
except TypeError as e:
    print('TypeError', e)
try:
    l[::0]
except ValueError as e:
    print('ValueError', e)
s = l[:]
print(s == l, s is l)
print(l[True], l[False:True])
