s = 'hello world'
print(s.startswith('hello'), s.startswith('world'), s.startswith('world', 6), s.startswith('lo', 3, 5))
print(s.endswith('world'), s.endswith('hello'), s.endswith('hello', 0, 5), s.endswith('o', 0, -6))
print(s.startswith(('x', 'he')), s.endswith(('ld', 'zz')), s.startswith(()), s.startswith(''))
print(s.startswith('h', -11), s.startswith('w', -5), s.endswith('', 20), s.startswith('', 20))
try:
    s.startswith(['h'])
except TypeError as e:
    print('TypeError', e)
