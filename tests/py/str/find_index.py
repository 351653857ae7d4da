s = 'hello world hello'
print(s.find('hello'), s.find('hello', 1), s.find('z'), s.find(''), s.find('', 100), s.find('o', 5, 8))
print(s.rfind('hello'), s.rfind('o'), s.rfind('z'), s.rfind('', 3), s.rfind('l', 0, 4))
print(s.index('world'), s.rindex('l'), s.find('hello', -5), s.find('lo', -20))
print(s.count('l'), s.count('hello'), s.count(''), 'aaaa'.count('aa'), s.count('l', 3, 10))
try:
    s.index('zzz')
except ValueError as e:
    print('ValueError', e)
try:
    s.rindex('zzz')
except ValueError as e:
    print('ValueError', e)
print('abc'.find('c', -1), 'abc'.find('a', -1), ''.find(''), ''.count('a'))
