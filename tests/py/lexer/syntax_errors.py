srcs = ['x = = 1', 'def f(:', 'if True\n  pass', '(1, 2', 'print "x"', 'return', 'x = 1 +', 'f(**a, *b)',
        'a + = 1', 'def f(a, a): pass', "'unterminated", 'break', 'class', 'lambda x: yield', '1 = x', 'del 1']
for s in srcs:
    try:
        compile(s, '<test>', 'exec')
        print(repr(s), 'compiled')
    except SyntaxError as e:
        print(repr(s), type(e).__name__)
try:
    compile('if True:\nprint(1)', '<t>', 'exec')
except IndentationError as e:
    print('IndentationError', isinstance(e, SyntaxError))
try:
    compile('if True:\n    x = 1\n  y = 2', '<t>', 'exec')
except IndentationError as e:
    print('IndentationError (dedent)')
