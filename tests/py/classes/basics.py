class Dog:
    species = 'canis'
    def __init__(self, name):
        self.name = name
        self.tricks = []
    def add_trick(self, t):
        self.tricks.append(t)
        return self
    def describe(self):
        return f'{self.name} knows {self.tricks}'
d = Dog('rex')
d.add_trick('sit').add_trick('roll')
print(d.describe(), d.species, Dog.species, d.name)
e = Dog('fido')
print(e.tricks, d.tricks is e.tricks)
print(type(d).__name__, type(d) is Dog, isinstance(d, Dog), d.__class__.__name__)
print(Dog.__name__, Dog.__qualname__, Dog.__module__)
print(sorted(d.__dict__), d.__dict__['name'])
d.age = 3
print(sorted(vars(d).items()))
try:
    d.missing
except AttributeError as e:
    print('AttributeError', e)
try:
    Dog.missing
except AttributeError as e:
    print('AttributeError', e)
print(Dog.describe(d))
bound = d.describe
print(bound())
