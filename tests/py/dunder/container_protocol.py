class Grid:
    def __init__(self):
        self.data = {}
    def __getitem__(self, key):
        print('get', key)
        if isinstance(key, slice):
            return ('slice', key.start, key.stop, key.step)
        if key not in self.data:
            raise KeyError(key)
        return self.data[key]
    def __setitem__(self, key, value):
        print('set', key, value)
        self.data[key] = value
    def __delitem__(self, key):
        print('del', key)
        del self.data[key]
    def __contains__(self, key):
        return key in self.data
    def __len__(self):
        return len(self.data)
g = Grid()
g[0, 0] = 'origin'
g['k'] = 'v'
print(g[0, 0], g['k'], len(g), (0, 0) in g, 'zz' in g)
print(g[1:5], g[::2], g[1:2:3])
del g['k']
print(len(g))
try:
    g['missing']
except KeyError as e:
    print('KeyError', e)
class Seq:
    def __getitem__(self, i):
        if i >= 4:
            raise IndexError(i)
        return i * 10
s = Seq()
print(list(s), 20 in s, 25 in s, [x for x in s])
a, b, *c = Seq()
print(a, b, c)
