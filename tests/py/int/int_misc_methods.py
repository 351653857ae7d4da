n = 100
print(n.bit_length(), n.to_bytes(2, 'big'), n.conjugate(), n.real, n.imag, n.numerator, n.denominator)
print((-n).bit_length(), (0).bit_length(), abs(-n), -n % 7, pow(n, 2, 7))
print(int.from_bytes(n.to_bytes(4, 'little'), 'little'))
print((255).to_bytes(2, 'big', signed=False), (-129).to_bytes(2, 'big', signed=True))
print(int('0b101', 0) + int('0o7', 0) + int('0xA', 0), int('  -12  '), int('+0'), int('-0'))
print(type(True.real).__name__, (5).__add__(3), (5).__sub__(8), (5).__mul__(2), (7).__floordiv__(2), (7).__mod__(3))
