class Date:
    def __init__(self, y, m, d):
        self.y, self.m, self.d = y, m, d
    @classmethod
    def from_string(cls, s):
        return cls(*map(int, s.split('-')))
    @classmethod
    def epoch(cls):
        return cls(1970, 1, 1)
    def __repr__(self):
        return f'{type(self).__name__}({self.y}, {self.m}, {self.d})'
class EuroDate(Date):
    @classmethod
    def from_string(cls, s):
        d, m, y = map(int, s.split('/'))
        return cls(y, m, d)
print(Date.from_string('2024-03-15'), Date.epoch(), EuroDate.epoch())
print(EuroDate.from_string('15/03/2024'), Date.from_string.__self__.__name__ if False else 'ok')
d = Date(2000, 1, 1)
print(d.epoch(), type(d).from_string('1999-12-31'))
