class T:
    def __repr__(self): return 'T-repr'
    def __str__(self): return 'T-str'
    def __format__(self, spec): return 'T-format[' + spec + ']'
t = T()
print(f'{t}')
print(f'{t!r}')
print(f'{t!s}')
print(f'{t:abc}')
print(f'{t!r:>10}|')
print(f'{t!s:<8}|')
print(f'{"é☃"!a}')
print(f'{"a"!r:5}|')
print(format(t, 'xyz'))
print(f'{[t]}')
