class Parser:
    def __init__(self, text):
        self.toks = []
        i = 0
        while i < len(text):
            c = text[i]
            if c.isspace():
                i += 1
            elif c.isdigit() or c == '.':
                j = i
                while j < len(text) and (text[j].isdigit() or text[j] == '.'):
                    j += 1
                self.toks.append(float(text[i:j]) if '.' in text[i:j] else int(text[i:j]))
                i = j
            elif c.isalpha():
                j = i
                while j < len(text) and text[j].isalnum():
                    j += 1
                self.toks.append(text[i:j])
                i = j
            else:
                self.toks.append(c)
                i += 1
        self.pos = 0
    def peek(self):
        return self.toks[self.pos] if self.pos < len(self.toks) else None
    def take(self):
        t = self.peek()
        self.pos += 1
        return t
    def expr(self, env):
        v = self.term(env)
        while self.peek() in ('+', '-'):
            v = v + self.term(env) if self.take() == '+' else v - self.term(env)
        return v
    def term(self, env):
        v = self.factor(env)
        while self.peek() in ('*', '/', '%'):
            op = self.take()
            r = self.factor(env)
            v = v * r if op == '*' else v / r if op == '/' else v % r
        return v
    def factor(self, env):
        base = self.unary(env)
        if self.peek() == '^':
            self.take()
            return base ** self.factor(env)
        return base
    def unary(self, env):
        t = self.take()
        if t == '-':
            return -self.unary(env)
        if t == '(':
            v = self.expr(env)
            if self.take() != ')':
                raise SyntaxError('expected )')
            return v
        if isinstance(t, (int, float)):
            return t
        if isinstance(t, str) and t.isalpha():
            if t not in env:
                raise NameError(f'unknown variable {t}')
            return env[t]
        raise SyntaxError(f'unexpected token {t!r}')
def evaluate(s, **env):
    p = Parser(s)
    v = p.expr(env)
    if p.peek() is not None:
        raise SyntaxError(f'trailing {p.peek()!r}')
    return v
for e in ['1 + 2 * 3', '(1 + 2) * 3', '2 ^ 3 ^ 2', '-2 ^ 2', '10 / 4', '10 % 4 + x * y', '1.5 * 4', '((2))',
          '1 +', '2 * (3', 'z + 1', '1 2', '7 / 0']:
    try:
        print(e, '=', evaluate(e, x=3, y=4))
    except (SyntaxError, NameError, ZeroDivisionError) as err:
        print(e, '->', type(err).__name__, err)
