s = 'abc'
print('[' + s.center(9) + ']', '[' + s.center(8) + ']', '[' + s.center(2) + ']', '[' + s.center(9, '*') + ']')
print('[' + 'ab'.center(5) + ']', '[' + 'ab'.center(6, '-') + ']', '[' + 'abc'.center(6) + ']')
print('[' + s.ljust(6) + ']', '[' + s.rjust(6) + ']', '[' + s.ljust(6, '.') + ']', '[' + s.rjust(1) + ']')
print('42'.zfill(5), '-42'.zfill(5), '+42'.zfill(5), 'abc'.zfill(5), '12345'.zfill(3), ''.zfill(3), '-'.zfill(3))
try:
    s.center(9, '**')
except TypeError as e:
    print('TypeError', e)
print('a\tb\tc'.expandtabs(), 'a\tb'.expandtabs(4), '12345\t6'.expandtabs(4), 'x\ty\nab\tc'.expandtabs(3), '\t'.expandtabs(0) == '')
