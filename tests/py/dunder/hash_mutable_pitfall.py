class Key:
    def __init__(self, v): self.v = v
    def __eq__(self, o): return isinstance(o, Key) and self.v == o.v
    def __hash__(self): return hash(self.v)
k = Key(1)
d = {k: 'stored'}
print(d[Key(1)])
print(k in d, Key(2) in d, len(d))
class Unhashable:
    __hash__ = None
try:
    {Unhashable()}
except TypeError as e:
    print('TypeError', e)
print(hash(Unhashable) == hash(Unhashable))
