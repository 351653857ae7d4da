import sys
print()
print('a', 'b', 'c')
print('a', 'b', sep='')
print('a', 'b', sep=', ', end='!\n')
print('no newline', end='')
print(' continued')
print(1, 2.5, None, True, [1], (2,), {'k': 'v'}, sep='|')
print('to stdout', file=sys.stdout)
print(*range(5))
print(*[], sep='x')
print('multi\nline')
print('x', sep=None, end=None)
print('', end='')
print('flush', flush=True)
sys.stdout.write('written directly\n')
print(sep='-')
class S:
    def __str__(self): return 'custom str'
print(S(), [S()] if False else 'list skipped')
try:
    print('x', sep=5)
except TypeError as e:
    print('TypeError', e)
