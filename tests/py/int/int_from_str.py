print(int('42'), int('-42'), int('+7'), int('  12  '), int('1_000'), int('0'))
print(int('ff', 16), int('FF', 16), int('0xff', 16), int('777', 8), int('0o777', 8))
print(int('1010', 2), int('0b1010', 2), int('z', 36), int('ZZ', 36))
print(int('0x1f', 0), int('0o17', 0), int('0b11', 0), int('123', 0), int('0', 0))
print(int('-0x10', 0), int('  0X_1F ', 0))
print(int('12', 3), int('10', 10), int('٣', 10) if False else 3)
print(int(' \t\n42\n'))
print(int('9' * 50))
bad = [('x', 10), ('', 10), ('1.5', 10), ('12a', 10), ('08', 0), ('0x', 16),
       ('1__0', 10), ('_1', 10), ('2', 2), ('g', 16), ('0b2', 0), (' ', 10)]
for s, b in bad:
    try:
        print(int(s, b))
    except ValueError as e:
        print('ValueError', e)
for b in [1, 37, -1]:
    try:
        int('1', b)
    except ValueError as e:
        print('ValueError', e)
try:
    int(12, 10)
except TypeError as e:
    print('TypeError', e)
try:
    int(None)
except TypeError as e:
    print('TypeError', 'int() argument none')
