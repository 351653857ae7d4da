KEYWORDS = {'let', 'if', 'else', 'while', 'print'}
def tokenize(src):
    tokens = []
    i = 0
    while i < len(src):
        c = src[i]
        if c.isspace():
            i += 1
        elif c.isdigit():
            j = i
            while j < len(src) and (src[j].isdigit() or src[j] == '.'):
                j += 1
            text = src[i:j]
            tokens.append(('NUMBER', float(text) if '.' in text else int(text)))
            i = j
        elif c.isalpha() or c == '_':
            j = i
            while j < len(src) and (src[j].isalnum() or src[j] == '_'):
                j += 1
            word = src[i:j]
            tokens.append(('KEYWORD' if word in KEYWORDS else 'IDENT', word))
            i = j
        elif c == '"':
            j = src.index('"', i + 1)
            tokens.append(('STRING', src[i + 1:j]))
            i = j + 1
        elif src[i:i + 2] in ('==', '!=', '<=', '>='):
            tokens.append(('OP', src[i:i + 2]))
            i += 2
        elif c in '+-*/=<>(){};':
            tokens.append(('OP', c))
            i += 1
        else:
            raise SyntaxError(f'unexpected character {c!r} at {i}')
    return tokens
src = 'let x = 42; while (x >= 10.5) { x = x - 7; print "x is" x }'
for t in tokenize(src):
    print(t)
try:
    tokenize('let y = 3 @ 4')
except SyntaxError as e:
    print('SyntaxError', e)
