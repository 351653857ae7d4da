def m(seq):
    match seq:
        case []:
            return 'empty'
        case [x]:
            return f'one: {x}'
        case [x, y]:
            return f'two: {x}, {y}'
        case [0, *rest]:
            return f'starts with 0, rest={rest}'
        case [first, *_, last]:
            return f'first={first} last={last}'
for s in [[], [1], (1, 2), [0, 1, 2], [5, 6, 7, 8], 'ab', range(3), (9,)]:
    print(repr(s), m(s))
def n(p):
    match p:
        case (0, 0):
            return 'origin'
        case (x, 0):
            return f'x-axis {x}'
        case (0, y):
            return f'y-axis {y}'
        case (x, y) if x == y:
            return f'diagonal {x}'
        case (x, y):
            return f'point {x},{y}'
        case [[a, b], [c, d]]:
            return f'matrix {a}{b}{c}{d}'
        case _:
            return 'not a point'
for p in [(0, 0), (3, 0), (0, 4), (2, 2), (1, 5), [[1, 2], [3, 4]], (1, 2, 3), 'xy']:
    print(p, n(p))
