for v in [0, 1, 2, 255, 256, -1, -255, 2**64, -(2**64), 2**100 - 1]:
    print(v, v.bit_length())
print((5).bit_count() if hasattr(5, 'bit_count') else 'no bit_count')
print(bin(0), bin(5), bin(-5), bin(2**70))
print(oct(0), oct(8), oct(-8), hex(0), hex(255), hex(-255), hex(2**80))
print((1 << 200) >> 199, -1 << 65, (-(1 << 65)) >> 64)
print(int.__name__, (3).real, (3).imag, (3).numerator, (3).denominator)
print((-7).conjugate(), (10).as_integer_ratio())
print((12).__index__(), int(True), int(-3.99), int(3.99))
