"""Type hints: enough to import and annotate; subscripting returns harmless aliases."""

TYPE_CHECKING = False


class _Alias:
    """A typing construct; subscripting and calling are accepted."""

    def __init__(self, name, args=(), origin=None):
        self._name = name
        self.__args__ = args
        self.__origin__ = origin

    def __getitem__(self, args):
        if not isinstance(args, tuple):
            args = (args,)
        return _Alias(self._name, args, self.__origin__ or self)

    def __call__(self, *args, **kwargs):
        if self.__origin__ is not None and callable(self.__origin__) and not isinstance(self.__origin__, _Alias):
            return self.__origin__(*args, **kwargs)
        raise TypeError("Cannot instantiate typing.%s" % self._name)

    def __or__(self, other):
        return Union[self, other]

    def __ror__(self, other):
        return Union[other, self]

    def __repr__(self):
        if self.__args__:
            return "typing.%s[%s]" % (self._name, ", ".join(_r(a) for a in self.__args__))
        return "typing." + self._name

    def __eq__(self, other):
        return (isinstance(other, _Alias) and self._name == other._name
                and self.__args__ == other.__args__)

    def __hash__(self):
        return hash(self._name)

    def __mro_entries__(self, bases):
        o = self.__origin__
        if isinstance(o, _Alias):
            o = o.__origin__
        return (o,) if isinstance(o, type) else ()


def _r(a):
    if isinstance(a, type):
        return a.__name__ if a.__module__ == "builtins" else "%s.%s" % (a.__module__, a.__qualname__)
    if a is None or a is type(None):
        return "None"
    if a is Ellipsis:
        return "..."
    return repr(a)


def _gen(name, origin=None):
    return _Alias(name, (), origin)


Any = _gen("Any")
NoReturn = _gen("NoReturn")
Never = _gen("Never")
Self = _gen("Self")
LiteralString = _gen("LiteralString")
Union = _gen("Union")
Optional = _gen("Optional")
Literal = _gen("Literal")
ClassVar = _gen("ClassVar")
Final = _gen("Final")
Annotated = _gen("Annotated")
Concatenate = _gen("Concatenate")
TypeAlias = _gen("TypeAlias")
TypeGuard = _gen("TypeGuard")
Required = _gen("Required")
NotRequired = _gen("NotRequired")
Unpack = _gen("Unpack")
List = _gen("List", list)
Dict = _gen("Dict", dict)
Set = _gen("Set", set)
FrozenSet = _gen("FrozenSet", frozenset)
Tuple = _gen("Tuple", tuple)
Type = _gen("Type", type)
DefaultDict = _gen("DefaultDict")
OrderedDict = _gen("OrderedDict")
Counter = _gen("Counter")
Deque = _gen("Deque")
ChainMap = _gen("ChainMap")
Callable = _gen("Callable")
Iterable = _gen("Iterable")
Iterator = _gen("Iterator")
Generator = _gen("Generator")
AsyncGenerator = _gen("AsyncGenerator")
AsyncIterable = _gen("AsyncIterable")
AsyncIterator = _gen("AsyncIterator")
Awaitable = _gen("Awaitable")
Coroutine = _gen("Coroutine")
Sequence = _gen("Sequence")
MutableSequence = _gen("MutableSequence")
Mapping = _gen("Mapping")
MutableMapping = _gen("MutableMapping")
AbstractSet = _gen("AbstractSet")
MutableSet = _gen("MutableSet")
Collection = _gen("Collection")
Container = _gen("Container")
Hashable = _gen("Hashable")
Sized = _gen("Sized")
Reversible = _gen("Reversible")
ContextManager = _gen("ContextManager")
AsyncContextManager = _gen("AsyncContextManager")
SupportsInt = _gen("SupportsInt")
SupportsFloat = _gen("SupportsFloat")
SupportsIndex = _gen("SupportsIndex")
SupportsAbs = _gen("SupportsAbs")
IO = _gen("IO")
TextIO = _gen("TextIO")
BinaryIO = _gen("BinaryIO")
Pattern = _gen("Pattern")
Match = _gen("Match")
AnyStr = _gen("AnyStr")
Text = str


class TypeVar:
    """Type variable."""

    def __init__(self, name, *constraints, bound=None, covariant=False, contravariant=False):
        self.__name__ = name
        self.__constraints__ = constraints
        self.__bound__ = bound
        self.__covariant__ = covariant
        self.__contravariant__ = contravariant

    def __repr__(self):
        p = "+" if self.__covariant__ else "-" if self.__contravariant__ else "~"
        return p + self.__name__

    def __or__(self, other):
        return Union[self, other]


class ParamSpec(TypeVar):
    args = Any
    kwargs = Any


class TypeVarTuple(TypeVar):
    pass


class Generic:
    """Base class for generic classes; Generic[T] returns Generic itself."""

    def __class_getitem__(cls, params):
        return cls


class Protocol(Generic):
    """Base class for protocol classes (structural checks are not enforced)."""


def runtime_checkable(cls):
    return cls


def cast(typ, val):
    return val


def overload(func):
    def _overload_dummy(*args, **kwds):
        raise NotImplementedError("You should not call an overloaded function.")
    return _overload_dummy


def final(f):
    return f


def no_type_check(f):
    return f


def get_type_hints(obj, globalns=None, localns=None, include_extras=False):
    return dict(getattr(obj, "__annotations__", {}))


def get_origin(tp):
    return getattr(tp, "__origin__", None)


def get_args(tp):
    return getattr(tp, "__args__", ())


def reveal_type(obj):
    return obj


def assert_never(arg):
    raise AssertionError("Expected code to be unreachable")


def NewType(name, tp):
    def new_type(x):
        return x
    new_type.__name__ = name
    new_type.__supertype__ = tp
    return new_type


def NamedTuple(typename, fields=None, **kwargs):
    """typing.NamedTuple(name, [(field, type), ...]); class syntax is not supported."""
    if fields is None:
        fields = list(kwargs.items())
    names = [f[0] for f in fields]
    return _namedtuple(typename, names)


def _namedtuple(typename, names):
    names = tuple(names)

    def __new__(cls, *args, **kw):
        vals = list(args)
        for n in names[len(args):]:
            if n not in kw:
                raise TypeError("%s.__new__() missing required argument: '%s'" % (typename, n))
            vals.append(kw.pop(n))
        if len(vals) != len(names):
            raise TypeError("%s.__new__() takes %d positional arguments but %d were given"
                            % (typename, len(names) + 1, len(vals) + 1))
        return tuple.__new__(cls, vals)

    def __repr__(self):
        return "%s(%s)" % (typename, ", ".join("%s=%r" % (n, v) for n, v in zip(names, self)))

    def _asdict(self):
        return dict(zip(names, self))

    def _replace(self, **kw):
        return type(self)(*[kw.get(n, v) for n, v in zip(names, self)])

    ns = {"__new__": __new__, "__repr__": __repr__, "_asdict": _asdict,
          "_replace": _replace, "_fields": names, "__slots__": ()}
    for i, n in enumerate(names):
        ns[n] = property(lambda self, i=i: self[i])
    return type(typename, (tuple,), ns)


def TypedDict(typename, fields=None, total=True, **kwargs):
    return dict
