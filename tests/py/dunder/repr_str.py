class A:
    def __repr__(self): return 'A()'
class B:
    def __str__(self): return 'B-str'
    def __repr__(self): return 'B-repr'
class C:
    def __str__(self): return 'C-str only'
a, b = A(), B()
print(a, str(a), repr(a), [a], f'{a}', f'{a!r}')
print(b, str(b), repr(b), [b], (b,), {'k': b}, f'{b}', '%s %r' % (b, b))
print(str(C()), C().__str__())
print(repr(C()).startswith('<__main__.C object'))
class Bad:
    def __repr__(self): return 42
try:
    repr(Bad())
except TypeError as e:
    print('TypeError', e)
class Nested:
    def __init__(self, items): self.items = items
    def __repr__(self): return f'Nested({self.items!r})'
print(Nested([Nested('x'), 1]))
