def dumps(obj, indent=0, step=2):
    pad = ' ' * indent
    inner = ' ' * (indent + step)
    if obj is None:
        return 'null'
    if obj is True:
        return 'true'
    if obj is False:
        return 'false'
    if isinstance(obj, (int, float)):
        return repr(obj)
    if isinstance(obj, str):
        out = '"'
        for ch in obj:
            if ch == '"':
                out += '\\"'
            elif ch == '\\':
                out += '\\\\'
            elif ch == '\n':
                out += '\\n'
            elif ord(ch) < 32:
                out += '\\u%04x' % ord(ch)
            else:
                out += ch
        return out + '"'
    if isinstance(obj, (list, tuple)):
        if not obj:
            return '[]'
        items = [inner + dumps(v, indent + step, step) for v in obj]
        return '[\n' + ',\n'.join(items) + '\n' + pad + ']'
    if isinstance(obj, dict):
        if not obj:
            return '{}'
        items = [inner + dumps(str(k)) + ': ' + dumps(v, indent + step, step) for k, v in obj.items()]
        return '{\n' + ',\n'.join(items) + '\n' + pad + '}'
    raise TypeError(f'cannot serialize {type(obj).__name__}')
data = {'name': 'Widget', 'id': 42, 'price': 9.5, 'tags': ['a', 'b"q"'], 'dims': {'w': 1, 'h': [2, 3]},
        'active': True, 'parent': None, 'empty': [], 'none': {}, 'note': 'line1\nline2\ttab'}
print(dumps(data))
try:
    dumps({'bad': {1, 2}})
except TypeError as e:
    print('TypeError', e)
