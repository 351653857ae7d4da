tests = [
    lambda: [1, 2][2],
    lambda: [][0],
    lambda: [1].foo,
    lambda: [1, 2, 3][1:2:0],
    lambda: [1] + 1,
    lambda: [1] * 'a',
    lambda: [1]['a'],
    lambda: [1].index(5),
    lambda: hash([1]),
    lambda: {[1]: 2},
    lambda: [].pop(),
    lambda: list(5),
    lambda: [1, 2] < ['a', 2],
]
for t in tests:
    try:
        print(t())
    except Exception as e:
        print(type(e).__name__, e)
l = [1, 2]
try:
    l[5] = 1
except IndexError as e:
    print('IndexError', e)
try:
    del l[5]
except IndexError as e:
    print('IndexError', e)
