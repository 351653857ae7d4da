"""Enumerations (Enum, IntEnum, Flag, IntFlag, auto)."""


class auto:
    """Instances are replaced with an appropriate value in Enum class suites."""
    _counter = 0

    def __init__(self):
        auto._counter += 1
        self._order = auto._counter
        self.value = None


class EnumMeta(type):
    """Metaclass for Enum."""

    def __new__(mcls, name, bases, namespace, **kw):
        members = []
        plain = {}
        for k, v in list(namespace.items()):
            if k.startswith("_") or callable(v) and not isinstance(v, auto) \
                    or isinstance(v, (classmethod, staticmethod, property)):
                plain[k] = v
            else:
                members.append((k, v))
        cls = super().__new__(mcls, name, bases, plain)
        cls._member_map_ = {}
        cls._member_names_ = []
        cls._value2member_map_ = {}
        base_type = None
        for b in cls.__mro__[1:]:
            if b in (int, str, float):
                base_type = b
                break
        last = None
        for k, v in members:
            if isinstance(v, auto):
                v = cls._generate_next_value_(k, 1, len(cls._member_names_), [last] if last is not None else [])
            if v in cls._value2member_map_ and not isinstance(v, auto):
                alias = cls._value2member_map_[v]
                cls._member_map_[k] = alias
                type.__setattr__(cls, k, alias)
                continue
            args = v if isinstance(v, tuple) and base_type is None and "__init__" in plain else (v,)
            if base_type is not None:
                m = base_type.__new__(cls, v)
            else:
                m = object.__new__(cls)
            m._name_ = k
            m._value_ = v
            if "__init__" in plain:
                m.__init__(*args)
            cls._member_map_[k] = m
            cls._member_names_.append(k)
            cls._value2member_map_[v] = m
            type.__setattr__(cls, k, m)
            last = v
        return cls

    def __call__(cls, value, *args, **kw):
        if args or kw:
            raise TypeError("functional Enum API is not supported")
        if isinstance(value, cls):
            return value
        try:
            return cls._value2member_map_[value]
        except (KeyError, TypeError):
            pass
        r = cls._missing_(value)
        if r is not None:
            return r
        raise ValueError("%r is not a valid %s" % (value, cls.__qualname__))

    def __getitem__(cls, name):
        return cls._member_map_[name]

    def __iter__(cls):
        return (cls._member_map_[n] for n in cls._member_names_)

    def __reversed__(cls):
        return (cls._member_map_[n] for n in reversed(cls._member_names_))

    def __len__(cls):
        return len(cls._member_names_)

    def __contains__(cls, member):
        if isinstance(member, cls):
            return True
        return member in cls._value2member_map_

    @property
    def __members__(cls):
        return dict(cls._member_map_)

    def __setattr__(cls, name, value):
        if name in cls.__dict__.get("_member_map_", {}):
            raise AttributeError("cannot reassign member %r" % name)
        type.__setattr__(cls, name, value)

    def __repr__(cls):
        return "<enum %r>" % cls.__name__


class Enum(metaclass=EnumMeta):
    """Generic enumeration."""

    @staticmethod
    def _generate_next_value_(name, start, count, last_values):
        for v in reversed(last_values):
            try:
                return v + 1
            except TypeError:
                pass
        return start + count if not last_values else start

    @classmethod
    def _missing_(cls, value):
        return None

    @property
    def name(self):
        return self._name_

    @property
    def value(self):
        return self._value_

    def __repr__(self):
        return "<%s.%s: %r>" % (type(self).__name__, self._name_, self._value_)

    def __str__(self):
        return "%s.%s" % (type(self).__name__, self._name_)

    def __format__(self, spec):
        return format(str(self), spec)

    def __hash__(self):
        return hash(self._name_)

    def __reduce_ex__(self, proto):
        return type(self), (self._value_,)

    def __copy__(self):
        return self

    def __deepcopy__(self, memo):
        return self


class ReprEnum(Enum):
    pass


class IntEnum(int, ReprEnum):
    """Enum where members are also ints."""

    def __str__(self):
        return int.__repr__(self._value_)

    def __format__(self, spec):
        return format(self._value_, spec)

    __hash__ = Enum.__hash__
    __repr__ = Enum.__repr__

    def __eq__(self, other):
        return int(self._value_) == other

    def __lt__(self, other):
        return int(self._value_) < other


class StrEnum(str, ReprEnum):
    """Enum where members are also strs."""

    def __str__(self):
        return self._value_

    def __format__(self, spec):
        return format(self._value_, spec)

    __hash__ = Enum.__hash__
    __repr__ = Enum.__repr__

    @staticmethod
    def _generate_next_value_(name, start, count, last_values):
        return name.lower()


class Flag(Enum):
    """Enum supporting bitwise operations."""

    @staticmethod
    def _generate_next_value_(name, start, count, last_values):
        if not last_values:
            return 1
        high = max(last_values)
        return 1 << high.bit_length()

    @classmethod
    def _missing_(cls, value):
        if not isinstance(value, int):
            return None
        allbits = 0
        for m in cls:
            allbits |= m._value_
        if value & ~allbits:
            return None
        m = object.__new__(cls) if not issubclass(cls, int) else int.__new__(cls, value)
        names = [x._name_ for x in cls if x._value_ and x._value_ & value == x._value_]
        m._name_ = "|".join(names) if names else None
        m._value_ = value
        return m

    def __or__(self, other):
        return type(self)(self._value_ | other._value_)

    def __and__(self, other):
        return type(self)(self._value_ & other._value_)

    def __xor__(self, other):
        return type(self)(self._value_ ^ other._value_)

    def __invert__(self):
        allbits = 0
        for m in type(self):
            allbits |= m._value_
        return type(self)(allbits & ~self._value_)

    def __contains__(self, other):
        return other._value_ & self._value_ == other._value_

    def __bool__(self):
        return bool(self._value_)

    def __iter__(self):
        return (m for m in type(self) if m._value_ and m._value_ & self._value_ == m._value_)

    def __len__(self):
        return sum(1 for _ in self)

    def __hash__(self):
        return hash(self._value_)

    def __eq__(self, other):
        if isinstance(other, Flag):
            return self._value_ == other._value_
        return NotImplemented


class IntFlag(int, Flag):
    """Flag where members are also ints."""

    def __str__(self):
        return int.__repr__(self._value_)

    def __or__(self, other):
        return type(self)(self._value_ | int(other))

    def __and__(self, other):
        return type(self)(self._value_ & int(other))

    __hash__ = Flag.__hash__
    __repr__ = Enum.__repr__

    def __eq__(self, other):
        return int(self._value_) == other


def unique(enumeration):
    dups = [(n, m.name) for n, m in enumeration.__members__.items() if n != m.name]
    if dups:
        raise ValueError("duplicate values found in %r: %s" % (
            enumeration, ", ".join("%s -> %s" % d for d in dups)))
    return enumeration
