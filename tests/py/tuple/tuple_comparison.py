pairs = [((1, 2), (1, 2)), ((1, 2), (1, 3)), ((1, 2), (1,)), ((), ()), ((2,), (1, 9, 9)), (('a', 1), ('a', 0)), ((1, 'a'), (1.0, 'a'))]
for a, b in pairs:
    print(a, b, a == b, a < b, a > b, a <= b)
try:
    (1, 'a') < (1, 2)
except TypeError as e:
    print('TypeError', e)
print(sorted([(2, 'b'), (1, 'z'), (2, 'a'), (1, 'a')]))
print(max([(1, 2), (1, 3), (0, 9)]))
