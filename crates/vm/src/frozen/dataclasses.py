"""Data classes: generated __init__, __repr__, __eq__ and ordering."""

__all__ = ["dataclass", "field", "Field", "fields", "asdict", "astuple", "replace",
           "is_dataclass", "FrozenInstanceError", "MISSING", "make_dataclass"]


class _MissingType:
    def __repr__(self):
        return "MISSING"


MISSING = _MissingType()


class FrozenInstanceError(AttributeError):
    pass


class Field:
    """One field of a dataclass."""

    def __init__(self, default, default_factory, init, repr, hash, compare, metadata, kw_only):
        self.name = None
        self.type = None
        self.default = default
        self.default_factory = default_factory
        self.init = init
        self.repr = repr
        self.hash = hash
        self.compare = compare
        self.metadata = metadata if metadata is not None else {}
        self.kw_only = kw_only

    def __repr__(self):
        return "Field(name=%r,type=%r,default=%r,default_factory=%r,init=%r,repr=%r)" % (
            self.name, self.type, self.default, self.default_factory, self.init, self.repr)


def field(*, default=MISSING, default_factory=MISSING, init=True, repr=True, hash=None,
          compare=True, metadata=None, kw_only=MISSING):
    if default is not MISSING and default_factory is not MISSING:
        raise ValueError("cannot specify both default and default_factory")
    return Field(default, default_factory, init, repr, hash, compare, metadata, kw_only)


_FIELDS = "__dataclass_fields__"


def fields(class_or_instance):
    try:
        fs = getattr(class_or_instance, _FIELDS)
    except AttributeError:
        raise TypeError("must be called with a dataclass type or instance") from None
    return tuple(f for f in fs.values() if not getattr(f, "_classvar", False))


def is_dataclass(obj):
    return hasattr(obj, _FIELDS)


def _tuple(obj, fs):
    return tuple(getattr(obj, f.name) for f in fs)


def _process(cls, init, repr_, eq, order, unsafe_hash, frozen, kw_only_all):
    all_fields = {}
    for b in reversed(cls.__mro__[1:]):
        bf = b.__dict__.get(_FIELDS)
        if bf:
            all_fields.update(bf)
    anns = cls.__dict__.get("__annotations__", {})
    kw_flag = False
    for name, tp in anns.items():
        if type(tp) is _KwOnlyType or tp is KW_ONLY:
            kw_flag = True
            continue
        tps = tp if isinstance(tp, str) else getattr(tp, "__name__", "") or ""
        if tps.startswith("ClassVar") or "ClassVar" in str(tp):
            continue
        default = cls.__dict__.get(name, MISSING)
        if isinstance(default, Field):
            f = default
        else:
            if isinstance(default, (list, dict, set)):
                raise ValueError("mutable default %s for field %s is not allowed: use default_factory"
                                 % (type(default), name))
            f = field(default=default)
        f.name = name
        f.type = tp
        if f.kw_only is MISSING:
            f.kw_only = kw_flag or kw_only_all
        all_fields[name] = f
        if isinstance(default, Field):
            if f.default is MISSING:
                try:
                    delattr(cls, name)
                except AttributeError:
                    pass
            else:
                setattr(cls, name, f.default)
    setattr(cls, _FIELDS, all_fields)
    fs = list(all_fields.values())
    cls.__match_args__ = tuple(f.name for f in fs if f.init and not f.kw_only)

    if init:
        seen_default = False
        for f in fs:
            if f.init and not f.kw_only:
                if f.default is not MISSING or f.default_factory is not MISSING:
                    seen_default = True
                elif seen_default:
                    raise TypeError("non-default argument '%s' follows default argument" % f.name)

        def __init__(self, *args, **kwargs):
            pos = [f for f in fs if f.init and not f.kw_only]
            if len(args) > len(pos):
                raise TypeError("__init__() takes %d positional arguments but %d were given"
                                % (len(pos) + 1, len(args) + 1))
            for f, a in zip(pos, args):
                if f.name in kwargs:
                    raise TypeError("__init__() got multiple values for argument '%s'" % f.name)
                kwargs[f.name] = a
            for f in fs:
                if not f.init:
                    if f.default_factory is not MISSING:
                        val = f.default_factory()
                    elif f.default is not MISSING:
                        val = f.default
                    else:
                        continue
                elif f.name in kwargs:
                    val = kwargs.pop(f.name)
                elif f.default is not MISSING:
                    val = f.default
                elif f.default_factory is not MISSING:
                    val = f.default_factory()
                else:
                    raise TypeError("%s.__init__() missing 1 required positional argument: '%s'"
                                    % (cls.__qualname__, f.name))
                object.__setattr__(self, f.name, val)
            if kwargs:
                raise TypeError("__init__() got an unexpected keyword argument '%s'" % next(iter(kwargs)))
            post = getattr(self, "__post_init__", None)
            if post is not None:
                post()
        __init__.__qualname__ = cls.__qualname__ + ".__init__"
        cls.__init__ = __init__

    if repr_ and "__repr__" not in cls.__dict__:
        def __repr__(self):
            return "%s(%s)" % (type(self).__qualname__, ", ".join(
                "%s=%r" % (f.name, getattr(self, f.name)) for f in fs if f.repr))
        cls.__repr__ = __repr__

    cmp_fields = [f for f in fs if f.compare]
    if eq and "__eq__" not in cls.__dict__:
        def __eq__(self, other):
            if other.__class__ is self.__class__:
                return _tuple(self, cmp_fields) == _tuple(other, cmp_fields)
            return NotImplemented
        cls.__eq__ = __eq__

    if order:
        def mk(op):
            def cmp(self, other):
                if other.__class__ is self.__class__:
                    return op(_tuple(self, cmp_fields), _tuple(other, cmp_fields))
                return NotImplemented
            return cmp
        cls.__lt__ = mk(lambda a, b: a < b)
        cls.__le__ = mk(lambda a, b: a <= b)
        cls.__gt__ = mk(lambda a, b: a > b)
        cls.__ge__ = mk(lambda a, b: a >= b)

    if frozen:
        def __setattr__(self, name, value):
            raise FrozenInstanceError("cannot assign to field '%s'" % name)

        def __delattr__(self, name):
            raise FrozenInstanceError("cannot delete field '%s'" % name)
        cls.__setattr__ = __setattr__
        cls.__delattr__ = __delattr__

    hash_fields = [f for f in fs if (f.compare if f.hash is None else f.hash)]
    if unsafe_hash or (eq and frozen):
        cls.__hash__ = lambda self: hash(_tuple(self, hash_fields))
    elif eq and "__hash__" not in cls.__dict__:
        cls.__hash__ = None
    return cls


def dataclass(cls=None, /, *, init=True, repr=True, eq=True, order=False, unsafe_hash=False,
              frozen=False, match_args=True, kw_only=False, slots=False):
    def wrap(cls):
        return _process(cls, init, repr, eq, order, unsafe_hash, frozen, kw_only)
    if cls is None:
        return wrap
    return wrap(cls)


class _KwOnlyType:
    pass


KW_ONLY = _KwOnlyType()


def _copy_value(v, factory):
    if is_dataclass(v) and not isinstance(v, type):
        return factory((f.name, _copy_value(getattr(v, f.name), factory)) for f in fields(v)) \
            if factory is not tuple else tuple(_copy_value(getattr(v, f.name), factory) for f in fields(v))
    if isinstance(v, list):
        return [_copy_value(x, factory) for x in v]
    if isinstance(v, tuple):
        return type(v)(_copy_value(x, factory) for x in v)
    if isinstance(v, dict):
        return {_copy_value(k, factory): _copy_value(x, factory) for k, x in v.items()}
    return v


def asdict(obj, *, dict_factory=dict):
    if not is_dataclass(obj) or isinstance(obj, type):
        raise TypeError("asdict() should be called on dataclass instances")
    return dict_factory((f.name, _copy_value(getattr(obj, f.name), dict_factory)) for f in fields(obj))


def astuple(obj, *, tuple_factory=tuple):
    if not is_dataclass(obj) or isinstance(obj, type):
        raise TypeError("astuple() should be called on dataclass instances")
    return tuple_factory(_copy_value(getattr(obj, f.name), tuple) for f in fields(obj))


def replace(obj, /, **changes):
    for f in fields(obj):
        if f.init and f.name not in changes:
            changes[f.name] = getattr(obj, f.name)
    return obj.__class__(**changes)


def make_dataclass(cls_name, fields_, *, bases=(), namespace=None, **kw):
    ns = dict(namespace or {})
    anns = {}
    for item in fields_:
        if isinstance(item, str):
            anns[item] = "typing.Any"
        elif len(item) == 2:
            anns[item[0]] = item[1]
        else:
            anns[item[0]] = item[1]
            ns[item[0]] = item[2]
    ns["__annotations__"] = anns
    return dataclass(type(cls_name, bases, ns), **kw)
