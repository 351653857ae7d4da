class Money:
    def __init__(self, c): self.c = c
    def __repr__(self): return f'Money({self.c})'
    def __add__(self, o):
        print('__add__', o)
        if isinstance(o, Money): return Money(self.c + o.c)
        if isinstance(o, int): return Money(self.c + o)
        return NotImplemented
    def __radd__(self, o):
        print('__radd__', o)
        if o == 0: return self
        return self.__add__(o)
    def __iadd__(self, o):
        print('__iadd__', o)
        self.c += o.c if isinstance(o, Money) else o
        return self
    def __rsub__(self, o):
        print('__rsub__', o)
        return Money(o - self.c)
m = Money(5)
print(m + 1)
print(1 + m)
print(sum([Money(1), Money(2), Money(3)]))
before = m
m += 10
print(m, m is before)
print(100 - m)
class OnlyAdd:
    def __init__(self, v): self.v = v
    def __add__(self, o): return OnlyAdd(self.v + o)
    def __repr__(self): return f'OnlyAdd({self.v})'
x = OnlyAdd(1)
y = x
x += 5
print(x, y, x is y)
class Left:
    def __add__(self, o): return NotImplemented
class Right:
    def __radd__(self, o): return 'Right.__radd__'
print(Left() + Right())
class Sub(Money):
    def __radd__(self, o):
        print('Sub.__radd__ wins')
        return Money(-1)
print(Money(1) + Sub(2))
try:
    Left() + Left()
except TypeError as e:
    print('TypeError', e)
