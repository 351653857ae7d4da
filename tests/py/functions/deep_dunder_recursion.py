# Dunder methods that recurse through built-ins (repr, ==, hash, str, format) on structures a
# few hundred levels deep work as in CPython, and going much deeper raises RecursionError.
class Node:
    def __init__(self, child):
        self.child = child

    def __repr__(self):
        return "N(" + repr(self.child) + ")"

    def __str__(self):
        return "<" + str(self.child) + ">"

    def __eq__(self, other):
        return isinstance(other, Node) and self.child == other.child

    def __hash__(self):
        return hash(self.child) + 1

    def __format__(self, spec):
        return "[" + format(self.child, spec) + "]"


def chain(depth):
    n = 0
    for _ in range(depth):
        n = Node(n)
    return n


for depth in (100, 300):
    a, b = chain(depth), chain(depth)
    print(depth, len(repr(a)), len(str(a)), a == b, hash(a) == depth, len(format(a, "d")))

try:
    repr(chain(100000))
except RecursionError:
    print("RecursionError")
