x = 5
print(1 < x < 10, 1 < x > 3, x == 5 == 5.0, 1 <= x <= 5 < 6)
print(0 < x < 3 or x > 4, not 1 < x < 3)
print('a' < 'b' < 'c', [1] < [2] < [3], (1,) < (1, 1))
print(None is None is not False)
print(1 in [1] in [[1]], 2 not in [1] == True)
l = [1, 2, 3]
print(2 in l == True if False else (2 in l) == True)
print(3 > 2 == 2 > 1, (3 > 2) == (2 > 1))
