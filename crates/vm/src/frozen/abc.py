"""Abstract base classes."""


def abstractmethod(funcobj):
    funcobj.__isabstractmethod__ = True
    return funcobj


def abstractproperty(fget=None, fset=None, fdel=None, doc=None):
    if fget is not None:
        fget.__isabstractmethod__ = True
    return property(fget, fset, fdel, doc)


def abstractclassmethod(f):
    f.__isabstractmethod__ = True
    return classmethod(f)


def abstractstaticmethod(f):
    f.__isabstractmethod__ = True
    return staticmethod(f)


def _abstracts(cls):
    names = set()
    for base in reversed(cls.__mro__):
        for name, value in base.__dict__.items():
            if getattr(value, "__isabstractmethod__", False):
                names.add(name)
            elif name in names:
                names.discard(name)
    # A name is abstract if its final resolution is abstract.
    return sorted(n for n in names if getattr(getattr(cls, n, None), "__isabstractmethod__", False))


class ABCMeta(type):
    """Metaclass for defining abstract base classes."""

    def __new__(mcls, name, bases, namespace, **kwargs):
        cls = super().__new__(mcls, name, bases, namespace, **kwargs)
        cls.__abstractmethods__ = frozenset(_abstracts(cls))
        cls._abc_registry = []
        return cls

    def __call__(cls, *args, **kwargs):
        abstract = cls.__abstractmethods__
        if abstract:
            names = sorted(abstract)
            s = "s" if len(names) > 1 else ""
            raise TypeError("Can't instantiate abstract class %s with abstract method%s %s"
                            % (cls.__name__, s, ", ".join(names)))
        return super().__call__(*args, **kwargs)

    def register(cls, subclass):
        cls._abc_registry.append(subclass)
        return subclass

    def __instancecheck__(cls, instance):
        return cls.__subclasscheck__(type(instance))

    def __subclasscheck__(cls, subclass):
        if cls in getattr(subclass, "__mro__", ()):
            return True
        for r in cls._abc_registry:
            if issubclass(subclass, r):
                return True
        hook = cls.__dict__.get("__subclasshook__")
        if hook is not None:
            r = hook.__func__(cls, subclass) if hasattr(hook, "__func__") else hook(subclass)
            if r is not NotImplemented:
                return bool(r)
        return False


class ABC(metaclass=ABCMeta):
    """Helper class that provides a standard way to create an ABC using inheritance."""
    __slots__ = ()


def get_cache_token():
    return 0
