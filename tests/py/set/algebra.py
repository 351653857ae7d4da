a = {1, 2, 3, 4}
b = {3, 4, 5}
print(sorted(a | b), sorted(a & b), sorted(a - b), sorted(b - a), sorted(a ^ b))
print(sorted(a.union(b, [9])), sorted(a.intersection(b, {4})), sorted(a.difference(b, {1})), sorted(a.symmetric_difference([5, 6])))
print(a.issubset({1, 2, 3, 4, 5}), a.issuperset({1}), a.isdisjoint({9}), a <= a, a < a, {1} < a, a > {1}, a >= b)
c = set(a)
c |= {10}; print(sorted(c))
c &= {1, 2, 10}; print(sorted(c))
c -= {1}; print(sorted(c))
c ^= {2, 3}; print(sorted(c))
d = {1, 2, 3}
d.intersection_update([2, 3, 4]); print(sorted(d))
d.difference_update({2}); print(sorted(d))
d.symmetric_difference_update({3, 4}); print(sorted(d))
try:
    a | [1]
except TypeError as e:
    print('TypeError', e)
print(sorted(a.union([1, 100])))
