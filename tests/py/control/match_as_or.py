def m(v):
    match v:
        case (1 | 2) as small:
            return f'small {small}'
        case [('a' | 'b') as letter, *rest] as whole:
            return f'letter {letter} rest {rest} whole {whole}'
        case {'k': [1, *_] as lst}:
            return f'list under k {lst}'
        case str(s) if len(s) > 3:
            return f'long string {s}'
        case str():
            return 'short string'
        case x if x is None:
            return 'none via guard'
        case other:
            return f'capture {other!r}'
for v in [1, 2, ['a', 1, 2], ['b'], ['c'], {'k': [1, 2, 3]}, {'k': [2]}, 'hello', 'hi', None, 3.5]:
    print(m(v))
x = 'outer'
match 42:
    case x:
        pass
print('capture rebinds', x)
