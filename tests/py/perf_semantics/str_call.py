# str(x) of built-in values takes a shortcut; results must match str()'s general path.
for v in (0, -5, 2**62, -(2**63), 2**64, True, False, 1.5, -0.0, 1e100, 1e-7, float("inf"),
          float("nan"), 123456789.0, "text", "", None, (1, 2), [3], b"b"):
    print(repr(str(v)))
s = "abc"
print(str(s) is s)


class S(str):
    pass


print(type(str(S("x"))).__name__, str(S("y")))


def shadow():
    str = lambda v: "shadowed %r" % (v,)
    return str(3)


print(shadow())
print(str(), str(object="kw"))
