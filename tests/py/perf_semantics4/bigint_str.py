# int <-> str of 10,000-digit numbers, both signs, leading zeros, underscores, other bases, and
# the digit limit (sys.set_int_max_str_digits where it exists).
import sys

if hasattr(sys, "set_int_max_str_digits"):
    sys.set_int_max_str_digits(0)
n = 7**11830
s = str(n)
print(len(s), s[:30], s[-30:], sum(map(int, s)))
print(int(s) == n, int("-" + s) == -n, int("000" + s) == n, int(" +" + s + " ") == n)
print(str(-n)[:5], repr(n)[-5:], len(hex(n)), len(bin(n)), len(oct(-n)))
print(int(hex(n), 16) == n, int(bin(-n), 0) == -n, int(s, 36) % 1000, int("_".join(s[:20])))
m = int("9" * 10000)
print(m + 1 == 10**10000, len(str(m * m)), str(m * m)[:12], str(10**9999)[:3], len(str(10**9999)))
print(f"{n:,}"[:20], "%d" % (n % 10**20), "{:x}".format(n)[:16], format(-n, "e")[:12] if n < 10**300 else "big")
# The digit limit, where it exists (CPython 3.11); MicroPython has none.
if hasattr(sys, "set_int_max_str_digits"):
    sys.set_int_max_str_digits(5000)
    for bad in (lambda: str(n), lambda: int("1" * 6000)):
        try:
            bad()
            print("no ValueError")
        except ValueError as e:
            assert "Exceeds the limit (5000 digits)" in str(e)
    assert len(str(10**4999)) == 5000 and len(hex(n)) > 5000
    sys.set_int_max_str_digits(0)
print(len(str(n)))
