def add(a, b):
    return a + b
ops = {'+': add, '-': lambda a, b: a - b, 'max': max}
print({k: f(7, 3) for k, f in ops.items()})
funcs = [str.upper, str.lower, str.title, len]
print([f('hello World') for f in funcs])
def apply_n(f, n, x):
    for _ in range(n):
        x = f(x)
    return x
print(apply_n(lambda v: v * 2, 10, 1), apply_n(str.strip, 1, '  x  '))
print(add.__name__, type(add).__name__, callable(add), add is add, add == add)
alias = add
print(alias(1, 2), alias.__name__)
print(sorted([add, max], key=lambda f: f.__name__)[0].__name__)
