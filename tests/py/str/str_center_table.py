title = 'Report'
print(title.center(30, '='))
for label, value in [('alpha', 1), ('beta', 22), ('gamma', 333)]:
    print(label.ljust(10, '.') + str(value).rjust(20, '.'))
print('end'.center(30, '-'))
print('|' + 'x'.center(4) + '|' + 'xy'.center(5) + '|' + 'xyz'.center(4) + '|')
print([s.center(n) for s, n in [('a', 2), ('a', 3), ('ab', 3), ('ab', 5), ('', 2)]])
