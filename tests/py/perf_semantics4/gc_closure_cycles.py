# Cycles through closures, cells and function attributes are collected (where gc reports the
# heap in use, it does not grow with the number of cycles made); objects still reachable are not.

import gc


class Node:
    count = 0

    def __init__(self):
        Node.count += 1
        self.ref = None



def make_cycle():
    n = Node()

    def f():
        return n

    n.ref = f  # node -> function -> cell -> node
    return None


def self_ref():
    def g():
        return g  # function -> cell -> function

    return None


def recursive_closure(k):
    def loop(i):
        return i if i <= 0 else loop(i - 1)

    return loop(k)




def churn(n):
    for i in range(n):
        make_cycle()
        self_ref()
        recursive_closure(3)
    gc.collect()
    return gc.mem_alloc() if hasattr(gc, "mem_alloc") else 0


churn(200)
base = churn(4000)
after = churn(12000)
print(Node.count, after < base + 20000)

kept = []
for i in range(100):
    n = Node()

    def h(n=n):
        return n

    n.ref = h
    kept.append(n)
gc.collect()
print(all(k.ref() is k for k in kept), len(kept))


def counter():
    c = 0

    def inc():
        nonlocal c
        c += 1
        return c

    inc.self = inc
    return inc


total = 0
for i in range(1000):
    total += counter()() + counter()()
gc.collect()
print(total)
alive = counter()
alive()
del alive.self
print(alive(), alive())
