tests = ['Hello', 'HELLO', 'hello', 'Hello World', 'Hello world', 'HELLO WORLD', '123', '12.5', '-5', 'a1', ' ', '', 'ABC123', 'abc_', 'Ünïcödé', '\t', 'x y', 'A', 'a', '1A']
for t in tests:
    flags = [name for name in ['isalpha', 'isalnum', 'isdigit', 'isdecimal', 'isnumeric', 'isspace', 'islower', 'isupper', 'istitle', 'isidentifier', 'isascii']
             if getattr(t, name)()]
    print(repr(t), flags)
