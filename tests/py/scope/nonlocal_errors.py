for src in ['def f():\n    nonlocal x\n', 'nonlocal y\n', 'def f():\n    x = 1\n    global x\n']:
    try:
        compile(src, '<test>', 'exec')
        print('compiled')
    except SyntaxError as e:
        print('SyntaxError')
def outer():
    v = 0
    def a():
        nonlocal v
        v += 1
    def b():
        nonlocal v
        v *= 10
    a(); b(); a()
    return v
print(outer())
