pairs = [(17, 5), (-17, 5), (17, -5), (-17, -5), (0, 3), (2**100, 3), (-(2**100), 7), (10**30, -(10**15 + 7))]
for a, b in pairs:
    q, r = divmod(a, b)
    print(a, b, q, r, q * b + r == a, a // b == q, a % b == r)
try:
    divmod(5, 0)
except ZeroDivisionError:
    print('ZeroDivisionError')
print(divmod(True, 2), divmod(7, True))
