cases = [
    lambda: exec('a, b = 1, 2, 3'),
    lambda: exec('a, b, c = 1, 2'),
    lambda: exec('a, b = 1'),
    lambda: exec('a, = []'),
    lambda: exec('a, *b, c = [1]'),
    lambda: exec('(a, b), c = 1, 2'),
    lambda: exec('a, b = None'),
    lambda: exec('a, b = "xyz"'),
    lambda: exec('a, b = {1: 2}'),
]
for c in cases:
    try:
        c()
        print('ok')
    except (ValueError, TypeError) as e:
        print(type(e).__name__, e)
def gen():
    yield 1
    yield 2
    yield 3
try:
    a, b = gen()
except ValueError as e:
    print('ValueError', e)
