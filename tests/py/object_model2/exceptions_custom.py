class MyErr(Exception):
    def __init__(self, code, msg):
        super().__init__(msg)
        self.code = code
    def __str__(self):
        return f"[{self.code}] {self.args[0]}"
try:
    raise MyErr(5, "bad")
except MyErr as e:
    print(e, repr(e), e.args, e.code)
class NoSuper(Exception):
    def __init__(self, x):
        self.x = x
e = NoSuper(3)
print(repr(e), str(e), e.args, e.x)
class WithRepr(ValueError):
    def __repr__(self):
        return "WR!"
print(repr(WithRepr("a")), str(WithRepr("a", "b")))
e = ValueError("v")
e.add_note("note 1")
e.add_note("note 2")
print(e.__notes__)
try:
    e.add_note(5)
except TypeError as ex:
    print("TE", ex)
try:
    try:
        1 / 0
    except ZeroDivisionError as z:
        raise KeyError("k") from z
except KeyError as k:
    print(repr(k), type(k.__cause__).__name__, k.__suppress_context__)
print(repr(KeyError("a")), str(KeyError("a")), str(KeyError()), str(KeyError(1, 2)))
print(repr(OSError(2, "No such file")), str(OSError(2, "No such file")), OSError(2, "x").errno)
class E2(Exception):
    pass
print(repr(E2()), repr(E2(1, 2)), str(E2(1, 2)), E2.__mro__[1:])
print(issubclass(E2, BaseException), isinstance(E2(), Exception))
x = StopIteration(5)
print(x.value, repr(x))
print(repr(SystemExit(2)), SystemExit(2).code)
try:
    raise TypeError
except TypeError as t:
    print(repr(t), t.args)
class Attrs(Exception):
    __slots__ = ()
a = Attrs("m")
a.extra = 1
print(a.extra, a.__dict__)
print(BaseException.__new__(ValueError).args)
