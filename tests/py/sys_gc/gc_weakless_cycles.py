import gc
class Parent:
    def __init__(self):
        self.children = []
class Child:
    def __init__(self, parent):
        self.parent = parent
        parent.children.append(self)
def build(n):
    p = Parent()
    for _ in range(n):
        Child(p)
    return len(p.children)
totals = [build(50) for _ in range(100)]
print(sum(totals))
gc.collect()
graph = {i: [] for i in range(200)}
for i in range(200):
    graph[i].append(graph[(i + 1) % 200])
del graph
gc.collect()
print('graph cycle dropped')
print(gc.collect() >= 0)
