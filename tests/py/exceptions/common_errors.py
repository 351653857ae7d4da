cases = [
    'None[0]', 'None.attr', 'undefined_name', '[1][3]', '{}["k"]', '1 + "a"', '"a" + 1', 'int("x")',
    '1 / 0', '[].pop()', 'len(5)', 'abs("x")', 'iter(5)', '(1).foo', '"abc".foo()', 'None()', '5()',
    'int.bad', '[1, 2] - [1]', 'float("x")', '{}.x', 'chr("a")', 'range(1.5)', 'hash([])', 'ord(1)',
    'sum(["a"])', 'max([])', 'min()', 'dict(1)', 'list(None)', '"%d" % "x"', '(1, 2)[5]', '"".join([1])',
]
for c in cases:
    try:
        eval(c)
        print(c, 'no error')
    except Exception as e:
        print(c, '->', type(e).__name__ + ':', e)
