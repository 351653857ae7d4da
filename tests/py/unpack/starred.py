first, *rest = [1, 2, 3, 4]
print(first, rest)
*init, last = [1, 2, 3, 4]
print(init, last)
a, *mid, z = 'abcde'
print(a, mid, z)
a, *mid, z = 'az'
print(a, mid, z)
*everything, = range(3)
print(everything)
h, *t = (1,)
print(h, t)
[x, *ys] = b'hi'
print(x, ys)
a, b, *c, d, e = range(10)
print(a, b, c, d, e)
head, *_ = 'only'
print(head, _)
