def apply(f, *args):
    return f(*args)
print(apply(max, 3, 7), apply(len, 'abc'), apply(lambda: 'x'))
def compose(*fs):
    def run(x):
        for f in reversed(fs):
            x = f(x)
        return x
    return run
print(compose(str, abs, lambda v: v * 2)(-21))
print(list(map(str.upper, ['a', 'b'])), list(map(pow, [2, 3], [3, 2])), list(map(len, ['ab', '', 'c'])))
print(list(filter(None, [0, 1, '', 'a', None, [], [0]])), list(filter(str.isdigit, 'a1b2')))
print(sorted(['bb', 'a', 'ccc'], key=len), max(['bb', 'a', 'ccc'], key=len), min('hello', key=ord))
def curry(f):
    return lambda a: lambda b: f(a, b)
print(curry(lambda a, b: a - b)(10)(3))
def reduce(f, seq, init):
    for s in seq:
        init = f(init, s)
    return init
print(reduce(lambda a, b: a * b, range(1, 6), 1), reduce(lambda a, b: b + a, 'abc', ''))
fs = {'add': lambda a, b: a + b, 'mul': lambda a, b: a * b}
print({k: v(3, 4) for k, v in fs.items()})
