class Base:
    def __init__(self, x):
        self.x = x
        print('Base init', x)
    def show(self):
        return f'Base.show x={self.x}'
    @classmethod
    def create(cls):
        return f'create {cls.__name__}'
class Child(Base):
    def __init__(self, x, y):
        super().__init__(x)
        self.y = y
        print('Child init', y)
    def show(self):
        return 'Child + ' + super().show()
    @classmethod
    def create(cls):
        return 'child ' + super().create()
class Grand(Child):
    def __init__(self):
        super(Child, self).__init__('skip child')
    def show(self):
        return 'Grand + ' + super(Grand, self).show()
c = Child(1, 2)
print(c.show(), Child.create())
g = Grand()
print(g.show(), hasattr(g, 'y'))
print(super(Child, c).show())
class L(list):
    def append(self, v):
        super().append(v * 2)
l = L()
l.append(5)
print(l)
