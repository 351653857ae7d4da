print(abs(-3), abs(3), abs(-2.5), abs(0), abs(-0.0), abs(True), abs(-2**100), abs(3 - 4j))
print(all([]), all([1, 2]), all([1, 0]), all('abc'), all([[]]), all(x > 0 for x in [1, 2]))
print(any([]), any([0, 0]), any([0, 1]), any(''), any([[], [1]]), any(x > 5 for x in range(3)))
def noisy(v):
    print('check', v)
    return v
print(all(noisy(v) for v in [1, 0, 1]))
print(any(noisy(v) for v in [0, 1, 0]))
try:
    abs('x')
except TypeError as e:
    print('TypeError', e)
try:
    all(5)
except TypeError as e:
    print('TypeError', e)
