cases = ['[] - []', '{} + {}', '{1} + {2}', 'None < None', '"a" * 1.0', '1 @ 2', '~"x"', '-[]', '2 ** "x"',
         '"x" % ()', '[1] < None', 'object() + 1', '1 // "x"', '(1, 2) * (1,)']
for c in cases:
    try:
        print(c, '=', eval(c))
    except TypeError as e:
        print(c, 'TypeError:', e)
