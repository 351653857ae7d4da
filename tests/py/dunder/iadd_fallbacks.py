class Acc:
    def __init__(self, v): self.v = v
    def __repr__(self): return f'Acc({self.v})'
    def __add__(self, o):
        print('__add__')
        return Acc(self.v + o)
    def __iadd__(self, o):
        print('__iadd__')
        if o < 0:
            return NotImplemented
        self.v += o
        return self
a = Acc(1)
orig = a
a += 5
print(a, a is orig)
a += -1
print(a, a is orig)
class NoInplace:
    def __init__(self): self.items = []
    def __add__(self, o):
        n = NoInplace()
        n.items = self.items + [o]
        return n
x = NoInplace()
y = x
x += 'item'
print(x.items, y.items, x is y)
class MulOnly:
    def __mul__(self, o): return f'mul {o}'
m = MulOnly()
m *= 3
print(m)
