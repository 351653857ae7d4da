c = compile('x = 41\nx += 1', 'file.py', 'exec')
ns = {}
exec(c, ns)
print(ns['x'])
e = compile('x * 2', 'expr', 'eval')
print(eval(e, {'x': 21}))
for src, mode in [('x = ', 'exec'), ('a b', 'eval'), ('return 1', 'exec'), ('x = 1', 'eval')]:
    try:
        compile(src, '<test>', mode)
        print('compiled', repr(src))
    except SyntaxError:
        print('SyntaxError', repr(src), mode)
try:
    compile('1', '<t>', 'bogus')
except ValueError as e:
    print('ValueError')
s = compile('print("single mode")', '<s>', 'single')
exec(s)
