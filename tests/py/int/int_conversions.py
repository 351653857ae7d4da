print(int(3.7), int(-3.7), int(1e20), int(-0.0), int(True), int(False))
print(int(2.5e15), int(1.5e300) % 1000)
print(int(), int('  -0  '), int(b'42') if False else 42)
for v in [float('inf'), float('-inf'), float('nan')]:
    try:
        print(int(v))
    except (OverflowError, ValueError) as e:
        print(type(e).__name__, e)
class Idx:
    def __index__(self): return 7
class IntLike:
    def __int__(self): return 9
print(int(IntLike()), bin(Idx()), hex(Idx()), [0, 1, 2, 3, 4, 5, 6, 7][Idx()])
print(str(10**30), repr(-10**30), str(-0))
print(len(str(2**10000)))
print(str(7**300)[:20], str(7**300)[-20:])
print(int(str(13**200)) == 13**200)
