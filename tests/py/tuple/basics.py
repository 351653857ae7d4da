t = (1, 2, 3)
print(t, t[0], t[-1], t[1:], t[::-1], len(t), 2 in t, t + (4,), t * 2)
print((), (1,), tuple(), tuple([1, 2]), tuple('ab'), tuple(range(3)), (1, 'a', None))
x = 1,
y = 1, 2
print(x, y, type(x).__name__)
print(t.count(2), t.index(3), (1, 1, 2).count(1))
try:
    t.index(9)
except ValueError as e:
    print('ValueError', e)
try:
    t[0] = 5
except TypeError as e:
    print('TypeError', e)
try:
    t[3]
except IndexError as e:
    print('IndexError', e)
print((1, 2) < (1, 3), (1, 2) < (1, 2, 0), (2,) > (1, 9), (1, 2) == (1, 2), () == ())
print(hash((1, 2)) == hash((1, 2)), {(1, 2): 'pt'}[(1, 2)])
try:
    hash((1, [2]))
except TypeError as e:
    print('TypeError', e)
m = ([1], 2)
m[0].append(3)
print(m)
print(max((1, 5, 3)), min((4, 2)), sum((1, 2)), sorted((3, 1)))
print(repr((1,)), str(('a', 'b')), repr(((),)))
