class Singleton:
    _inst = None
    def __new__(cls, *args):
        print('__new__', cls.__name__, args)
        if cls._inst is None:
            cls._inst = super().__new__(cls)
        return cls._inst
    def __init__(self, v):
        print('__init__', v)
        self.v = v
a = Singleton(1)
b = Singleton(2)
print(a is b, a.v)
class Upper(str):
    def __new__(cls, s):
        return super().__new__(cls, s.upper())
u = Upper('hello')
print(u, type(u).__name__, isinstance(u, str), u + '!')
class Skip:
    def __new__(cls):
        return 42
    def __init__(self):
        print('never printed')
print(Skip())
class Point(tuple):
    def __new__(cls, x, y):
        return super().__new__(cls, (x, y))
    @property
    def x(self): return self[0]
p = Point(3, 4)
print(p, p.x, len(p))
