import re

for pat in ['(ab', 'a)', '*a', 'a**', '[abc', '+', '(?P<n>a)(?P<n>b)', '(?P=zz)', r'\1', 'a{3,2}',
            '[z-a]', r'\q', '(?<=a+)b', '(?Z)', 'x|*']:
    try:
        re.compile(pat)
        print('ok', pat)
    except re.error as e:
        print(type(e).__name__, e, e.pos)
try:
    re.match('a', b'a')
except TypeError as e:
    print(e)
try:
    re.match(b'a', 'a')
except TypeError as e:
    print(e)
try:
    re.sub('(a)', r'\2', 'a')
except re.error as e:
    print(e)
try:
    re.match('(a)', 'a').group(3)
except IndexError as e:
    print(e)
print(isinstance(re.error('x'), Exception))
