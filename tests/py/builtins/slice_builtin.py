s = slice(1, 5, 2)
print(s, s.start, s.stop, s.step, slice(3), slice(None), slice(1, 2))
l = list(range(10))
print(l[s], l[slice(3)], l[slice(None, None, -1)], 'abcdef'[slice(-3, None)])
print(s.indices(4), slice(None, None, -1).indices(5), slice(-3, 100).indices(10))
print(slice(1, 2) == slice(1, 2), slice(1, 2) == slice(1, 3))
class Sl:
    def __getitem__(self, k): return k
x = Sl()
print(x[1:2], x[::3], x[:], x[1:2, ::-1], x[...])
