n = 1234567
for spec in ['', 'd', '10', '<10', '>10', '^10', '*^11', '010', '+', '-', ' ', ',', '_', '+,', '012,', 'x', 'X', '#x', '#X', 'o', '#o', 'b', '#b', '_b', '_x', 'n', 'c', 'e', 'f', '.2f', 'g', '%', '=+12', '=12', '0=12']:
    try:
        print(repr(spec), repr(format(n if spec != 'c' else 65, spec)))
    except ValueError as e:
        print(repr(spec), 'ValueError', e)
for v in [0, -1, -255, 255]:
    print(v, format(v, '#010x'), format(v, '+08b'), format(v, ' 6d'), format(v, '=+6'))
for spec in ['.2d', 's', ',d,']:
    try:
        print(format(5, spec))
    except ValueError as e:
        print(repr(spec), 'ValueError', e)
