class Meta(type):
    def __new__(mcls, name, bases, ns):
        ns['created_by'] = 'Meta'
        ns['upper_names'] = sorted(k.upper() for k in ns if not k.startswith('__'))
        return super().__new__(mcls, name, bases, ns)
    def hello(cls):
        return 'hello from ' + cls.__name__
class A(metaclass=Meta):
    x = 1
    def method(self): pass
print(A.created_by, A.upper_names, type(A).__name__, A.hello())
class B(A):
    y = 2
print(B.created_by, B.upper_names, type(B).__name__)
class Counted(type):
    count = 0
    def __call__(cls, *args, **kwargs):
        Counted.count += 1
        return super().__call__(*args, **kwargs)
class Thing(metaclass=Counted):
    def __init__(self, v):
        self.v = v
t1, t2 = Thing(1), Thing(2)
print(Counted.count, t2.v, isinstance(Thing, type), isinstance(Thing, Counted))
print(type(int).__name__, type(type).__name__, isinstance(type, type))
