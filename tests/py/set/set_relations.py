a = {1, 2, 3}
b = {1, 2, 3, 4}
c = {5}
print(a <= b, a < b, b >= a, b > a, a < a, a <= a, a == b)
print(a.issubset(b), b.issuperset(a), a.isdisjoint(c), a.isdisjoint(b))
print(a.issubset([1, 2, 3]), a.issuperset(range(2)), a.isdisjoint('abc'))
print(frozenset(a) <= b, a == frozenset(a), frozenset() < a)
try:
    a < [1, 2, 3, 4]
except TypeError as e:
    print('TypeError', e)
