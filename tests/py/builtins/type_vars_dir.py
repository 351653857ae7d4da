class Base:
    base_attr = 1
    def base_method(self): pass
class Child(Base):
    child_attr = 2
    def __init__(self):
        self.inst = 3
    def child_method(self): pass
c = Child()
print([n for n in dir(c) if not n.startswith('__')])
print([n for n in dir(Child) if not n.startswith('__')])
print(vars(c), sorted(k for k in vars(Child) if not k.startswith('__')))
print(type(c).__name__, type(Child).__name__, type(1).__name__, type(None).__name__, type(len).__name__ if False else 'skip')
print('append' in dir([]), 'upper' in dir(''), 'keys' in dir({}))
try:
    vars(1)
except TypeError as e:
    print('TypeError', e)
print(type(1) is int, type('') is str, type([]) is list, type(type) is type)
