s = '  \t hello world \n '
print(repr(s.strip()), repr(s.lstrip()), repr(s.rstrip()))
print('xxhixx'.strip('x'), 'xyhiyx'.strip('xy'), 'abcba'.lstrip('ab'), 'abcba'.rstrip('ab'))
print(repr(''.strip()), repr('   '.strip()), 'hi'.strip(''), 'hi'.strip(None))
print('www.example.com'.strip('cmowz.'))
print('\u3000wide\u3000'.strip(), '\xa0nbsp\xa0'.strip())
print('prefix_name'.removeprefix('prefix_'), 'name.py'.removesuffix('.py'), 'abc'.removeprefix('x'), 'abc'.removesuffix(''))
