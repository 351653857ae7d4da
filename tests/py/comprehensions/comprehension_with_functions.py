def square(x): return x * x
def is_even(x): return x % 2 == 0
print([square(x) for x in range(6) if is_even(x)])
print([f(x) for f in (square, abs, str) for x in (-2, 3)])
print({name: f(4) for name, f in [('sq', square), ('neg', lambda v: -v)]})
print([(lambda y: y + 1)(x) for x in range(3)])
print([[f(x) for x in range(3)] for f in (square, is_even)])
print(sorted({len(w) for w in 'a bb ccc dd e'.split()}))
