data = [
    ['Country', 'Capital', 'Population', 'Area'],
    ['France', 'Paris', 67750000, 551695.0],
    ['Japan', 'Tokyo', 125700000, 377975.0],
    ['Iceland', 'Reykjavík', 376248, 103000.0],
    ['Brazil', 'Brasília', 214300000, 8515767.0],
]
def fmt(v):
    if isinstance(v, int):
        return f'{v:,}'
    if isinstance(v, float):
        return f'{v:,.1f}'
    return str(v)
rows = [[fmt(v) for v in r] for r in data]
widths = [max(len(r[i]) for r in rows) for i in range(len(rows[0]))]
numeric = [isinstance(v, (int, float)) for v in data[1]]
def line(ch='-', cross='+'):
    return cross + cross.join(ch * (w + 2) for w in widths) + cross
print(line())
for n, r in enumerate(rows):
    cells = []
    for i, cell in enumerate(r):
        if n and numeric[i]:
            cells.append(' ' + cell.rjust(widths[i]) + ' ')
        else:
            cells.append(' ' + cell.ljust(widths[i]) + ' ')
    print('|' + '|'.join(cells) + '|')
    if n == 0:
        print(line('='))
print(line())
density = sorted(((r[0], r[2] / r[3]) for r in data[1:]), key=lambda t: -t[1])
for name, d in density:
    print(f'{name:<10}{d:>10.1f} per km²')
