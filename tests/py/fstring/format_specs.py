v = 3.14159
n = 255
s = 'hi'
print(f'{v:.2f} {v:10.3f}| {v:<10.1f}| {v:e} {v:g}')
print(f'{n:x} {n:X} {n:o} {n:b} {n:#x} {n:#o} {n:#b}')
print(f'{n:08d} {n:+d} {-n:+d} {n: d}')
print(f'{1234567:,} {1234567:_} {0.5:%} {0.25:.0%}')
print(f'{s:>5}| {s:<5}| {s:^6}| {s:*^7}|')
print(f'{n:>8,}|{n:<8}|{n:^8}|')
print(f'{123.456:010.2f}')
print(f'{-1.5:+.1f} {1.5:+.1f}')
print(f'{"abcdef":.3}')
print(f'{65:c}')
w, p = 10, 3
print(f'{v:{w}.{p}f}|')
print(f'{s:{"^"}{w}}|')
print(f'{n:{"x"}}')
fmt = '>6'
print(f'{s:{fmt}}|')
