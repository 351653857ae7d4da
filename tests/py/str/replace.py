s = 'one two one two one'
print(s.replace('one', '1'), s.replace('one', '1', 2), s.replace('one', '1', 0), s.replace('one', '1', -1))
print(s.replace('x', 'y'), 'aaa'.replace('a', 'bb'), 'abc'.replace('', '-'), 'abc'.replace('', '-', 2))
print('hello'.replace('l', ''), ''.replace('', 'x'), 'aaaa'.replace('aa', 'b'))
print('tab\there'.replace('\t', '    '))
