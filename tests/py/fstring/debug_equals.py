x = 5
name = 'bob'
print(f'{x=}')
print(f'{x = }')
print(f'{x+1=}')
print(f'{name=}')
print(f'{name=!s}')
print(f'{x=:03d}')
print(f'{x * 2 = }')
items = [1, 2]
print(f'{items=} {len(items)=}')
v = 1.5
print(f'{v=:.3f}')
