# Tokenizer + recursive-descent parser and evaluator for arithmetic with
# variables, functions and good error messages.
import math

TOKEN_SPEC = [
    ("NUM", "0123456789."),
    ("NAME", "abcdefghijklmnopqrstuvwxyz_"),
]


class Token:
    __slots__ = ("kind", "text", "pos")

    def __init__(self, kind, text, pos):
        self.kind, self.text, self.pos = kind, text, pos

    def __repr__(self):
        return f"Token({self.kind}, {self.text!r}, {self.pos})"


class CalcError(Exception):
    def __init__(self, msg, pos):
        super().__init__(msg)
        self.pos = pos


def tokenize(src):
    i = 0
    n = len(src)
    while i < n:
        c = src[i]
        if c.isspace():
            i += 1
        elif c.isdigit() or (c == "." and i + 1 < n and src[i + 1].isdigit()):
            j = i
            while j < n and (src[j].isdigit() or src[j] == "."):
                j += 1
            yield Token("NUM", src[i:j], i)
            i = j
        elif c.isalpha() or c == "_":
            j = i
            while j < n and (src[j].isalnum() or src[j] == "_"):
                j += 1
            yield Token("NAME", src[i:j], i)
            i = j
        elif src.startswith("**", i):
            yield Token("OP", "**", i)
            i += 2
        elif c in "+-*/%(),=":
            yield Token("OP", c, i)
            i += 1
        else:
            raise CalcError(f"unexpected character {c!r}", i)
    yield Token("END", "", n)


FUNCS = {"sqrt": math.sqrt, "max": max, "min": min, "abs": abs, "floor": math.floor}


class Parser:
    def __init__(self, src, env):
        self.toks = list(tokenize(src))
        self.i = 0
        self.env = env

    @property
    def tok(self):
        return self.toks[self.i]

    def eat(self, text=None, kind=None):
        t = self.tok
        if (text is not None and t.text != text) or (kind is not None and t.kind != kind):
            want = text or kind
            raise CalcError(f"expected {want!r}, got {t.text or 'end'!r}", t.pos)
        self.i += 1
        return t

    def statement(self):
        if self.tok.kind == "NAME" and self.toks[self.i + 1].text == "=":
            name = self.eat(kind="NAME").text
            self.eat("=")
            value = self.expr()
            self.env[name] = value
        else:
            value = self.expr()
        self.eat(kind="END")
        return value

    def expr(self):
        value = self.term()
        while self.tok.text in ("+", "-"):
            op = self.eat().text
            rhs = self.term()
            value = value + rhs if op == "+" else value - rhs
        return value

    def term(self):
        value = self.unary()
        while self.tok.text in ("*", "/", "%"):
            t = self.eat()
            rhs = self.unary()
            if t.text == "*":
                value *= rhs
            elif rhs == 0:
                raise CalcError("division by zero", t.pos)
            elif t.text == "/":
                value /= rhs
            else:
                value %= rhs
        return value

    def unary(self):
        if self.tok.text == "-":
            self.eat()
            return -self.unary()
        if self.tok.text == "+":
            self.eat()
            return +self.unary()
        return self.power()

    def power(self):
        base = self.atom()
        if self.tok.text == "**":
            self.eat()
            return base ** self.unary()
        return base

    def atom(self):
        t = self.tok
        if t.kind == "NUM":
            self.eat()
            try:
                return int(t.text)
            except ValueError:
                return float(t.text)
        if t.kind == "NAME":
            self.eat()
            if self.tok.text == "(":
                self.eat("(")
                args = [self.expr()]
                while self.tok.text == ",":
                    self.eat(",")
                    args.append(self.expr())
                self.eat(")")
                if t.text not in FUNCS:
                    raise CalcError(f"unknown function {t.text}", t.pos)
                return FUNCS[t.text](*args)
            if t.text not in self.env:
                raise CalcError(f"undefined variable {t.text}", t.pos)
            return self.env[t.text]
        if t.text == "(":
            self.eat("(")
            v = self.expr()
            self.eat(")")
            return v
        raise CalcError(f"unexpected {t.text or 'end of input'!r}", t.pos)


print(list(tokenize("x = 3.5*(y+2)")))
env = {"pi": 3.141592653589793}
lines = [
    "1 + 2 * 3",
    "(1 + 2) * 3",
    "2 ** 3 ** 2",
    "-2 ** 2",
    "x = 10 / 4",
    "y = x * 2 + 1",
    "max(x, y, 7) - min(1, 2)",
    "sqrt(16) + abs(-3)",
    "floor(pi * 100) % 7",
    "7 % 0",
    "1 +",
    "foo(2)",
    "3 $ 4",
    "z + 1",
    "(1 + 2",
    "2 ** -1",
    ".5 + 1.25",
    "10 / 3",
]
for line in lines:
    try:
        result = Parser(line, env).statement()
        print(f"{line:<28} => {result!r}")
    except CalcError as e:
        print(f"{line:<28} !! {e} at {e.pos}")
        print(" " * (e.pos + 0) + "^", "(" + line + ")")
print(sorted(env.items()))
