def logged(f):
    def wrapper(self, *args):
        print(f'{type(self).__name__}.{f.__name__}{args}')
        return f(self, *args)
    return wrapper
class Calc:
    def __init__(self):
        self.value = 0
    @logged
    def add(self, n):
        self.value += n
        return self
    @logged
    def mul(self, n):
        self.value *= n
        return self
    @staticmethod
    def helper(x):
        return x * 2
    @classmethod
    def make(cls):
        return cls()
c = Calc.make().add(3).mul(4)
print(c.value, Calc.helper(5), c.helper(6))
class Sub(Calc):
    @logged
    def add(self, n):
        return super().add(n * 10)
print(Sub().add(1).value)
