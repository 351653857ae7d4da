d = {}
d[1] = 'int'
d[1.5] = 'float'
d['1'] = 'str'
d[(1,)] = 'tuple'
d[None] = 'None'
d[frozenset([1])] = 'frozenset'
d[b'1'] = 'bytes'
d[True] = 'bool overwrites 1'
d[1.0] = 'float overwrites too'
print(d)
print(len(d), d[1], d[True], d[(1,)], d[None])
class Key:
    def __init__(self, v): self.v = v
    def __hash__(self): return hash(self.v)
    def __eq__(self, o): return isinstance(o, Key) and self.v == o.v
    def __repr__(self): return f'Key({self.v})'
e = {Key(1): 'one'}
print(e[Key(1)], Key(1) in e, Key(2) in e, e)
