"""Shallow and deep copy operations."""


class Error(Exception):
    pass


error = Error
_atomic = (type(None), int, float, bool, complex, str, bytes, type, range,
           type(len), type(Ellipsis), type(NotImplemented), frozenset)


def copy(x):
    cls = type(x)
    if cls in _atomic or isinstance(x, type):
        return x
    if cls is list:
        return x[:]
    if cls is dict:
        return x.copy()
    if cls is set:
        return x.copy()
    if cls is tuple:
        return x
    if cls is bytearray:
        return bytearray(x)
    cp = getattr(cls, "__copy__", None)
    if cp is not None:
        return cp(x)
    return _reconstruct(x, None)


def _reconstruct(x, memo):
    cls = type(x)
    if hasattr(x, "__reduce_ex__") and cls.__module__ != "builtins" or hasattr(x, "__dict__"):
        y = cls.__new__(cls)
        if memo is not None:
            memo[id(x)] = y
        state = getattr(x, "__dict__", None)
        if hasattr(x, "__getstate__") and hasattr(cls, "__getstate__") and cls.__getstate__ is not getattr(object, "__getstate__", None):
            state = x.__getstate__()
        if state is not None:
            if memo is not None:
                state = deepcopy(state, memo)
            if hasattr(y, "__setstate__"):
                y.__setstate__(state)
            else:
                y.__dict__.update(state)
        slots = []
        for c in cls.__mro__:
            s = c.__dict__.get("__slots__", ())
            if isinstance(s, str):
                s = (s,)
            slots.extend(s)
        for name in slots:
            if name in ("__dict__", "__weakref__"):
                continue
            try:
                v = getattr(x, name)
            except AttributeError:
                continue
            setattr(y, name, v if memo is None else deepcopy(v, memo))
        return y
    raise Error("un(shallow)copyable object of type %s" % cls)


def deepcopy(x, memo=None, _nil=[]):
    if memo is None:
        memo = {}
    d = id(x)
    y = memo.get(d, _nil)
    if y is not _nil:
        return y
    cls = type(x)
    if cls in _atomic or isinstance(x, type):
        return x
    if cls is list:
        y = []
        memo[d] = y
        for a in x:
            y.append(deepcopy(a, memo))
    elif cls is dict:
        y = {}
        memo[d] = y
        for k, v in x.items():
            y[deepcopy(k, memo)] = deepcopy(v, memo)
    elif cls is set:
        y = set()
        memo[d] = y
        for a in x:
            y.add(deepcopy(a, memo))
    elif cls is tuple:
        items = [deepcopy(a, memo) for a in x]
        if d in memo:
            return memo[d]
        y = x if all(a is b for a, b in zip(items, x)) else tuple(items)
    elif cls is bytearray:
        y = bytearray(x)
    else:
        cp = getattr(x, "__deepcopy__", None)
        if cp is not None:
            y = cp(memo)
        else:
            y = _reconstruct(x, memo)
    if y is not x:
        memo[d] = y
        memo.setdefault(id(memo), []).append(x)
    return y
