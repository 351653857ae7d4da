for a, b in [(7, 2), (-7, 2), (7, -2), (-7, -2), (7.5, 2), (-7.5, 2), (0, 5), (10**20, 7)]:
    print(a, b, divmod(a, b))
for a, b in [(1, 0), (1.0, 0)]:
    try:
        divmod(a, b)
    except ZeroDivisionError:
        print('ZeroDivisionError')
try:
    divmod('a', 1)
except TypeError as e:
    print('TypeError', e)
