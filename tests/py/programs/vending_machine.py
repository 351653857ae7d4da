class VendingMachine:
    COINS = (100, 25, 10, 5)
    def __init__(self, stock):
        self.stock = dict(stock)
        self.balance = 0
        self.sales = []
    def insert(self, coin):
        if coin not in self.COINS:
            raise ValueError(f'rejected coin {coin}')
        self.balance += coin
        return self.balance
    def select(self, name):
        if name not in self.stock:
            raise KeyError(name)
        price, count = self.stock[name]
        if count == 0:
            raise RuntimeError(f'{name} sold out')
        if self.balance < price:
            raise RuntimeError(f'insert {price - self.balance} more')
        self.stock[name] = (price, count - 1)
        self.sales.append(name)
        change = self.balance - price
        self.balance = 0
        return name, self.make_change(change)
    def make_change(self, amount):
        out = []
        for c in self.COINS:
            while amount >= c:
                out.append(c)
                amount -= c
        return out
    def refund(self):
        r, self.balance = self.make_change(self.balance), 0
        return r
vm = VendingMachine({'cola': (125, 2), 'chips': (65, 1), 'gum': (35, 0)})
actions = [('insert', 100), ('insert', 25), ('select', 'cola'), ('insert', 100), ('select', 'chips'),
           ('insert', 3), ('insert', 25), ('select', 'chips'), ('select', 'gum'), ('select', 'cola'),
           ('insert', 100), ('insert', 100), ('select', 'cola'), ('select', 'water'), ('insert', 10), ('refund', None)]
for act, arg in actions:
    try:
        r = getattr(vm, act)(arg) if arg is not None else getattr(vm, act)()
        print(act, arg, '->', r)
    except (ValueError, RuntimeError, KeyError) as e:
        print(act, arg, '!!', type(e).__name__, e)
print(vm.sales, vm.stock)
