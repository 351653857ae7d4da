"""Higher-order functions and operations on callables."""

WRAPPER_ASSIGNMENTS = ("__module__", "__name__", "__qualname__", "__doc__")
WRAPPER_UPDATES = ("__dict__",)


def update_wrapper(wrapper, wrapped, assigned=WRAPPER_ASSIGNMENTS, updated=WRAPPER_UPDATES):
    for attr in assigned:
        try:
            value = getattr(wrapped, attr)
        except AttributeError:
            continue
        try:
            setattr(wrapper, attr, value)
        except (AttributeError, TypeError):
            pass
    for attr in updated:
        try:
            getattr(wrapper, attr).update(getattr(wrapped, attr, {}))
        except (AttributeError, TypeError):
            pass
    try:
        wrapper.__wrapped__ = wrapped
    except (AttributeError, TypeError):
        pass
    return wrapper


def wraps(wrapped, assigned=WRAPPER_ASSIGNMENTS, updated=WRAPPER_UPDATES):
    def deco(wrapper):
        return update_wrapper(wrapper, wrapped, assigned, updated)
    return deco


class partial:
    """New function with partial application of the given arguments and keywords."""

    def __init__(self, func, *args, **keywords):
        if not callable(func):
            raise TypeError("the first argument must be callable")
        if isinstance(func, partial):
            args = func.args + args
            keywords = {**func.keywords, **keywords}
            func = func.func
        self.func = func
        self.args = args
        self.keywords = keywords

    def __call__(self, *args, **keywords):
        return self.func(*self.args, *args, **{**self.keywords, **keywords})

    def __repr__(self):
        parts = [repr(self.func)]
        parts.extend(repr(a) for a in self.args)
        parts.extend("%s=%r" % (k, v) for k, v in self.keywords.items())
        return "functools.partial(%s)" % ", ".join(parts)

    def __get__(self, obj, objtype=None):
        return self


_initial_missing = object()


def reduce(function, iterable, initial=_initial_missing):
    it = iter(iterable)
    if initial is _initial_missing:
        try:
            value = next(it)
        except StopIteration:
            raise TypeError("reduce() of empty iterable with no initial value") from None
    else:
        value = initial
    for element in it:
        value = function(value, element)
    return value


class _CacheInfo(tuple):
    def __new__(cls, hits, misses, maxsize, currsize):
        return tuple.__new__(cls, (hits, misses, maxsize, currsize))

    hits = property(lambda self: self[0])
    misses = property(lambda self: self[1])
    maxsize = property(lambda self: self[2])
    currsize = property(lambda self: self[3])

    def __repr__(self):
        return "CacheInfo(hits=%r, misses=%r, maxsize=%r, currsize=%r)" % tuple(self)


def _make_key(args, kwds, typed):
    key = args
    if kwds:
        key += (_kwd_mark,)
        for item in kwds.items():
            key += item
    if typed:
        key += tuple(type(v) for v in args)
        if kwds:
            key += tuple(type(v) for v in kwds.values())
    return key


_kwd_mark = object()


def lru_cache(maxsize=128, typed=False):
    if callable(maxsize) and not isinstance(maxsize, int):
        return lru_cache(128, typed)(maxsize)
    if maxsize is not None and maxsize < 0:
        maxsize = 0

    def decorating(func):
        cache = {}
        stats = [0, 0]

        def wrapper(*args, **kwds):
            key = _make_key(args, kwds, typed)
            if key in cache:
                stats[0] += 1
                result = cache.pop(key)
                cache[key] = result
                return result
            stats[1] += 1
            result = func(*args, **kwds)
            if maxsize != 0:
                if key in cache:
                    cache.pop(key)
                elif maxsize is not None and len(cache) >= maxsize:
                    del cache[next(iter(cache))]
                cache[key] = result
            return result

        def cache_info():
            return _CacheInfo(stats[0], stats[1], maxsize, len(cache))

        def cache_clear():
            cache.clear()
            stats[0] = stats[1] = 0

        wrapper.cache_info = cache_info
        wrapper.cache_clear = cache_clear
        return update_wrapper(wrapper, func)
    return decorating


def cache(user_function):
    return lru_cache(maxsize=None)(user_function)


class cached_property:
    def __init__(self, func):
        self.func = func
        self.attrname = None
        self.__doc__ = getattr(func, "__doc__", None)

    def __set_name__(self, owner, name):
        self.attrname = name

    def __get__(self, instance, owner=None):
        if instance is None:
            return self
        name = self.attrname or self.func.__name__
        d = instance.__dict__
        if name in d:
            return d[name]
        val = self.func(instance)
        d[name] = val
        return val


def total_ordering(cls):
    def has(name):
        m = getattr(cls, name, None)
        return m is not None and m is not getattr(object, name, None)
    roots = [op for op in ("__lt__", "__le__", "__gt__", "__ge__") if has(op)]
    if not roots:
        raise ValueError("must define at least one ordering operation: < > <= >=")
    root = roots[0]

    def nt(r):
        return NotImplemented if r is NotImplemented else not r

    if root == "__lt__":
        new = {"__gt__": lambda s, o: NotImplemented if (r := s.__lt__(o)) is NotImplemented else (not r and s != o),
               "__le__": lambda s, o: NotImplemented if (r := s.__lt__(o)) is NotImplemented else (r or s == o),
               "__ge__": lambda s, o: nt(s.__lt__(o))}
    elif root == "__le__":
        new = {"__ge__": lambda s, o: NotImplemented if (r := s.__le__(o)) is NotImplemented else (not r or s == o),
               "__lt__": lambda s, o: NotImplemented if (r := s.__le__(o)) is NotImplemented else (r and s != o),
               "__gt__": lambda s, o: nt(s.__le__(o))}
    elif root == "__gt__":
        new = {"__lt__": lambda s, o: NotImplemented if (r := s.__gt__(o)) is NotImplemented else (not r and s != o),
               "__ge__": lambda s, o: NotImplemented if (r := s.__gt__(o)) is NotImplemented else (r or s == o),
               "__le__": lambda s, o: nt(s.__gt__(o))}
    else:
        new = {"__le__": lambda s, o: NotImplemented if (r := s.__ge__(o)) is NotImplemented else (not r or s == o),
               "__gt__": lambda s, o: NotImplemented if (r := s.__ge__(o)) is NotImplemented else (r and s != o),
               "__lt__": lambda s, o: nt(s.__ge__(o))}
    for name, fn in new.items():
        if name not in roots:
            fn.__name__ = name
            setattr(cls, name, fn)
    return cls


def cmp_to_key(mycmp):
    class K:
        __slots__ = ("obj",)

        def __init__(self, obj):
            self.obj = obj

        def __lt__(self, other):
            return mycmp(self.obj, other.obj) < 0

        def __gt__(self, other):
            return mycmp(self.obj, other.obj) > 0

        def __eq__(self, other):
            return mycmp(self.obj, other.obj) == 0

        def __le__(self, other):
            return mycmp(self.obj, other.obj) <= 0

        def __ge__(self, other):
            return mycmp(self.obj, other.obj) >= 0

        __hash__ = None
    return K


def singledispatch(func):
    registry = {object: func}

    def dispatch(cls):
        for c in cls.__mro__:
            if c in registry:
                return registry[c]
        return func

    def register(cls, f=None):
        if f is None:
            if isinstance(cls, type):
                return lambda f: register(cls, f)
            f = cls
            cls = list(f.__annotations__.values())[0]
        registry[cls] = f
        return f

    def wrapper(*args, **kw):
        return dispatch(args[0].__class__)(*args, **kw)

    wrapper.register = register
    wrapper.dispatch = dispatch
    wrapper.registry = registry
    return update_wrapper(wrapper, func)
