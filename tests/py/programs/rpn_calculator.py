class CalcError(Exception):
    pass
OPS = {
    '+': lambda a, b: a + b,
    '-': lambda a, b: a - b,
    '*': lambda a, b: a * b,
    '/': lambda a, b: a / b,
    '//': lambda a, b: a // b,
    '%': lambda a, b: a % b,
    '^': lambda a, b: a ** b,
}
def rpn(expr):
    stack = []
    for tok in expr.split():
        if tok in OPS:
            if len(stack) < 2:
                raise CalcError(f'stack underflow at {tok!r}')
            b, a = stack.pop(), stack.pop()
            try:
                stack.append(OPS[tok](a, b))
            except ZeroDivisionError:
                raise CalcError('division by zero')
        elif tok == 'dup':
            stack.append(stack[-1])
        elif tok == 'swap':
            stack[-1], stack[-2] = stack[-2], stack[-1]
        else:
            try:
                stack.append(int(tok))
            except ValueError:
                try:
                    stack.append(float(tok))
                except ValueError:
                    raise CalcError(f'bad token {tok!r}')
    if len(stack) != 1:
        raise CalcError(f'leftover stack {stack}')
    return stack[0]
def to_rpn(infix):
    prec = {'+': 1, '-': 1, '*': 2, '/': 2, '^': 3}
    out, ops = [], []
    for tok in infix.replace('(', ' ( ').replace(')', ' ) ').split():
        if tok in prec:
            while ops and ops[-1] in prec and (prec[ops[-1]] > prec[tok] or (prec[ops[-1]] == prec[tok] and tok != '^')):
                out.append(ops.pop())
            ops.append(tok)
        elif tok == '(':
            ops.append(tok)
        elif tok == ')':
            while ops[-1] != '(':
                out.append(ops.pop())
            ops.pop()
        else:
            out.append(tok)
    return ' '.join(out + ops[::-1])
for e in ['3 4 +', '5 1 2 + 4 * + 3 -', '2 3 ^ 2 ^', '7 2 /', '7 2 //', '1.5 2 *', '3 dup *', '1 2 swap -',
          '1 +', '1 0 /', '1 2', 'x 1 +']:
    try:
        print(repr(e), '=', rpn(e))
    except CalcError as err:
        print(repr(e), 'error:', err)
for infix in ['1 + 2 * 3', '(1 + 2) * 3', '2 ^ 3 ^ 2', '10 / 4 - 1', '((7))']:
    r = to_rpn(infix)
    print(infix, '->', r, '=', rpn(r))
