tests = [
    lambda: '%s %s' % ('a',),
    lambda: '%s' % ('a', 'b'),
    lambda: '%d' % 'x',
    lambda: '%d' % None,
    lambda: '%c' % 'ab',
    lambda: '%z' % 1,
    lambda: '%' % (),
    lambda: '%s' % {'k': 1},
    lambda: '%s' % [],
    lambda: '%s' % (),
    lambda: '%x' % 1.5,
    lambda: '%(k)s' % 5,
]
for t in tests:
    try:
        print(repr(t()))
    except Exception as e:
        print(type(e).__name__, e)
