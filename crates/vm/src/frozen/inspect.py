"""Inspect live objects (a small subset)."""

import types as _types


def isclass(obj):
    return isinstance(obj, type)


def isfunction(obj):
    return isinstance(obj, _types.FunctionType)


def ismethod(obj):
    return isinstance(obj, _types.MethodType)


def isbuiltin(obj):
    return isinstance(obj, _types.BuiltinFunctionType)


def isroutine(obj):
    return isfunction(obj) or ismethod(obj) or isbuiltin(obj) or isinstance(obj, type([].append))


def ismodule(obj):
    return isinstance(obj, _types.ModuleType)


def isgenerator(obj):
    return isinstance(obj, _types.GeneratorType)


def iscoroutine(obj):
    return isinstance(obj, _types.CoroutineType)


def _flags(obj):
    code = getattr(obj, "__code__", None)
    return getattr(code, "co_flags", 0) if code is not None else None


def isgeneratorfunction(obj):
    if ismethod(obj):
        obj = obj.__func__
    f = _flags(obj)
    if f is not None:
        return bool(f & 0x20)
    return False


def iscoroutinefunction(obj):
    if ismethod(obj):
        obj = obj.__func__
    f = _flags(obj)
    if f is not None:
        return bool(f & 0x80)
    return False


def isasyncgenfunction(obj):
    f = _flags(obj)
    return bool(f & 0x200) if f is not None else False


def isawaitable(obj):
    return iscoroutine(obj) or hasattr(obj, "__await__")


def isabstract(obj):
    return bool(getattr(obj, "__abstractmethods__", False))


def getmembers(obj, predicate=None):
    results = []
    for key in dir(obj):
        try:
            value = getattr(obj, key)
        except AttributeError:
            continue
        if predicate is None or predicate(value):
            results.append((key, value))
    results.sort(key=lambda kv: kv[0])
    return results


def getmro(cls):
    return cls.__mro__


def getdoc(obj):
    doc = getattr(obj, "__doc__", None)
    if not isinstance(doc, str):
        return None
    return cleandoc(doc)


def cleandoc(doc):
    lines = doc.expandtabs().split("\n")
    margin = None
    for line in lines[1:]:
        content = len(line.lstrip())
        if content:
            indent = len(line) - content
            margin = indent if margin is None else min(margin, indent)
    if lines:
        lines[0] = lines[0].lstrip()
    if margin is not None:
        for i in range(1, len(lines)):
            lines[i] = lines[i][margin:]
    while lines and not lines[-1]:
        lines.pop()
    while lines and not lines[0]:
        lines.pop(0)
    return "\n".join(lines)


class _Empty:
    pass


class Parameter:
    POSITIONAL_ONLY = 0
    POSITIONAL_OR_KEYWORD = 1
    VAR_POSITIONAL = 2
    KEYWORD_ONLY = 3
    VAR_KEYWORD = 4
    empty = _Empty

    def __init__(self, name, kind, default=_Empty, annotation=_Empty):
        self.name = name
        self.kind = kind
        self.default = default
        self.annotation = annotation

    def __str__(self):
        s = self.name
        if self.kind == 2:
            s = "*" + s
        elif self.kind == 4:
            s = "**" + s
        if self.default is not _Empty:
            s += "=" + repr(self.default)
        return s

    def __repr__(self):
        return '<Parameter "%s">' % self


class Signature:
    empty = _Empty

    def __init__(self, parameters=None):
        self.parameters = {p.name: p for p in (parameters or [])}

    def __str__(self):
        parts = []
        kwonly_marked = False
        for p in self.parameters.values():
            if p.kind == 3 and not kwonly_marked:
                parts.append("*")
                kwonly_marked = True
            if p.kind == 2:
                kwonly_marked = True
            parts.append(str(p))
        return "(%s)" % ", ".join(parts)

    def __repr__(self):
        return "<Signature %s>" % self


def signature(obj):
    bound = False
    if ismethod(obj):
        obj = obj.__func__
        bound = True
    code = getattr(obj, "__code__", None)
    if code is None:
        raise ValueError("no signature found for %r" % (obj,))
    n = code.co_argcount
    kwn = getattr(code, "co_kwonlyargcount", 0)
    names = code.co_varnames
    defaults = getattr(obj, "__defaults__", None) or ()
    kwdefaults = getattr(obj, "__kwdefaults__", None) or {}
    params = []
    nd = len(defaults)
    for i in range(n):
        d = defaults[i - (n - nd)] if i >= n - nd else _Empty
        params.append(Parameter(names[i], 1, d))
    idx = n + kwn
    flags = getattr(code, "co_flags", 0)
    if flags & 0x04:
        params.append(Parameter(names[idx], 2))
        idx += 1
    for i in range(n, n + kwn):
        params.append(Parameter(names[i], 3, kwdefaults.get(names[i], _Empty)))
    if flags & 0x08:
        params.append(Parameter(names[idx], 4))
    if bound and params:
        params = params[1:]
    return Signature(params)
