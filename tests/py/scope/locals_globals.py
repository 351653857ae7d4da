def f(a, b=2):
    c = 3
    return sorted(locals().items())
print(f(1))
g = globals()
print('f' in g, g['f'] is f, '__name__' in g, g['__name__'])
def modify_global():
    globals()['injected'] = 'via globals()'
modify_global()
print(injected)
class C:
    x = 1
    names = sorted(k for k in locals() if not k.startswith('__'))
print(C.names)
