d = {'a': 1, 'b': 2, 'c': 3}
for k, v in d.items():
    print(k, v)
(k1, v1), *rest = d.items()
print(k1, v1, rest)
keys, values = zip(*d.items())
print(keys, values)
first, second, third = d
print(first, second, third)
print([*d], [*d.values()], {**d, 'd': 4})
def f(a, b, c):
    return a + b + c
print(f(**d), f(*d.values()), f(*'xyz'))
