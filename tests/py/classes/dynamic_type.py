def init(self, v):
    self.v = v
Dyn = type('Dyn', (), {'x': 10, '__init__': init, 'double': lambda self: self.v * 2})
d = Dyn(21)
print(Dyn.__name__, Dyn.x, d.v, d.double(), type(d).__name__)
Sub = type('Sub', (Dyn,), {'x': 20})
print(Sub.x, Sub(1).double(), [c.__name__ for c in Sub.__mro__])
print(type(5).__name__, type('s') is str, type(None).__name__, type(type).__name__)
try:
    type('Bad', 5, {})
except TypeError as e:
    print('TypeError')
Empty = type('Empty', (), {})
print(Empty.__name__, Empty.__bases__[0].__name__)
