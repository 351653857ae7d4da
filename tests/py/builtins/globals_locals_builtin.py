gv = 'global value'
def f(a):
    b = a * 2
    l = locals()
    return sorted(l)
print(f(1))
print('gv' in globals(), globals()['gv'], type(globals()).__name__)
print(locals() is globals())
def g():
    return 'gv' in locals(), 'gv' in globals()
print(g())
