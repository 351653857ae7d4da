samples = ['abc', 'ABC', 'Abc', 'abc123', '123', '', ' ', '\t\n', 'Hello World', 'hello world', '½', '²', '٣', 'é', 'a_b', '_x', 'x1', '1x', 'class', 'ABC def']
for s in samples:
    print(repr(s), s.isalpha(), s.isdigit(), s.isalnum(), s.isdecimal(), s.isnumeric(), s.isspace(),
          s.isupper(), s.islower(), s.istitle(), s.isidentifier(), s.isprintable(), s.isascii())
print('\x00'.isprintable(), '\n'.isprintable(), 'é'.isascii())
