def evaluate(expr):
    match expr:
        case ('num', n):
            return n
        case ('neg', e):
            return -evaluate(e)
        case ('add', l, r):
            return evaluate(l) + evaluate(r)
        case ('mul', l, r):
            return evaluate(l) * evaluate(r)
        case ('let', str(name), value, body):
            return evaluate(substitute(body, name, evaluate(value)))
        case ('var', name):
            raise NameError(f'free variable {name}')
        case _:
            raise ValueError(f'bad expression {expr!r}')
def substitute(e, name, value):
    match e:
        case ('var', n) if n == name:
            return ('num', value)
        case (op, *args):
            return (op, *[substitute(a, name, value) if isinstance(a, tuple) else a for a in args])
tree = ('add', ('num', 2), ('mul', ('num', 3), ('neg', ('num', 4))))
print(evaluate(tree))
print(evaluate(('let', 'x', ('num', 5), ('mul', ('var', 'x'), ('var', 'x')))))
for bad in [('var', 'y'), ('pow', 1, 2), 42]:
    try:
        evaluate(bad)
    except (NameError, ValueError) as e:
        print(type(e).__name__, e)
