class Base:
    def __init__(self, **kw):
        print('Base init, leftover', sorted(kw))
class A(Base):
    def __init__(self, a=None, **kw):
        print('A init', a)
        super().__init__(**kw)
class B(Base):
    def __init__(self, b=None, **kw):
        print('B init', b)
        super().__init__(**kw)
class C(A, B):
    def __init__(self, c=None, **kw):
        print('C init', c)
        super().__init__(**kw)
C(a=1, b=2, c=3, extra=4)
print([k.__name__ for k in C.__mro__])
class Log:
    def log(self): return ['Log']
class Timestamp(Log):
    def log(self): return ['Timestamp'] + super().log()
class Color(Log):
    def log(self): return ['Color'] + super().log()
class Fancy(Timestamp, Color):
    def log(self): return ['Fancy'] + super().log()
print(Fancy().log())
