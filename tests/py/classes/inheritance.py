class Animal:
    sound = '...'
    def __init__(self, name):
        self.name = name
    def speak(self):
        return f'{self.name} says {self.sound}'
    def kind(self):
        return 'animal'
class Cat(Animal):
    sound = 'meow'
class Lion(Cat):
    sound = 'roar'
    def kind(self):
        return 'big ' + super().kind()
for a in [Animal('generic'), Cat('tom'), Lion('leo')]:
    print(a.speak(), a.kind())
print(issubclass(Lion, Animal), issubclass(Animal, Lion), isinstance(Lion('x'), Cat))
print([c.__name__ for c in Lion.__mro__])
print(Lion.__bases__[0].__name__, Animal.__bases__[0].__name__)
print(issubclass(Lion, (int, Animal)), isinstance(3, (str, int)), isinstance('x', ()))
class Base:
    def __init__(self):
        self.base_init = True
class NoInit(Base):
    pass
print(NoInit().base_init)
class OverrideInit(Base):
    def __init__(self):
        self.own = True
o = OverrideInit()
print(hasattr(o, 'base_init'), o.own)
