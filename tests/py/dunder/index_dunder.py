class Idx:
    def __init__(self, v): self.v = v
    def __index__(self): return self.v
i = Idx(2)
print([10, 20, 30][i], 'abcdef'[Idx(1):Idx(4)], bin(i), hex(Idx(255)), oct(Idx(8)))
print(range(10)[i], list(range(Idx(3))), [0] * Idx(3), 'x' * Idx(2))
print(int(i) if hasattr(i, '__int__') else 'no __int__', (5).__index__())
print(operator_index := i.__index__())
class NotIdx:
    pass
try:
    [1, 2][NotIdx()]
except TypeError as e:
    print('TypeError', e)
