print(eval('1 + 2 * 3'), eval('[x * 2 for x in range(3)]'), eval('"a" * 3'), eval('  4  '))
x = 10
print(eval('x + 1'), eval('x + y', {'x': 1, 'y': 2}), eval('x', {}, {'x': 'local'}))
ns = {}
exec('a = 5\nb = a * 2\ndef f(n): return n + b', ns)
print(ns['a'], ns['b'], ns['f'](1))
exec('z = 99')
print(z)
code = compile('1 + 1', '<expr>', 'eval')
print(eval(code))
code2 = compile('result = [i for i in range(3)]', '<stmts>', 'exec')
g = {}
exec(code2, g)
print(g['result'])
print(exec('1 + 1'))
for bad in ['1 +', 'def', ')']:
    try:
        eval(bad)
    except SyntaxError:
        print('SyntaxError for', repr(bad))
try:
    eval('undefined_xyz')
except NameError as e:
    print('NameError', e)
loc = {}
exec('p = 1\nq = p + 1', {}, loc)
print(sorted(loc.items()))
print(eval('__name__'), eval('len("abc")'))
