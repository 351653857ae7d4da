a = {'x': 1, 'y': 2}
b = {'y': 20, 'z': 30}
print(a | b, b | a, a, b)
c = a.copy()
c |= b
print(c)
c |= [('w', 0)]
print(c)
try:
    a | [('k', 1)]
except TypeError as e:
    print('TypeError', e)
print({**a, **b}, dict(a, **b))
