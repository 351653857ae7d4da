class Temp:
    unit = 'C'
    def __init__(self, deg):
        self.deg = deg
    @classmethod
    def from_f(cls, f):
        return cls(round((f - 32) * 5 / 9, 1))
    @staticmethod
    def valid(deg):
        return deg > -273.15
    @classmethod
    def describe(cls):
        return cls.__name__ + ' in ' + cls.unit
class Kelvin(Temp):
    unit = 'K'
t = Temp.from_f(212)
print(t.deg, type(t).__name__, Temp.valid(-300), t.valid(0))
k = Kelvin.from_f(32)
print(type(k).__name__, k.deg, Kelvin.describe(), k.describe(), Temp.describe())
sm = Temp.__dict__['valid']
print(type(sm).__name__, type(Temp.__dict__['from_f']).__name__)
print(Temp.valid is t.valid)
class Counter:
    n = 0
    @classmethod
    def bump(cls):
        cls.n += 1
        return cls.n
print(Counter.bump(), Counter.bump(), Counter().bump())
