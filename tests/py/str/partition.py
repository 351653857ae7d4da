print('a=b=c'.partition('='), 'a=b=c'.rpartition('='))
print('abc'.partition('='), 'abc'.rpartition('='))
print('key: value'.partition(': '), ''.partition('x'), 'xx'.partition('x'))
try:
    'abc'.partition('')
except ValueError as e:
    print('ValueError', e)
head, sep, tail = 'user@example.com'.partition('@')
print(head, sep, tail)
