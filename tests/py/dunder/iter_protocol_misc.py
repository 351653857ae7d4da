class Tree:
    def __init__(self, v, kids=()):
        self.v, self.kids = v, list(kids)
    def __iter__(self):
        yield self.v
        for k in self.kids:
            yield from k
t = Tree(1, [Tree(2, [Tree(3)]), Tree(4)])
print(list(t), sum(t), 3 in t, max(t))
class Rev:
    def __init__(self, data): self.data = data
    def __reversed__(self):
        return iter(self.data[::-1] + ['custom'])
    def __len__(self): return len(self.data)
    def __getitem__(self, i): return self.data[i]
print(list(reversed(Rev([1, 2, 3]))))
class SeqOnly:
    def __len__(self): return 3
    def __getitem__(self, i):
        if i >= 3: raise IndexError
        return 'abc'[i]
print(list(reversed(SeqOnly())), list(SeqOnly()))
