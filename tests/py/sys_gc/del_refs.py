import gc
a = [1, 2, 3]
b = a
del a
print(b)
try:
    a
except NameError as e:
    print('NameError', e)
class Tree:
    def __init__(self, depth):
        self.children = [Tree(depth - 1) for _ in range(2)] if depth else []
        self.parent = None
        for c in self.children:
            c.parent = self
    def count(self):
        return 1 + sum(c.count() for c in self.children)
t = Tree(8)
print(t.count())
del t
gc.collect()
print('tree freed')
