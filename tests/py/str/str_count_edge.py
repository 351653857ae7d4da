s = 'abababa'
print(s.count('aba'), s.count('a'), s.count('', 2), s.count('b', -3), s.count('ab', 1, 5), s.count('x'))
print(s.find('ba', 2), s.find('ba', 2, 4), s.find('ba', 2, 3), s.rfind('aba'), s.rfind('aba', 0, 6), s.index('b', -2))
print('aaa'.replace('aa', 'b'), 'abc'.replace('b', 'bb', 5), ''.count(''), 'abc'.count('', 10))
print('hello'.find('l', -100, 100), 'hello'.rfind('l', -100, -1), 'hello'[-100:100])
