vals = [0.0, 1.5, -2.25, 1234.5678, 0.000123, 1e21, 123456789.0]
specs = ['', 'f', '.1f', '10.2f', '<10.1f', '^12.3e', 'e', 'E', '.3e', 'g', 'G', '.2g', '.10g', '%', '.1%', ',.2f', '_.3f', '+.1f', ' .1f', '010.2f', '#.0f', '#g', 'n', 'F']
for v in vals:
    print(v, [format(v, s) for s in specs])
for v in [float('inf'), float('-inf'), float('nan')]:
    print([format(v, s) for s in ['', 'f', 'e', 'g', '%', '+', '010', 'F', 'E']])
