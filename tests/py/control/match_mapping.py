def handle(ev):
    match ev:
        case {'type': 'click', 'x': x, 'y': y}:
            return f'click at {x},{y}'
        case {'type': 'key', 'key': 'q' | 'Q'}:
            return 'quit'
        case {'type': 'key', 'key': str(k)}:
            return f'key {k}'
        case {'type': 'resize', **rest}:
            return f'resize {sorted(rest.items())}'
        case {}:
            return 'some dict'
        case _:
            return 'not a dict'
for ev in [{'type': 'click', 'x': 1, 'y': 2, 'extra': 0}, {'type': 'key', 'key': 'Q'},
           {'type': 'key', 'key': 'a'}, {'type': 'key', 'key': 5}, {'type': 'resize', 'w': 10, 'h': 20},
           {'other': 1}, {}, [1], 'str']:
    print(handle(ev))
