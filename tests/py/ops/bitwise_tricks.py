def popcount(n):
    c = 0
    while n:
        n &= n - 1
        c += 1
    return c
print([popcount(n) for n in [0, 1, 7, 8, 255, 2**64 - 1]])
def is_pow2(n):
    return n > 0 and n & (n - 1) == 0
print([n for n in range(70) if is_pow2(n)])
x = 0b10110100
print(x & -x, bin(x & -x), (x >> 2) & 1, x | (1 << 0), x & ~(1 << 2), x ^ 0xFF)
a, b = 12, 34
a ^= b; b ^= a; a ^= b
print(a, b)
print([(i >> 1) ^ i for i in range(8)])
mask = (1 << 16) - 1
print(hex(0xDEADBEEF & mask), hex(0xDEADBEEF >> 16), hex(~0xDEADBEEF & 0xFFFFFFFF))
print(-1 & 0xFF, -1 >> 1, -16 >> 2, -17 >> 2, -(17 >> 2))
