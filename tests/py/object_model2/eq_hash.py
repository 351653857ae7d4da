class A:
    def __eq__(self, o):
        return NotImplemented
a, b = A(), A()
print(a == b, a != b, a == a, [a] == [a], [a] == [b], a in [b], a in [a], [a].count(a), [b].index(b))
class H:
    def __init__(self, k):
        self.k = k
    def __hash__(self):
        return hash(self.k)
    def __eq__(self, o):
        print("eq called")
        return isinstance(o, H) and self.k == o.k
d = {H(1): "one"}
print(d[H(1)], H(1) in d, H(2) in d)
class Sub(H):
    def __eq__(self, o):
        return True
try:
    hash(Sub(1))
except TypeError as e:
    print("TE", e)
class Sub2(H):
    pass
print(hash(Sub2(3)) == hash(3))
class Sub3(H):
    def __eq__(self, o):
        return True
    __hash__ = H.__hash__
print(hash(Sub3(4)) == hash(4))
class Rich:
    def __init__(self, v):
        self.v = v
    def __lt__(self, o):
        return self.v < o.v
    def __repr__(self):
        return f"R{self.v}"
print(sorted([Rich(3), Rich(1)]), min(Rich(5), Rich(2)), Rich(1) > Rich(0))
try:
    Rich(1) <= Rich(2)
except TypeError as e:
    print("TE", e)
class Ord:
    def __init__(self, v): self.v = v
    def __ge__(self, o): return "ge"
print(Ord(1) <= Ord(2))
print(1 == 1.0, (1, 2) == (1, 2), None == 0, NotImplemented == NotImplemented)
