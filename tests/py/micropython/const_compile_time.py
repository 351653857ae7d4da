# expect: handwritten
# MicroPython's const() is folded by the compiler (no import needed); CPython has no const.
A = const(10)
B = const(A * 3 + 1)
_HIDDEN = const(7)
_PAIR = const((A, "a", b"b", None, True, ...))
BIG = const((1 << 70) + A)
print(A, B, _HIDDEN, _PAIR, BIG)
print("A" in globals(), "_HIDDEN" in globals(), "_PAIR" in globals())


def use():
    return A + _HIDDEN


print(use())


class K:
    LIMIT = const(5)
    _SECRET = const(6)

    def both(self):
        return LIMIT, _SECRET, self.LIMIT


print(K().both(), hasattr(K, "LIMIT"), hasattr(K, "_SECRET"))
t = _PAIR
print(t is _PAIR)
print(-_HIDDEN, ~A, A // 3, A % 3, 2**A, A >> 1, A & 6, A | 1, A ^ 3)

for src in [
    "x = const(y)",
    "x = const(1 / 2)",
    "x = const(1 << -1)",
    "x = const(1 % 0)",
    "x = const(2 ** -1)",
    "x = const([1])",
    "Q = const(1); Q = const(2)",
]:
    try:
        exec(src)
        print("compiled", src)
    except SyntaxError as e:
        print("SyntaxError", e.args[0])
