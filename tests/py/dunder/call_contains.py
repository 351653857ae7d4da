class Adder:
    def __init__(self, n): self.n = n
    def __call__(self, x, y=0):
        return self.n + x + y
add5 = Adder(5)
print(add5(1), add5(1, y=2), callable(add5), callable(Adder), list(map(add5, [1, 2])))
class Range:
    def __init__(self, lo, hi): self.lo, self.hi = lo, hi
    def __contains__(self, x):
        print('contains', x)
        return self.lo <= x < self.hi
r = Range(1, 10)
print(5 in r, 10 in r, 0 not in r)
class Falsy:
    def __contains__(self, x): return 0
print(1 in Falsy())
try:
    Range(1, 2)()
except TypeError as e:
    print('TypeError', e)
