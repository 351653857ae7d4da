print(12 & 10, 12 | 10, 12 ^ 10, ~12, 1 << 4, 256 >> 3)
print(-12 & 10, -12 | 10, -12 ^ 10, ~-12, -1 << 4, -256 >> 3)
print(-1 >> 100, -1 & 0xFF, -129 & 0xFF, ~0, ~-1)
print(5 & -1, 5 | -8, -5 ^ -3)
print(1 << 100, (1 << 100) >> 99, -(1 << 100) >> 98)
print(True & False, True | False, True ^ True, type(True & True).__name__)
print(0xF0 & 0x3C | 0x01, 1 | 2 ^ 3 & 4)
for e in ['1 << -1', '1 >> -1', '1.0 & 1', '1 | "a"']:
    try:
        print(eval(e))
    except Exception as ex:
        print(type(ex).__name__, ex)
print(2**64 & (2**64 - 1), (2**64 + 5) & 7, 2**65 | 1, 2**65 ^ 2**65)
print(-(2**70) & 0xFFFF, ~(2**70))
