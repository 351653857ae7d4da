# Freeing deeply nested data (linked lists of instances, lists/tuples/dicts nested 100000 deep)
# must not overflow the machine stack; shared children survive their containers.
import gc
class Node:
    def __init__(self, v, nxt):
        self.v = v
        self.next = nxt
head = None
for i in range(100000):
    head = Node(i, head)
print("built")
head = None
print("freed nodes")
for kind in ("list", "tuple", "dict"):
    x = 1
    for _ in range(100000):
        x = [x] if kind == "list" else ((x,) if kind == "tuple" else {"k": x})
    x = None
    print("freed", kind)
# shared children survive
shared = [1, 2]
a = [[shared, [shared]]]
a = None
print(shared)
d = {"a": [[1], {"b": (2, [3])}]}
keep = d["a"][1]
d = None
print(keep)
gc.collect()
print("ok")
class D:
    def __init__(self, nxt):
        self.next = nxt
        self.__dict__
head = None
for i in range(100000):
    head = D(head)
head = None
print("freed dict instances")
