class Product:
    def __init__(self, name, price, category):
        self.name, self.price, self.category = name, price, category
    def __repr__(self):
        return f'Product({self.name!r}, {self.price})'
class Discount:
    def applies(self, line): return False
    def amount(self, line): return 0
class PercentOff(Discount):
    def __init__(self, category, pct):
        self.category, self.pct = category, pct
    def applies(self, line):
        return line[0].category == self.category
    def amount(self, line):
        return round(line[0].price * line[1] * self.pct / 100, 2)
class BuyNGetOne(Discount):
    def __init__(self, name, n):
        self.name, self.n = name, n
    def applies(self, line):
        return line[0].name == self.name and line[1] > self.n
    def amount(self, line):
        return line[0].price * (line[1] // (self.n + 1))
class Cart:
    def __init__(self, discounts=()):
        self.lines = {}
        self.discounts = list(discounts)
    def add(self, product, qty=1):
        p, q = self.lines.get(product.name, (product, 0))
        self.lines[product.name] = (p, q + qty)
    def remove(self, name, qty=1):
        p, q = self.lines[name]
        if q <= qty:
            del self.lines[name]
        else:
            self.lines[name] = (p, q - qty)
    def total(self):
        subtotal = sum(p.price * q for p, q in self.lines.values())
        savings = 0
        for line in self.lines.values():
            for d in self.discounts:
                if d.applies(line):
                    savings += d.amount(line)
        return round(subtotal, 2), round(savings, 2), round(subtotal - savings, 2)
apple = Product('apple', 0.5, 'fruit')
pear = Product('pear', 0.75, 'fruit')
tv = Product('tv', 499.0, 'electronics')
cart = Cart([PercentOff('fruit', 10), BuyNGetOne('apple', 2)])
cart.add(apple, 7)
cart.add(pear, 4)
cart.add(tv)
print(cart.total())
cart.remove('apple', 3)
cart.remove('tv')
print(cart.total(), sorted(cart.lines))
try:
    cart.remove('tv')
except KeyError as e:
    print('KeyError', e)
