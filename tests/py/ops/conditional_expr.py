for x in [-1, 0, 1]:
    print('neg' if x < 0 else 'zero' if x == 0 else 'pos')
a = 1 if True else 1 / 0
print(a)
b = (lambda: 'lam') if False else (lambda: 'other')
print(b())
print([x if x % 2 else -x for x in range(5)])
print(1 + (2 if False else 3))
print((1 if 0 else 2) * 10)
y = 5
z = 'big' if y > 3 else 'small'
print(z)
print('a' if [] else 'b', 'c' if [0] else 'd')
