# Edges of the fast paths for %-formatting, str.format and str() of strs and small ints.
ints = [0, 1, -1, 9, 10, 99, 100, -100, 12345, -98765, 2**31, -(2**31), 2**63 - 1, -(2**63),
        2**63, -(2**63) - 1, 10**19, True, False]
for n in ints:
    print(str(n), "%d" % n, "%s" % n, "%i|%u" % (n, n), "%5d|%-5d|%05d" % (n, n, n))
    print("%+d|% d|%+5d|% 05d|%-+6d|%+s|% s|%05s|%-4s." % (n, n, n, n, n, n, n, n, n))
    print("{}|{:>5}|{:<5}|{:^7}|{:+}|{: }|{:d}|{:*>8}|{:08}|{:=+8}|{:,}|{:_}|{:x}".format(
        n, n, n, n, n, n, n, n, n, n, n, n, n))
    print(f"{n}|{n:6}|{n!s}|{n!r}|{n:<3d}|{n:#x}|{n:e}|{n:.2f}")
for s in ["", "a", "abc", "héllo", "日本語", "x" * 22, "y" * 23, "z" * 40, "ab\u00e9" * 8]:
    print("%s|%5s|%-5s|%.2s|%8.3s|%r|%a" % (s, s, s, s, s, s, s))
    print("{}|{:>6}|{:<6}|{:^6}|{:.1}|{!r}|{:*^9}".format(s, s, s, s, s, s, s))
    print(str(s) is s, format(s) is s, f"{s}" == s, len(str(s)), len("%s" % s))
print("%s and %d" % ("x", 3), "%(a)s-%(b)d" % {"a": "A", "b": 7}, "%%d %d" % 5)
print("%c%c" % (65, "b"), "%x %X %o" % (255, 255, 8), "%.3d" % 7, "%*d|%-*d" % (4, 1, 4, 2))
print("%s" % (1,), "%s" % [1, 2], "%s" % None, "%d" % 3.9, "%s" % 2.5, "%d" % -0.5)
for fmt, args in [("%d", "x"), ("%s %s", (1,)), ("%d", ()), ("%s", (1, 2)), ("%z", 1),
                  ("{:x<", 1), ("{:,d}", "s"), ("{:5}", None)]:
    try:
        print(fmt % args if "%" in fmt else fmt.format(args))
    except (TypeError, ValueError) as e:
        print(type(e).__name__, e)
class I(int):
    def __str__(self):
        return "I!"
    def __repr__(self):
        return "I?"
print(str(I(5)), "%s" % I(5), "%d" % I(5), "{}".format(I(5)), f"{I(5)!r}")
class S(str):
    pass
print(str(S("q")), type(str(S("q"))).__name__, "%s" % S("w"), "{}".format(S("e")))
for f in ["{", "{0", "{:", "{:x<", "{a[", "{a[}", "{0:{", "{0!r", "{!", "{0!", "{0!rx", "{a[:",
          "{a]:", "{0:}}", "x{0:{1}"]:
    try:
        print(f.format(1, 2))
    except ValueError as e:
        print(repr(f), e)
