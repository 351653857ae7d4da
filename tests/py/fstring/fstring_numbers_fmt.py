n = 1234567.891
print(f'{n:,.2f} {n:_.1f} {n:e} {n:.3g} {n:%}')
i = 48879
print(f'{i:x} {i:#X} {i:,} {i:b} {i:_b} {i:o} {i:c}' if False else f'{i:x} {i:#X} {i:,} {i:_x} {i:o}')
print(f'{0.000123:.2e} {123e10:g} {1e-10:f}')
print(f'{-5:05d} {5:+05d} {5: d}')
print(f'{0.1 + 0.2:.17f} {1/3:.5f}')
print(f'{True:>5} {None!s:>5} {None!r:<5}|')
