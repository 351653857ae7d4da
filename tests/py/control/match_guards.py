def classify(p):
    match p:
        case (x, y) if x == 0 and y == 0:
            return 'origin'
        case (x, y) if x == y:
            return 'diagonal'
        case (x, y) if x > 0 and y > 0:
            return 'Q1'
        case (x, _) if x < 0:
            return 'left half'
        case _:
            return 'elsewhere'
for p in [(0, 0), (2, 2), (1, 3), (-1, 5), (3, -1), 'xy', (1, 2, 3)]:
    print(p, classify(p))
calls = []
def check(v):
    calls.append(v)
    return v > 5
match 10:
    case n if check(n - 8):
        print('first')
    case n if check(n):
        print('second', n)
print(calls)
