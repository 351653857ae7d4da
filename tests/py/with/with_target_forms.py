class CM:
    def __init__(self, v): self.v = v
    def __enter__(self): return self.v
    def __exit__(self, *a): return False
with CM((1, 2)) as (a, b):
    print(a, b)
with CM([1, [2, 3]]) as [x, [y, z]]:
    print(x, y, z)
d = {}
with CM('val') as d['key']:
    pass
print(d)
class Holder: pass
h = Holder()
with CM(42) as h.attr:
    pass
print(h.attr)
with CM('abc') as (first, *rest):
    print(first, rest)
