a, *b = range(5)
print(a, b, type(b).__name__)
*a, b = 'xyz'
print(a, b)
a, *b, c = (1, 2)
print(a, b, c)
(a, *b), c = 'abc', 'd'
print(a, b, c)
[a, *b] = {'k1': 1, 'k2': 2}
print(a, b)
for src in ['*a = [1]', '*a, *b = [1, 2]', 'a, **b = {}']:
    try:
        compile(src, '<t>', 'exec')
        print(src, 'ok')
    except SyntaxError:
        print(src, 'SyntaxError')
