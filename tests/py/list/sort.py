l = [5, 2, 9, 1, 5, 6]
print(sorted(l), sorted(l, reverse=True), l)
l.sort(); print(l)
l.sort(reverse=True); print(l)
words = ['banana', 'Apple', 'cherry', 'date', 'Elder', 'fig']
print(sorted(words), sorted(words, key=str.lower), sorted(words, key=len), sorted(words, key=len, reverse=True))
pairs = [(1, 'b'), (0, 'z'), (1, 'a'), (0, 'a')]
print(sorted(pairs), sorted(pairs, key=lambda p: p[0]), sorted(pairs, key=lambda p: p[1], reverse=True))
data = [('x', 2), ('y', 1), ('z', 2), ('w', 1)]
print(sorted(data, key=lambda t: t[1]))
print(sorted(data, key=lambda t: t[1], reverse=True))
print(sorted([3.5, 1, -2, 2.5]), sorted('hello'), sorted((3, 1, 2)), sorted({3: 'a', 1: 'b'}))
print(sorted([]), sorted([[2, 1], [1, 2], [1]]))
try:
    sorted([1, 'a', 2])
except TypeError as e:
    print('TypeError', e)
try:
    [3, 1].sort(lambda x: x)
except TypeError as e:
    print('TypeError')
l = [3, 1, 2]
print(l.sort(), l)
