def m(seq):
    match seq:
        case [*_, 0]:
            return 'ends with 0'
        case [1, *middle, 9]:
            return f'1..9 with {middle}'
        case [first, *rest] if len(rest) > 3:
            return f'long, first={first}'
        case [*all_items]:
            return f'any seq {all_items}'
for s in [[0], [5, 0], [1, 9], [1, 2, 3, 9], [7, 1, 2, 3, 4], [1, 2], [], (3, 0), 'str']:
    print(repr(s), m(s) if not isinstance(s, str) else m(s))
