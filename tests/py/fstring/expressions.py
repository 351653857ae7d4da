x = 10
items = [1, 2, 3]
print(f'{x if x > 5 else 0}')
print(f'{[i * 2 for i in items]}')
print(f'{len(items)} {sum(items)}')
print(f'{(lambda y: y + 1)(x)}')
print(f'{x:>{x}}|')
print(f'{items[0]} {items[-1]} {items[1:]}')
print(f'{x, x}')
print(f'{(x, x)}')
print(f'{x % 3} {x // 3} {x ** 2}')
print(f'{"abc".upper()}')
print(f'{x == 10 and "yes"}')
print(f'{-x} {~x} {not x}')
print(f'{ x }')
print(f'{x:}')
class P:
    def __init__(self): self.v = 7
p = P()
print(f'{p.v} {p.v + 1:03d}')
