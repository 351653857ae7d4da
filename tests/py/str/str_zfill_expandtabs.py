for s in ['7', '-7', '+7', '', 'abc', '-', '12345', '-0.5', '0']:
    print(repr(s), repr(s.zfill(5)), repr(s.zfill(0)))
for s, n in [('a\tb', 8), ('a\tb', 4), ('ab\tc', 2), ('\t', 3), ('x\ty\tz', 1), ('a\nb\tc', 4), ('abcdefgh\tx', 4)]:
    print(repr(s.expandtabs(n)))
print(repr('no tabs'.expandtabs()), repr('\t'.expandtabs()))
