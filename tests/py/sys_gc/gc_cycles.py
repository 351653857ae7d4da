import gc
class Node:
    def __init__(self, name):
        self.name = name
        self.ref = None
for i in range(100):
    a = Node('a')
    b = Node('b')
    a.ref = b
    b.ref = a
del a, b
r = gc.collect()
print(type(r).__name__)
l = []
l.append(l)
del l
gc.collect()
d = {}
d['self'] = d
del d
gc.collect()
print('cycles collected without error')
big = [[i] * 10 for i in range(1000)]
del big
gc.collect()
print('done')
