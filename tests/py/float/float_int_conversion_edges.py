for v in [0.5, 1.5, -0.5, -1.5, 2.5, 1e15 + 0.5, 2**53 + 0.0, -2**63 + 0.0, 1e-300]:
    print(v, int(v), round(v), float(int(v)))
print(float(2**53 + 1), float(2**63), float(-2**63), float(10**22), float(10**23))
print(int(float('1e22')), int(1e23))
print(float(12345678901234567890), 12345678901234567890 == float(12345678901234567890))
print((0.1).as_integer_ratio(), (0.5).as_integer_ratio(), (-1.25).as_integer_ratio())
print(float.is_integer(3.0), (1e300).is_integer(), (0.1).is_integer())
