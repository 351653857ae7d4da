data = {'python': 42, 'rust': 35, 'go': 28, 'c': 50, 'javascript': 47, 'zig': 5}
width = 40
top = max(data.values())
label_w = max(map(len, data))
for name, v in sorted(data.items(), key=lambda kv: -kv[1]):
    bar = '#' * round(v / top * width)
    print(f'{name:>{label_w}} | {bar:<{width}} | {v:3d}')
print(' ' * label_w + ' +' + '-' * (width + 2) + '+')
scale = [0, top // 2, top]
print(' ' * (label_w + 3) + f'{scale[0]:<{width // 2}}{scale[1]:<{width // 2}}{scale[2]}')
rows = 5
for level in range(rows, 0, -1):
    line = ''
    for name, v in data.items():
        line += ' ## ' if v / top * rows >= level else '    '
    print(f'{level:2d}|' + line)
print('  +' + ''.join(f'{n[:3]:^4}' for n in data))
