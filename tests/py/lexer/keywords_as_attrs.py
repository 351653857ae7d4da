class NS: pass
ns = NS()
setattr(ns, 'class', 1)
print(getattr(ns, 'class'))
d = dict(kw_if=1, kw_for=2)
print(d)
for src in ['class = 1', 'def = 2', 'x.if = 3', 'None = 1', 'True = 0']:
    try:
        compile(src, '<t>', 'exec')
        print(src, 'ok')
    except SyntaxError:
        print(src, 'SyntaxError')
print(True, False, None, ...)
