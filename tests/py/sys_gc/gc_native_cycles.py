# Cycles through native containers (a deque holding its owner) are collected.
import gc
from collections import deque
class Node:
    def __init__(self):
        self.q = deque()
        self.q.append(self)
gc.collect()
gc.disable()
for i in range(2000):
    Node()
print(gc.collect() >= 2000)
print(gc.collect())
