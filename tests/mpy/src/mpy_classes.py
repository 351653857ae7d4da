# Classes: inheritance, super(), properties, class and static methods, dunder methods.


class Base:
    kind = "base"

    def __init__(self, v):
        self.v = v

    def describe(self):
        return "%s(%r)" % (self.kind, self.v)

    def __repr__(self):
        return "<" + self.describe() + ">"


class Child(Base):
    kind = "child"

    def __init__(self, v, w=0):
        super().__init__(v + 1)
        self.w = w

    def describe(self):
        return super().describe() + "+" + str(self.w)


class Grand(Child):
    def describe(self):
        return "G/" + super().describe()


print(Base(1), Child(1, 2), Grand(5))
print(isinstance(Grand(0), Base), issubclass(Child, Base), Grand.__name__)


class Point:
    def __init__(self, x, y):
        self._x = x
        self.y = y

    @property
    def x(self):
        return self._x

    @x.setter
    def x(self, v):
        self._x = v * 10

    @staticmethod
    def origin():
        return Point(0, 0)

    @classmethod
    def make(cls, n):
        return cls(n, n)

    def __add__(self, o):
        return Point(self._x + o._x, self.y + o.y)

    def __eq__(self, o):
        return (self._x, self.y) == (o._x, o.y)

    def __len__(self):
        return 2

    def __iter__(self):
        yield self._x
        yield self.y

    def __getitem__(self, i):
        return (self._x, self.y)[i]


p = Point(1, 2)
p.x = 3
print(p.x, list(p + Point.make(1)), Point.origin() == Point(0, 0), len(p), p[1])


def factory(tag):
    class Tagged:
        t = tag

        def get(self):
            return tag + "!" + self.t

    return Tagged


print(factory("a")().get(), factory("b").t)


class Counter:
    count = 0

    def __init__(self):
        Counter.count += 1
        self.__secret = Counter.count

    def secret(self):
        return self.__secret


Counter()
print(Counter().secret(), Counter.count)


class MyErr(Exception):
    def __init__(self, code):
        super().__init__("code %d" % code)
        self.code = code


try:
    raise MyErr(42)
except MyErr as e:
    print(e, e.code, e.args)


class Meta(type):
    def __new__(mcls, name, bases, ns):
        ns["added"] = name.lower()
        return super().__new__(mcls, name, bases, ns)


class WithMeta(metaclass=Meta):
    pass


print(WithMeta.added)


class Slots:
    __slots__ = ("a",)


s = Slots()
s.a = 1
print(s.a)
