print(sorted([3, 1, 2]), sorted('cba'), sorted((2, 1)), sorted({3: 0, 1: 0}), sorted({5, 4}), sorted([]), sorted(range(3), reverse=True))
print(sorted(['Banana', 'apple', 'Cherry']), sorted(['Banana', 'apple', 'Cherry'], key=str.lower))
print(sorted([(2, 'b'), (1, 'b'), (2, 'a')]), sorted([[3], [1, 2], []], key=len))
print(sorted([-3, 2, -1], key=abs), sorted([-3, 2, -1], key=abs, reverse=True))
x = [3, 1, 2]
y = sorted(x)
print(x, y, x is y)
print(sorted([1.5, 1, True, 0, False]))
try:
    sorted([1, 2], key=5)
except TypeError as e:
    print('TypeError', e)
try:
    sorted([None, 1])
except TypeError as e:
    print('TypeError', e)
