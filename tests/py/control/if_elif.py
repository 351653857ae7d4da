def classify(n):
    if n < 0:
        return 'negative'
    elif n == 0:
        return 'zero'
    elif n < 10:
        return 'small'
    else:
        return 'large'
for n in [-5, 0, 3, 100]:
    print(n, classify(n))
for v in [0, 1, '', 'a', [], [0], None, 0.0, {}, {0: 0}, (), set(), range(0), range(1)]:
    if v:
        print(repr(v), 'truthy')
    else:
        print(repr(v), 'falsy')
if True:
    pass
x = 5
if x > 3:
    if x > 4:
        print('nested both')
else:
    print('never')
