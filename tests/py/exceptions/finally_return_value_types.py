def f(kind):
    try:
        if kind == 'raise':
            raise ValueError('x')
        if kind == 'return':
            return 'from try'
    except ValueError:
        return 'from except'
    else:
        return 'from else'
    finally:
        print('finally for', kind)
for k in ['raise', 'return', 'normal']:
    print(f(k))
def counter():
    n = 0
    try:
        n += 1
        return n
    finally:
        n += 100
        print('n in finally', n)
print(counter())
