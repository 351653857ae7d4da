print(pow(2, 8), pow(2, -2), pow(2.0, 3), pow(-2, 3), pow(4, 0.5))
print(pow(3, 4, 5), pow(3, 200, 13), pow(-3, 3, 5), pow(5, -1, 7), pow(2, 0, 3), pow(base=2, exp=5), pow(2, 5, mod=7))
for args in [(2, 1, 0), (2.0, 2, 3), (0, -1), (2, -1, 4)]:
    try:
        print(pow(*args))
    except (ValueError, TypeError, ZeroDivisionError) as e:
        print(type(e).__name__)
