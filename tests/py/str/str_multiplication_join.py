print('-' * 20)
print('ab' * 0, 'ab' * -3, repr('' * 100))
print('=' * 3 + '>' + ' ' * 2 + '<' + '=' * 3)
print(', '.join(['a'] * 3), '\n'.join(f'row {i}' for i in range(3)))
print(''.join(map(str, range(10))), '.'.join('192 168 0 1'.split()))
grid = [['.'] * 4 for _ in range(3)]
grid[1][2] = '#'
print('\n'.join(''.join(r) for r in grid))
