# repr() escapes unassigned, format and private-use code points, as str.isprintable says.
for s in ["a\uffff", "\u0378", "\U0001ffff", "\U000e0001", "\u00ad", "\ue000", "\u2028",
          "\u3000", "\u00e9\u4e2d\U0001f600", "\u0530", "\U00030000", "\U0010fffd"]:
    print(repr(s), s.isprintable())
