class NoHash:
    def __init__(self, v): self.v = v
    def __eq__(self, o): return self.v == o.v
try:
    hash(NoHash(1))
except TypeError as e:
    print('TypeError', e)
print(NoHash.__hash__)
class WithHash:
    def __init__(self, v): self.v = v
    def __eq__(self, o): return isinstance(o, WithHash) and self.v == o.v
    def __hash__(self): return hash(self.v)
s = {WithHash(1), WithHash(1), WithHash(2)}
print(len(s), WithHash(2) in s, {WithHash('k'): 'found'}[WithHash('k')])
class Default:
    pass
d1, d2 = Default(), Default()
print(d1 == d2, d1 == d1, len({d1, d2, d1}))
class HashOnly:
    def __hash__(self): return 7
print(hash(HashOnly()) == 7, HashOnly() == HashOnly())
class Inherit(WithHash): pass
print(hash(Inherit(3)) == hash(3))
class OverrideEq(WithHash):
    def __eq__(self, o): return True
try:
    hash(OverrideEq(1))
except TypeError as e:
    print('TypeError', e)
