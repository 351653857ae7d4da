s = 'a' "b" '''c''' """d"""
print(s)
t = ('hello '
     'world')
print(t)
b = b'x' b'y' rb'\z'
print(b)
x = 42
f = 'x=' f'{x}' ' done'
print(f)
print('one' 'two' == 'onetwo')
r = r'\n' '\n'
print(repr(r))
print(len('ab' 'cd' 'ef'))
