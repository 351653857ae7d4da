print(2 ** 10, 2 ** 0, 0 ** 0, 0 ** 5)
print(2 ** -2, 10 ** -1, (-2) ** 3, (-2) ** -2)
print(2 ** 3 ** 2, -2 ** 2, (-8) ** (1/3) == (-8) ** (1/3))
print(2.0 ** 3, 4 ** 0.5, 2 ** 0.5 == 2 ** 0.5)
print(pow(2, 10), pow(2, -1), pow(3, 4, 5), pow(-3, 3, 7))
print(pow(3, -1, 7), pow(2, 100, 1000))
print(10 ** 20, (-10) ** 21)
try:
    print(0 ** -1)
except ZeroDivisionError as e:
    print('ZeroDivisionError')
try:
    print(0.0 ** -1)
except ZeroDivisionError as e:
    print('ZeroDivisionError')
print(type(2 ** -1).__name__, type(2 ** 2).__name__)
print(1 ** 1000000, (-1) ** 1000001)
