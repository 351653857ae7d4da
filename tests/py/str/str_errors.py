tests = [
    lambda: 'a' + 1,
    lambda: 1 + 'a',
    lambda: 'a' - 'b',
    lambda: 'abc'.foo,
    lambda: 'abc'.index('z'),
    lambda: 'a' * 'b',
    lambda: 'x'[5],
    lambda: ord(''),
    lambda: ord('ab'),
    lambda: chr(-1),
    lambda: chr(0x110000),
    lambda: 'abc'.join([1]),
    lambda: 'a' < 1,
    lambda: 'abc'.split(''),
    lambda: '%d' % 'x',
]
for t in tests:
    try:
        print(t())
    except Exception as e:
        print(type(e).__name__, e)
