class Interp:
    def __init__(self):
        self.env = {}
        self.output = []
    def tokenize(self, s):
        return s.replace('(', ' ( ').replace(')', ' ) ').split()
    def parse(self, tokens):
        tok = tokens.pop(0)
        if tok == '(':
            lst = []
            while tokens[0] != ')':
                lst.append(self.parse(tokens))
            tokens.pop(0)
            return lst
        try:
            return int(tok)
        except ValueError:
            return tok
    def eval(self, x, env=None):
        env = self.env if env is None else env
        if isinstance(x, str):
            while env is not None:
                if x in env['vars']:
                    return env['vars'][x]
                env = env['parent']
            raise NameError(f'unbound symbol {x}')
        if isinstance(x, int):
            return x
        op, *args = x
        if op == 'define':
            env['vars'][args[0]] = self.eval(args[1], env)
            return None
        if op == 'if':
            return self.eval(args[1] if self.eval(args[0], env) else args[2], env)
        if op == 'lambda':
            params, body = args
            return lambda *vals: self.eval(body, {'vars': dict(zip(params, vals)), 'parent': env})
        if op == 'begin':
            r = None
            for a in args:
                r = self.eval(a, env)
            return r
        f = self.eval(op, env)
        return f(*[self.eval(a, env) for a in args])
    def run(self, src):
        return self.eval(self.parse(self.tokenize(src)))
it = Interp()
it.env = {'vars': {'+': lambda *a: sum(a), '-': lambda a, b: a - b, '*': lambda a, b: a * b,
                   '<': lambda a, b: a < b, '=': lambda a, b: a == b, 'list': lambda *a: list(a)}, 'parent': None}
programs = [
    '(+ 1 2 3)',
    '(define sq (lambda (x) (* x x)))',
    '(sq 12)',
    '(define fact (lambda (n) (if (< n 2) 1 (* n (fact (- n 1))))))',
    '(fact 20)',
    '(define fib (lambda (n) (if (< n 2) n (+ (fib (- n 1)) (fib (- n 2))))))',
    '(list (fib 10) (fib 15))',
    '(define make-adder (lambda (n) (lambda (x) (+ x n))))',
    '((make-adder 5) 10)',
    '(begin (define a 3) (define b 4) (+ (sq a) (sq b)))',
    '(undefined 1)',
]
for p in programs:
    try:
        print(p, '=>', it.run(p))
    except NameError as e:
        print(p, '=> error:', e)
