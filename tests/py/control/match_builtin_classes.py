def kind(v):
    match v:
        case bool(b):
            return f'bool {b}'
        case int(i):
            return f'int {i}'
        case float(f):
            return f'float {f}'
        case str() if not v:
            return 'empty str'
        case str(s):
            return f'str {s}'
        case list([]):
            return 'empty list'
        case list([x, *_]):
            return f'list starting {x}'
        case tuple((a, b)):
            return f'pair {a} {b}'
        case dict({'id': id_}):
            return f'record {id_}'
        case None:
            return 'None'
        case _:
            return f'other {type(v).__name__}'
for v in [True, 3, 2.5, '', 'hi', [], [9, 8], (1, 2), (1, 2, 3), {'id': 7, 'x': 0}, {}, None, b'b', {1}]:
    print(repr(v), '->', kind(v))
