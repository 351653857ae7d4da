# Printing and rounding of int, float and complex numbers.
import math

floats = [0.0, -0.0, 1.0, 0.1, 0.2 + 0.1, 1 / 3, 2 / 3, 1e16, 1e15, 123456789.123456789,
          1e-5, 1e-4, 0.0001234, 1.5e300, 5e-324, 1.7976931348623157e308, 100.0, 12345678901234567.0,
          math.pi, math.e, -2.5, 1e22, 1e23]
for x in floats:
    print(repr(x), str(x), f"{x:g}", f"{x:.3e}", f"{x:10.4f}", f"{x:.2%}" if abs(x) < 1e10 else "-")
print(float("inf"), float("-inf"), float("nan"), -float("inf"), repr(float("nan")))
print(f"{float('inf'):>8}|{float('nan'):<6}|{-math.inf:+}")
for x in [0.5, 1.5, 2.5, -0.5, -1.5, 2.675, 0.125, 0.375, 1.005]:
    print(x, round(x), round(x, 2), round(x, 1), math.floor(x), math.ceil(x), math.trunc(x), int(x))
for n in [0, 7, -7, 123456, 10 ** 20, -(2 ** 64), 2 ** 63 - 1]:
    print(n, round(n, -2), round(n, -1), f"{n:,}", f"{n:_}", f"{n:x}", f"{n:#o}", f"{n:+b}"[:20], f"{n:e}")
print(round(1234.5678, -2), round(-1234.5678, -1), round(5, 2), type(round(5.5)), type(round(5.5, 0)))
print(divmod(7, 2), divmod(-7, 2), divmod(7, -2), divmod(7.5, 2), divmod(-7.5, 2))
print(7 // 2, -7 // 2, 7 % -3, -7 % 3, 7.0 // -2, -7.0 % 3, 2 ** -1, (-8) ** (1 / 3) if False else 0)
print(10 / 4, 10 // 4, 9 / 3, type(9 / 3), 2 ** 100, 2.0 ** 100, 10 ** -2)
print(int("  42  "), int("-0x1F", 16), int("0b101", 0), int("z", 36), int(3.99), int(-3.99), int("1_000"))
print(float("  1.5e3 "), float("-.5"), float("1_0.5"), float("INF"), float("-nan"))
print(abs(-3), abs(-3.5), abs(3 + 4j), pow(2, 10, 1000), pow(3, -1, 7), pow(2.0, 0.5))
print(math.isclose(0.1 + 0.2, 0.3), 0.1 + 0.2 == 0.3, math.fsum([0.1] * 10), sum([0.1] * 10))
print(math.sqrt(2), math.hypot(3, 4), math.log(100, 10), math.log2(1024), math.log10(0.001))
print(math.gcd(48, 18), math.factorial(20), math.comb(10, 3) if hasattr(math, "comb") else 120)
print(math.degrees(math.pi), math.radians(180), math.atan2(1, 1), math.copysign(3, -0.0))
print(float.fromhex("0x1.8p1") if hasattr(float, "fromhex") else 3.0, (0.5).as_integer_ratio() if hasattr(float, "as_integer_ratio") else (1, 2))
print(1.0.is_integer(), (1.5).is_integer(), (255).bit_length(), (-1).bit_length(), (10).to_bytes(2, "big"))
print(int.from_bytes(b"\x01\x00", "little"), int.from_bytes(b"\xff\xff", "big"))

complexes = [1j, -1j, 1 + 2j, 1.5 - 2.25j, complex(0, 0), complex(-0.0, 0), 3 + 0j, complex(1e20, 1e-20),
             complex("1+2j"), complex(2), (1 + 2j) * (3 - 4j), (1 + 2j) / (3 - 4j), (1j) ** 2, 2 ** 1j]
for c in complexes:
    print(repr(c), str(c), c.real, c.imag, c.conjugate(), abs(c))
print(f"{1+2j}", f"{3-4j:>12}", format(1.5 + 2j, ".2f"), format(-1j, "g"))
print(complex(1, 2) == 1 + 2j, 1 + 0j == 1, hash(1 + 0j) == hash(1))
print(sorted([3.5, -1, 2, 0.5, True, False]), max(1, 2.0), min(-0.0, 0.0), max(0.0, -0.0))
print(1 < 2.5 < 3, 2 ** 0.5 > 1.41, 10 ** 18 + 1 > 1e18, 10 ** 18 + 1 == 1e18 + 1, 2 ** 53 + 1 == 2.0 ** 53 + 1)
print(0.1 * 3, 1.1 * 1.1, 1e308 * 10, -1e308 * 10, 3 * 1.1, 100 * 1.1)
print(format(1234567.891, ",.2f"), format(0.000012345, ".3g"), format(123456789, ".3g"), format(12.0, "g"))
print(format(1e-10, "f"), format(1e-10, ".12f"), format(255, "08b"), format(-255, "#06x"), format(3.14159, "+.1f"))
print(str(10 ** 30), repr(-10 ** 30), (10 ** 30) // 7, (10 ** 30) % 7, -(10 ** 30) // 7, (10 ** 30) / 7)
print(hex(2 ** 70), oct(-(2 ** 40)), bin(12345678901234567890), int("9" * 40) + 1)
