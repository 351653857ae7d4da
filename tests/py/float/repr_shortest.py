vals = [0.1, 0.2, 0.1 + 0.2, 1/3, 2/3, 1e16, 1e15, 123456789012345678.0, 1e-5, 1e-4, 0.0001234,
        1.5e300, 1e22, 1e23, -0.0, 0.0, 1.0, 100.0, 1e100, 5e-324, 1.7976931348623157e308,
        2.5, 1234.5678, 0.3, 9.999999999999999e22, 12345678.9, 1e-7, 3.0e-10]
for v in vals:
    print(repr(v), str(v))
print(float('inf'), float('-inf'), float('nan'), -float('inf'))
print(repr(float('nan')), str(-float('nan')) in ('nan', '-nan'))
print([1.0, 2.5, -0.5])
print((0.1, 1e100))
