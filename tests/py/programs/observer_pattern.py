class Observable:
    def __init__(self):
        self._observers = []
    def subscribe(self, fn):
        self._observers.append(fn)
        return lambda: self._observers.remove(fn)
    def notify(self, *args):
        for fn in list(self._observers):
            fn(*args)
class Stock(Observable):
    def __init__(self, symbol, price):
        super().__init__()
        self.symbol = symbol
        self._price = price
    @property
    def price(self):
        return self._price
    @price.setter
    def price(self, new):
        old, self._price = self._price, new
        if new != old:
            self.notify(self.symbol, old, new)
log = []
def logger(sym, old, new):
    log.append(f'{sym}: {old} -> {new}')
alerts = []
def alert_on_drop(sym, old, new):
    if new < old * 0.9:
        alerts.append(f'ALERT {sym} dropped {round((old - new) / old * 100, 1)}%')
acme = Stock('ACME', 100)
unsub_log = acme.subscribe(logger)
acme.subscribe(alert_on_drop)
for p in [101, 101, 95, 80, 82]:
    acme.price = p
unsub_log()
acme.price = 50
print('\n'.join(log))
print(alerts)
class Once:
    def __init__(self, target):
        self.target = target
        self.calls = 0
    def __call__(self, *a):
        self.calls += 1
        print('once handler fired with', a)
        self.unsub()
o = Once(acme)
o.unsub = acme.subscribe(o)
acme.price = 60
acme.price = 70
print(o.calls, len(acme._observers))
