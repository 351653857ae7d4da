# Decorators with arguments, class decorators, stacked decorators, and
# context managers (class-based, contextlib, suppress, nested, exceptions).
import functools
from contextlib import contextmanager, suppress


def repeat(times):
    def deco(func):
        @functools.wraps(func)
        def wrapper(*args, **kwargs):
            return [func(*args, **kwargs) for _ in range(times)]
        return wrapper
    return deco


def trace(prefix=">>"):
    def deco(func):
        depth = [0]

        @functools.wraps(func)
        def wrapper(*args):
            print(f"{prefix}{'  ' * depth[0]}{func.__name__}{args}")
            depth[0] += 1
            try:
                return func(*args)
            finally:
                depth[0] -= 1
        return wrapper
    return deco


def validate(**types):
    def deco(func):
        def wrapper(**kwargs):
            for k, t in types.items():
                if k in kwargs and not isinstance(kwargs[k], t):
                    raise TypeError(f"{k} should be {t.__name__}")
            return func(**kwargs)
        return wrapper
    return deco


def singleton(cls):
    instances = {}

    def get(*args):
        if cls not in instances:
            instances[cls] = cls(*args)
        return instances[cls]
    get.cls = cls
    return get


def add_repr(cls):
    def __repr__(self):
        return f"{cls.__name__}({', '.join(f'{k}={v!r}' for k, v in vars(self).items())})"
    cls.__repr__ = __repr__
    return cls


@repeat(3)
def hello(name):
    return f"hi {name}"


@trace()
def fact(n):
    return 1 if n <= 1 else n * fact(n - 1)


@validate(x=int, label=str)
def show(x=0, label=""):
    return f"{label}:{x}"


@singleton
class Config:
    def __init__(self, env="dev"):
        self.env = env


@add_repr
class Pair:
    def __init__(self, a, b):
        self.a, self.b = a, b


def bold(f):
    return lambda *a: "<b>" + f(*a) + "</b>"


def italic(f):
    return lambda *a: "<i>" + f(*a) + "</i>"


@bold
@italic
def text(s):
    return s


print(hello("bob"), hello.__name__)
print(fact(4))
print(show(x=3, label="n"))
try:
    show(x="3")
except TypeError as e:
    print("TypeError:", e)
print(Config("prod").env, Config("test").env, Config() is Config(), Config.cls.__name__)
print(Pair(1, "two"), text("hey"))


class Timer:
    def __init__(self, name):
        self.name = name

    def __enter__(self):
        print(f"enter {self.name}")
        return self

    def __exit__(self, exc_type, exc, tb):
        print(f"exit {self.name}: {exc_type.__name__ if exc_type else 'ok'}")
        return exc_type is KeyError


with Timer("a") as t:
    print("inside", t.name)
with Timer("b"):
    raise KeyError("hidden")
try:
    with Timer("c"):
        raise ValueError("visible")
except ValueError as e:
    print("propagated:", e)
with Timer("outer"), Timer("inner"):
    print("both")


@contextmanager
def tag(name):
    print(f"<{name}>")
    try:
        yield name.upper()
    except ZeroDivisionError:
        print(f"handled in {name}")
    finally:
        print(f"</{name}>")


with tag("p") as up:
    print("body", up)
with tag("div"):
    1 / 0
try:
    with tag("span"):
        raise IndexError("no")
except IndexError:
    print("IndexError escaped")

with suppress(FileNotFoundError, KeyError):
    {}["x"]
print("suppressed")


@contextmanager
def transaction(db):
    snapshot = dict(db)
    try:
        yield db
    except Exception as e:
        db.clear()
        db.update(snapshot)
        print("rolled back:", e)
        raise


db = {"a": 1}
try:
    with transaction(db) as d:
        d["b"] = 2
        d["a"] = 100
        raise RuntimeError("conflict")
except RuntimeError:
    pass
print(db)
with transaction(db) as d:
    d["c"] = 3
print(db)


class Stack:
    def __init__(self):
        self.ctx = []

    def push(self, cm):
        v = cm.__enter__()
        self.ctx.append(cm)
        return v

    def __enter__(self):
        return self

    def __exit__(self, *exc):
        while self.ctx:
            self.ctx.pop().__exit__(None, None, None)


with Stack() as s:
    s.push(Timer("x"))
    s.push(Timer("y"))
    print("stacked")
