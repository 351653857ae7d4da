for v in [0, 1, -1, 1000000, 2**70]:
    print(f'{v} {v:,} {v:>12} {v:x} {v:e}')
for v in [0.0, -0.0, 1.5, 100.0, 1e20, 1e-7, float('inf'), float('nan')]:
    print(f'{v} {v:f} {v:.1e} {v:g} {v:>10.2f}|')
print(f'{True} {True:d} {False:>5}|')
print(f'{3+4j}')
print(f'{10:#010x} {10:#010b}')
