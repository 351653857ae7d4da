print('a b  c'.split(), ' a b '.split(), ''.split(), '   '.split())
print('a,b,,c'.split(','), 'a,b,,c'.split(',', 1), ',a,'.split(','), ''.split(','))
print('a b c d'.split(None, 2), 'a\tb\nc\r\nd'.split())
print('a::b::c'.split('::'), 'abc'.split('abc'), 'aaa'.split('a'))
print('a b c d'.rsplit(None, 2), 'a,b,c'.rsplit(',', 1), 'a,b,c'.rsplit(','), '  x  y '.rsplit())
print('a,b,c'.split(',', 0), 'a,b,c'.split(',', -1), 'a b'.split(maxsplit=1), 'x-y-z'.rsplit('-', maxsplit=1))
for args in [('',), (1,)]:
    try:
        print('abc'.split(*args))
    except (ValueError, TypeError) as e:
        print(type(e).__name__, e)
print('one\u3000two\xa0three'.split())
