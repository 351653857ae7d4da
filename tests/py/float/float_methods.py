for v in [1.0, 1.5, -2.0, 0.0, 1e20, 0.1]:
    print(v, v.is_integer(), v.as_integer_ratio())
print((0.5).hex(), (1.0).hex(), (-2.5).hex(), (0.0).hex(), (0.1).hex())
print(float.fromhex('0x1.8p1'), float.fromhex('-0x1p-2'), float.fromhex('0x10'))
print((3.5).real, (3.5).imag, (3.5).conjugate())
try:
    float('inf').as_integer_ratio()
except OverflowError as e:
    print('OverflowError')
try:
    float('nan').as_integer_ratio()
except ValueError as e:
    print('ValueError')
print(divmod(7.5, 2), divmod(-7.5, 2), divmod(7.0, 0.5))
try:
    divmod(1.0, 0.0)
except ZeroDivisionError:
    print('ZeroDivisionError')
print(abs(-1.5), abs(-0.0), abs(float('-inf')))
print(hash(1.5) == hash(1.5), hash(2.0) == hash(2))
