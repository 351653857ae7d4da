vals = ['plain', 'café', '日本', '😀', '\n\t', "quote'", 'both\'"', ['é', 1], {'ключ': 'значение'}, b'\xff', ('ü',)]
for v in vals:
    print(ascii(v), '|', repr(v))
class U:
    def __repr__(self): return 'Ünicode repr'
print(ascii(U()), repr(U()), ascii([U()]))
