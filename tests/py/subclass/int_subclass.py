class Meters(int):
    def __repr__(self):
        return f'{int(self)}m'
    def __add__(self, o):
        return Meters(int(self) + int(o))
m = Meters(5)
print(m, repr(m), m + 3, type(m + 3).__name__, m * 2, type(m * 2).__name__)
print(isinstance(m, int), m == 5, hash(m) == hash(5), m > 3, [0, 1, 2, 3, 4, 5][m])
class Flag(int):
    def __new__(cls, v, name):
        obj = super().__new__(cls, v)
        obj.name = name
        return obj
f = Flag(4, 'four')
print(f, f.name, f + 1, str(f), f'{f:03d}')
class Even(int):
    def __new__(cls, v):
        if v % 2:
            raise ValueError(f'{v} is odd')
        return super().__new__(cls, v)
print(Even(4))
try:
    Even(3)
except ValueError as e:
    print('ValueError', e)
print(bool(Meters(0)), int(Meters(7)) + 1)
