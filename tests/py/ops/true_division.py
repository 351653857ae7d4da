print(1 / 2, 4 / 2, -1 / 4, 1 / -8)
print(10 / 4, 10.0 / 4, 10 / 4.0)
print(2**60 / 2**30)
print(1 / 3 == 1.0 / 3.0)
print(3 / 1, type(3 / 1).__name__)
print(0 / 5, -0 / 5, 0 / -5)
print(True / 2, 7 / True)
big = 10**30
print(big / 10**28)
try:
    print(10**400 / 1)
except OverflowError as e:
    print('OverflowError')
print(10**400 // 10**399)
