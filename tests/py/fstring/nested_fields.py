width = 10
prec = 3
val = 3.14159265
print(f'{val:{width}.{prec}f}|')
print(f'{val:>{width}}|')
print(f'{"x":{"<"}{width}}|')
print(f'{val:{"" if prec else "e"}}')
items = {'a': 1.5, 'bb': 22.25}
for k, v in items.items():
    print(f'{k:<{max(map(len, items))}} = {v:{width}.{prec - 1}f}')
print(f'{f"{val:.2f}":>8}|')
print(f'{[f"{i:02d}" for i in range(3)]}')
