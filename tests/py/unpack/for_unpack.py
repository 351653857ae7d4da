for a, b in [(1, 2), (3, 4)]:
    print(a, b)
for i, (k, v) in enumerate({'x': 1, 'y': 2}.items()):
    print(i, k, v)
for first, *rest in ['abc', 'de', 'f']:
    print(first, rest)
for x, y in zip('ab', range(2)):
    print(x, y)
try:
    for a, b in [(1, 2), (3,)]:
        print(a, b)
except ValueError as e:
    print('ValueError', e)
points = [(1, 2), (3, 4)]
print([x + y for x, y in points], {x: y for x, y in points})
for [a, b] in [[5, 6]]:
    print(a, b)
