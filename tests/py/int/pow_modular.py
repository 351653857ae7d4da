print(pow(2, 10, 1000), pow(2, 1000, 10 ** 9 + 7), pow(7, 0, 5), pow(7, 0, 1))
print(pow(-2, 3, 5), pow(2, 3, -5), pow(-2, 3, -5))
print(pow(3, -1, 11), pow(3, -2, 11), pow(10, -1, 17))
print(pow(3, -1, 11) * 3 % 11)
print(pow(12345678901234567890, 98765, 10 ** 20 + 39))
print(pow(2**100, -1, 2**61 - 1))
for args in [(2, -1, 4), (2, 3, 0), (2.0, 3, 5), (2, 0.5, 5)]:
    try:
        print(pow(*args))
    except (ValueError, TypeError) as e:
        print(type(e).__name__)
