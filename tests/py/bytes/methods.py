b = b'  Hello World  '
print(b.strip(), b.lstrip(), b.rstrip(), b.strip(b' Hd'), b.upper(), b.lower(), b.swapcase(), b.title())
print(b'a,b,,c'.split(b','), b'a b  c'.split(), b'a,b,c'.rsplit(b',', 1), b'x\ny\r\nz'.splitlines())
print(b'-'.join([b'a', b'b', bytearray(b'c')]), b''.join([]), b'ab'.join([b'1', b'2']))
print(b'hello'.find(b'l'), b'hello'.rfind(b'l'), b'hello'.find(108), b'hello'.index(b'lo'), b'hello'.count(b'l'))
print(b'hello'.replace(b'l', b'L'), b'hello'.replace(b'l', b'', 1), b'hello'.startswith(b'he'), b'hello'.endswith((b'x', b'lo')))
print(b'abc'.center(7, b'*'), b'abc'.ljust(5), b'abc'.rjust(5, b'0'), b'42'.zfill(5))
print(b'a=b'.partition(b'='), b'a=b=c'.rpartition(b'='))
print(b'abc'.isalpha(), b'123'.isdigit(), b'ab1'.isalnum(), b'  '.isspace(), b'ABC'.isupper(), b'abc'.islower())
print(b'hello world'.capitalize(), b'a\tb'.expandtabs(4), b'prefix'.removeprefix(b'pre'), b'file.py'.removesuffix(b'.py'))
try:
    b'abc'.index(b'z')
except ValueError as e:
    print('ValueError', e)
try:
    b'a' + 'b'
except TypeError as e:
    print('TypeError', e)
try:
    b'a,b'.split(',')
except TypeError as e:
    print('TypeError')
