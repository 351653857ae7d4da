x = 'global x'
def outer():
    x = 'enclosing x'
    def inner():
        x = 'local x'
        return x
    def inner2():
        return x
    return inner(), inner2()
print(outer())
print(x)
def uses_builtin():
    return len('abc')
print(uses_builtin())
def shadows_builtin():
    len = lambda s: 'shadowed'
    return len('abc')
print(shadows_builtin(), len('abc'))
print_ref = print
def f():
    print_ref('via global alias')
f()
