a = [1, 2]
b = (3, 4)
print([*a, *b], (*a, *b), {*a, *b}, [*a], (*a,), [*'ab', *range(2), *{5: 'x'}])
d1 = {'x': 1}
d2 = {'y': 2, 'x': 0}
print({**d1, **d2}, {**d2, **d1}, {'z': 9, **d1}, {**{}})
print([*[], *()], {**dict(a=1), 'a': 2})
print(*a, *b)
try:
    [*5]
except TypeError as e:
    print('TypeError', e)
try:
    {**[1]}
except TypeError as e:
    print('TypeError')
gen = (i * i for i in range(3))
print([*gen, *gen])
