print(f'{(lambda x: x * 2)(4)}')
print(f'{(y := 5)} {y * 2}')
items = [3, 1, 2]
print(f'{sorted(items)} {items}')
print(f'{", ".join(str(i) for i in items)}')
print(f'{"yes" if items else "no"}')
d = {'k': [1, {'n': 'deep'}]}
print(f"{d['k'][1]['n']}")
print(f'{len("abc"):03}')
print(f'{3 + 4 = }')
