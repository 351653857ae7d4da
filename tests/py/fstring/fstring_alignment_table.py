rows = [('alpha', 1, 0.5), ('beta', 22, 12.25), ('gamma', 333, 100.125)]
print(f'{"name":<8}|{"n":>5}|{"val":>10}|')
print(f'{"":-<8}+{"":->5}+{"":->10}+')
for name, n, v in rows:
    print(f'{name:<8}|{n:>5}|{v:>10.3f}|')
print(f'{"centered":^20}|')
print(f'{"fill":~^20}|')
print(f'{42:+^9}|{-42:*>9}|{42:0=+9}|')
