# Descriptors, __set_name__, __init_subclass__, metaclasses, __class_getitem__,
# __getattr__/__getattribute__, __slots__ and property deleters.


class Typed:
    def __init__(self, kind, default=None):
        self.kind = kind
        self.default = default

    def __set_name__(self, owner, name):
        self.name = name
        self.attr = "_" + name

    def __get__(self, obj, objtype=None):
        if obj is None:
            return self
        return getattr(obj, self.attr, self.default)

    def __set__(self, obj, value):
        if not isinstance(value, self.kind):
            raise TypeError(f"{self.name} must be {self.kind.__name__}, not {type(value).__name__}")
        setattr(obj, self.attr, value)

    def __delete__(self, obj):
        print(f"deleting {self.name}")
        delattr(obj, self.attr)


class Registry(type):
    classes = {}

    def __new__(mcls, name, bases, ns, **kw):
        cls = super().__new__(mcls, name, bases, ns)
        if bases:
            mcls.classes[name.lower()] = cls
        return cls

    def __call__(cls, *args, **kwargs):
        inst = super().__call__(*args, **kwargs)
        inst.created_by = "Registry"
        return inst

    def __repr__(cls):
        return f"<model {cls.__name__}>"


class Model(metaclass=Registry):
    fields = ()

    def __init_subclass__(cls, table=None, **kw):
        super().__init_subclass__(**kw)
        cls.table = table or cls.__name__.lower() + "s"
        cls.fields = tuple(k for k, v in vars(cls).items() if isinstance(v, Typed))

    def __init__(self, **kw):
        for k, v in kw.items():
            setattr(self, k, v)

    def __repr__(self):
        vals = ", ".join(f"{f}={getattr(self, f)!r}" for f in self.fields)
        return f"{type(self).__name__}({vals})"


class User(Model, table="people"):
    name = Typed(str, "anon")
    age = Typed(int, 0)


class Item(Model):
    title = Typed(str)
    price = Typed(float, 0.0)


u = User(name="ann", age=31)
print(u, u.table, Item.table, User.fields, u.created_by)
print(Registry.classes, type(User).__name__, User.name.name, User.__dict__["age"].attr)
try:
    u.age = "old"
except TypeError as e:
    print("TypeError:", e)
del u.age
print(u.age, User(), Item(title="pen", price=1.5))


class Box:
    def __class_getitem__(cls, item):
        return f"Box[{item.__name__ if isinstance(item, type) else item}]"


print(Box[int], Box["x"])


class Lazy:
    def __init__(self):
        self.loaded = {}

    def __getattr__(self, name):
        if name.startswith("_"):
            raise AttributeError(name)
        value = f"<{name} loaded>"
        self.loaded[name] = value
        setattr(self, name, value)
        return value


lz = Lazy()
print(lz.alpha, lz.alpha, lz.beta, sorted(lz.loaded), hasattr(lz, "_hidden"))


class Temperature:
    def __init__(self):
        self._c = 20

    @property
    def celsius(self):
        "Temperature in degrees Celsius."
        return self._c

    @celsius.setter
    def celsius(self, v):
        self._c = v

    @celsius.deleter
    def celsius(self):
        print("reset")
        self._c = 0

    fahrenheit = property(lambda self: self._c * 9 / 5 + 32)


t = Temperature()
t.celsius = 100
print(t.celsius, t.fahrenheit, Temperature.celsius.__doc__)
del t.celsius
print(t.celsius)
try:
    t.fahrenheit = 5
except AttributeError as e:
    print("AttributeError:", e)


class Base:
    def greet(self):
        return "Base"


class Left(Base):
    def greet(self):
        return "Left>" + super().greet()


class Right(Base):
    def greet(self):
        return "Right>" + super().greet()


class Child(Left, Right):
    def greet(self):
        return "Child>" + super().greet()


print(Child().greet(), [c.__name__ for c in Child.__mro__])
try:
    class Bad(Left, Base, Right):
        pass
except TypeError as e:
    print("TypeError:", e)
print(isinstance(Child(), Right), issubclass(Child, (int, Base)), Child.__bases__)


class Counter:
    count = 0

    @classmethod
    def make(cls):
        cls.count += 1
        return cls()

    @staticmethod
    def describe(x):
        return f"static {x}"


class SubCounter(Counter):
    pass


Counter.make(); SubCounter.make(); SubCounter.make()
print(Counter.count, SubCounter.count, Counter.describe(1), SubCounter().describe(2))
print(type(Counter.__dict__["make"]).__name__, type(Counter.__dict__["describe"]).__name__)
