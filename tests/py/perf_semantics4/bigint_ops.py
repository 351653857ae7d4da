# Huge ints in every operation: mixed with small ints, negative operands, floor division and
# modulo signs, pow with a modulus (negative exponents included), shifts, bit operations.

a = 3**4000 + 17
b = -(2**3000) + 5
small = (7, -7, 1, -1, 0, 2**62, -(2**63))
for s in small:
    r = [a + s, a - s, s - a, a * s, b * s, a & s, a | s, a ^ s, b & s, b | s, b ^ s]
    print([x % 1000000007 for x in r], a * s == s * a, (a + s) - s == a)
    if s:
        print(a // s % 1000, a % s, b // s % 1000, b % s, s // a, s % a % 1000, s // b, s % b % 1000)
print(a * b % 999999937, (a * a) // b % 10**9, (b * b) % a % 10**9)
print(-a // 10**50 % 10**9, -a % 10**50 % 10**9, a // -(10**50) % 10**9, a % -(10**50) % 10**9)
print(pow(a, 65537, b) % 10**9, pow(b, 3, a) % 10**9, pow(-a, 5, 10**30 + 3))
print(pow(3, -1, 10**40 + 7), pow(a, -1, 2**521 - 1) % 10**9, pow(2, 10**5, 10**100 + 267) % 10**9)
try:
    pow(2, -1, 2**200)
except ValueError as e:
    print("ValueError", e)
print(a >> 1000 == a // 2**1000, b >> 1000 == b // 2**1000, b >> 5000, (b << 77) >> 77 == b)
print((a << 300) % 10**9, -(a >> 3) % 10**9, ~a % 1000, ~b % 1000, -a < b < a, abs(b) == -b)
print(a.bit_length(), b.bit_length(), (a * 0) == 0, type(a - a), a - a + 1 == 1)
print(int(str(a)) == a, int(hex(b), 16) == b, int(bin(a), 2) == a, int(oct(b), 8) == b)
print(float(a >> 5400), float(2**1000), (2**1023 + 1) / 2**1000)
try:
    float(a)
except OverflowError as e:
    print("OverflowError", e)
print(hash(2**61 + 5) == hash(6), hash(-(2**100)) == -hash(2**100), hash(a) == hash(a + 0))
