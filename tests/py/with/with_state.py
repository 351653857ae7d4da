class Indenter:
    def __init__(self):
        self.level = 0
    def __enter__(self):
        self.level += 1
        return self
    def __exit__(self, *a):
        self.level -= 1
    def print(self, text):
        print('    ' * self.level + text)
with Indenter() as ind:
    ind.print('level 1')
    with ind:
        ind.print('level 2')
        with ind:
            ind.print('level 3')
        ind.print('back to 2')
    ind.print('back to 1')
print('level after:', ind.level)
class Transaction:
    def __init__(self, store):
        self.store = store
    def __enter__(self):
        self.snapshot = dict(self.store)
        return self.store
    def __exit__(self, et, ev, tb):
        if et:
            self.store.clear()
            self.store.update(self.snapshot)
            print('rolled back:', ev)
            return True
db = {'a': 1}
with Transaction(db) as t:
    t['b'] = 2
print(db)
with Transaction(db) as t:
    t['c'] = 3
    raise RuntimeError('failure')
print(db)
