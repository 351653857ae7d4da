l = [1, 2, 3]
print(len(l), sum(l), max(l), min(l), 2 in l, 5 not in l, l * 2, l + [4], list(reversed(l)))
print(list(), list('ab'), list((1, 2)), list({'a': 1}), list(range(3)), list(x for x in 'xy'))
l += 'xy'; print(l)
l *= 2; print(l)
l2 = [0] * 3
l2[1] = 5
print(l2, [None] * 2, [[]] * 2)
print([i for i in range(5)][::-1], list(enumerate(['a', 'b'], 1)))
a = [3, 4]
print([1, 2, *a, 5], [*'ab', *range(2)])
try:
    l + (1,)
except TypeError as e:
    print('TypeError', e)
print(bool([]), bool([0]), [] == [], [] is [])
x = [1, 2, 3]
x[1] = x
print(x)
