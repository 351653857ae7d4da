rows = [('apple', 3, 1.25), ('banana', 12, 0.5), ('cherry', 100, 12.0)]
print('{:<10}{:>6}{:>10}'.format('item', 'qty', 'price'))
print('-' * 26)
for name, qty, price in rows:
    print('{:<10}{:>6d}{:>10.2f}'.format(name, qty, price))
print('-' * 26)
total = sum(q * p for _, q, p in rows)
print('{:<10}{:>16.2f}'.format('total', total))
for name, qty, price in rows:
    print('%-10s%6d%10.2f' % (name, qty, price))
for name, qty, price in rows:
    print(f'{name:^10}|{qty:^6}|{price:^10.1f}|')
