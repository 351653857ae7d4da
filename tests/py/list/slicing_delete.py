l = list(range(10))
del l[0]; print(l)
del l[-1]; print(l)
del l[2:4]; print(l)
del l[::2]; print(l)
del l[100:]; print(l)
del l[::-1]; print(l)
m = list(range(10))
del m[1::3]; print(m)
del m[:]; print(m)
try:
    del m[0]
except IndexError as e:
    print('IndexError', e)
n = [1, 2, 3]
del n[5:1]; print(n)
