class Item:
    def __init__(self, sku, name, price, qty):
        self.sku, self.name, self.price, self.qty = sku, name, price, qty
    @property
    def value(self):
        return self.price * self.qty
class Inventory:
    def __init__(self):
        self.items = {}
    def add(self, item):
        if item.sku in self.items:
            raise KeyError(f'duplicate sku {item.sku}')
        self.items[item.sku] = item
    def restock(self, sku, n):
        self.items[sku].qty += n
    def sell(self, sku, n):
        item = self.items[sku]
        if item.qty < n:
            raise ValueError(f'only {item.qty} {item.name} left')
        item.qty -= n
        return item.price * n
    def report(self):
        lines = [f"{'SKU':<6}{'Name':<12}{'Price':>8}{'Qty':>5}{'Value':>10}"]
        for it in sorted(self.items.values(), key=lambda i: -i.value):
            lines.append(f'{it.sku:<6}{it.name:<12}{it.price:>8.2f}{it.qty:>5}{it.value:>10.2f}')
        lines.append(f"{'TOTAL':<31}{sum(i.value for i in self.items.values()):>10.2f}")
        return '\n'.join(lines)
inv = Inventory()
for args in [('A1', 'widget', 2.5, 100), ('B2', 'gadget', 12.0, 8), ('C3', 'doohickey', 0.75, 400)]:
    inv.add(Item(*args))
print(inv.report())
print(inv.sell('B2', 3))
inv.restock('A1', 20)
for op in [lambda: inv.sell('B2', 10), lambda: inv.add(Item('A1', 'dup', 1, 1)), lambda: inv.sell('ZZ', 1)]:
    try:
        op()
    except (KeyError, ValueError) as e:
        print(type(e).__name__, e)
print(inv.report())
low = [i.name for i in inv.items.values() if i.qty < 10]
print('low stock:', low)
