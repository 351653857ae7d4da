VERBOSE = True
class V:
    def __init__(self, n): self.n = n
    def __eq__(self, o):
        print('eq', self.n, getattr(o, 'n', o))
        return isinstance(o, V) and self.n == o.n
    def __lt__(self, o):
        if VERBOSE:
            print('lt', self.n, o.n)
        return self.n < o.n
    def __le__(self, o): return self.n <= o.n
    def __repr__(self): return f'V({self.n})'
a, b = V(1), V(2)
print(a == b, a != b, a < b, b > a, a <= b, b >= a)
VERBOSE = False
print(sorted([V(3), V(1), V(2)]))
VERBOSE = True
print(a == 1)
print(max([V(1), V(5), V(3)]))
class OnlyEq:
    def __init__(self, n): self.n = n
    def __eq__(self, o): return self.n == o.n
try:
    OnlyEq(1) < OnlyEq(2)
except TypeError as e:
    print('TypeError', e)
print(OnlyEq(1) != OnlyEq(2), OnlyEq(1) != OnlyEq(1))
