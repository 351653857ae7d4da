"""Regular expressions (CPython's re API over the native _re engine)."""

import _re

A = ASCII = 256
I = IGNORECASE = 2
L = LOCALE = 4
M = MULTILINE = 8
S = DOTALL = 16
U = UNICODE = 32
X = VERBOSE = 64
T = TEMPLATE = 1
DEBUG = 128
NOFLAG = 0

_FLAG_NAMES = ((2, "re.IGNORECASE"), (4, "re.LOCALE"), (8, "re.MULTILINE"),
               (16, "re.DOTALL"), (64, "re.VERBOSE"), (256, "re.ASCII"))


class error(Exception):
    """Raised for an invalid regular expression."""

    def __init__(self, msg, pattern=None, pos=None):
        self.msg = msg
        if pattern is not None and pos is not None:
            msg = "%s at position %d" % (msg, pos)
        Exception.__init__(self, msg)
        self.pattern = pattern
        self.pos = pos


PatternError = error


def _empty(s):
    return b"" if isinstance(s, (bytes, bytearray)) else ""


class Match:
    """The result of a successful match."""

    def __init__(self, pattern, string, pos, endpos, slots):
        self.re = pattern
        self.string = string
        self.pos = pos
        self.endpos = endpos
        self.lastindex = slots[0]
        self._s = slots

    def _index(self, g):
        if isinstance(g, int) and not isinstance(g, bool):
            if 0 <= g <= self.re.groups:
                return g
        elif isinstance(g, str):
            i = self.re.groupindex.get(g)
            if i is not None:
                return i
        raise IndexError("no such group")

    def span(self, group=0):
        i = self._index(group)
        return (self._s[1 + 2 * i], self._s[2 + 2 * i])

    def start(self, group=0):
        return self.span(group)[0]

    def end(self, group=0):
        return self.span(group)[1]

    def _group(self, g, default=None):
        a, b = self.span(g)
        if a < 0:
            return default
        return self.string[a:b]

    def group(self, *groups):
        if not groups:
            return self._group(0)
        if len(groups) == 1:
            return self._group(groups[0])
        return tuple(self._group(g) for g in groups)

    def __getitem__(self, g):
        return self._group(g)

    def groups(self, default=None):
        return tuple(self._group(i, default) for i in range(1, self.re.groups + 1))

    def groupdict(self, default=None):
        return {k: self._group(v, default) for k, v in self.re.groupindex.items()}

    @property
    def lastgroup(self):
        if self.lastindex is None:
            return None
        for k, v in self.re.groupindex.items():
            if v == self.lastindex:
                return k
        return None

    @property
    def regs(self):
        return tuple(self.span(i) for i in range(self.re.groups + 1))

    def expand(self, template):
        return _expand(self.re, template)(self)

    def __bool__(self):
        return True

    def __repr__(self):
        return "<re.Match object; span=%r, match=%r>" % (self.span(), self.group())


class Pattern:
    """A compiled regular expression."""

    def __init__(self, pattern, flags):
        if isinstance(flags, Pattern):
            flags = flags.flags
        try:
            self._p = _re.Prog(pattern, flags)
        except ValueError as e:
            msg = str(e)
            pos = None
            k = msg.rfind(" at position ")
            if k >= 0:
                pos = int(msg[k + 13:])
                msg = msg[:k]
            raise error(msg, pattern, pos) from None
        self.pattern = pattern
        self.flags, self.groups, names = self._p.info()
        self.groupindex = dict(names)

    def _make(self, string, pos, endpos, slots):
        return Match(self, string, pos, endpos, slots)

    def _run(self, string, pos, endpos, mode):
        self._check(string)
        n = len(string)
        if endpos is None or endpos > n:
            endpos = n
        if pos < 0:
            pos = 0
        r = _re.exec(self._p, string, pos, endpos, mode)
        if r is None:
            return None
        return Match(self, string, pos, endpos, r)

    def _check(self, string):
        isb = isinstance(string, (bytes, bytearray))
        if isb != isinstance(self.pattern, (bytes, bytearray)):
            if isb:
                raise TypeError("cannot use a string pattern on a bytes-like object")
            raise TypeError("cannot use a bytes pattern on a string-like object")

    def match(self, string, pos=0, endpos=None):
        return self._run(string, pos, endpos, 0)

    def search(self, string, pos=0, endpos=None):
        return self._run(string, pos, endpos, 1)

    def fullmatch(self, string, pos=0, endpos=None):
        return self._run(string, pos, endpos, 2)

    def _scan(self, string, pos=0, endpos=None, count=0):
        self._check(string)
        n = len(string)
        if endpos is None or endpos > n:
            endpos = n
        return _re.scan(self._p, string, pos, endpos, count)

    def finditer(self, string, pos=0, endpos=None):
        for r in self._scan(string, pos, endpos):
            yield Match(self, string, pos, endpos, r)

    def findall(self, string, pos=0, endpos=None):
        out = []
        g = self.groups
        e = _empty(string)
        for r in self._scan(string, pos, endpos):
            if g == 0:
                out.append(string[r[1]:r[2]])
            else:
                items = []
                for i in range(1, g + 1):
                    a = r[1 + 2 * i]
                    items.append(e if a < 0 else string[a:r[2 + 2 * i]])
                out.append(items[0] if g == 1 else tuple(items))
        return out

    def split(self, string, maxsplit=0):
        out = []
        last = 0
        for r in self._scan(string, 0, None, maxsplit if maxsplit > 0 else 0):
            out.append(string[last:r[1]])
            for i in range(1, self.groups + 1):
                a = r[1 + 2 * i]
                out.append(None if a < 0 else string[a:r[2 + 2 * i]])
            last = r[2]
        out.append(string[last:])
        return out

    def subn(self, repl, string, count=0):
        if callable(repl):
            fn = repl
        else:
            fn = _expand(self, repl)
        parts = []
        last = 0
        n = 0
        for r in self._scan(string, 0, None, count if count > 0 else 0):
            parts.append(string[last:r[1]])
            parts.append(fn(Match(self, string, 0, len(string), r)))
            last = r[2]
            n += 1
        parts.append(string[last:])
        return _empty(string).join(parts), n

    def sub(self, repl, string, count=0):
        return self.subn(repl, string, count)[0]

    def __repr__(self):
        fl = self.flags
        if not isinstance(self.pattern, (bytes, bytearray)):
            fl &= ~32
        names = [n for v, n in _FLAG_NAMES if fl & v]
        p = repr(self.pattern)
        if names:
            return "re.compile(%s, %s)" % (p, "|".join(names))
        return "re.compile(%s)" % p

    def __eq__(self, other):
        return (isinstance(other, Pattern) and self.pattern == other.pattern
                and self.flags == other.flags)

    def __hash__(self):
        return hash((self.pattern, self.flags))


_ESC = {"n": "\n", "t": "\t", "r": "\r", "f": "\f", "v": "\v", "a": "\a", "b": "\b", "\\": "\\"}


def _expand(pattern, template):
    """Parse a replacement template into a function of a match."""
    isb = isinstance(template, (bytes, bytearray))
    t = template.decode("latin-1") if isb else template
    items = []
    lit = []
    i = 0
    n = len(t)
    while i < n:
        c = t[i]
        if c != "\\":
            lit.append(c)
            i += 1
            continue
        i += 1
        if i >= n:
            raise error("bad escape (end of pattern)", template, i - 1)
        c = t[i]
        if c == "g":
            j = t.find(">", i)
            if i + 1 >= n or t[i + 1] != "<":
                raise error("missing <", template, i + 1)
            if j < 0:
                raise error("missing >, unterminated name", template, i + 2)
            name = t[i + 2:j]
            if not name:
                raise error("missing group name", template, i + 2)
            if name.isdigit():
                g = int(name)
                if g > pattern.groups:
                    raise error("invalid group reference %d" % g, template, i + 2)
            else:
                if name not in pattern.groupindex:
                    raise IndexError("unknown group name '%s'" % name)
                g = pattern.groupindex[name]
            items.append("".join(lit))
            lit = []
            items.append(g)
            i = j + 1
        elif c.isdigit():
            j = i + 1
            if c == "0" or (j + 1 < n and t[j] in "01234567" and t[j + 1] in "01234567"
                            and c in "01234567"):
                k = i
                while k < n and k < i + 3 and t[k] in "01234567":
                    k += 1
                lit.append(chr(int(t[i:k], 8)))
                i = k
                continue
            if j < n and t[j].isdigit():
                j += 1
            g = int(t[i:j])
            if g > pattern.groups:
                raise error("invalid group reference %d" % g, template, i)
            items.append("".join(lit))
            lit = []
            items.append(g)
            i = j
        elif c in _ESC:
            lit.append(_ESC[c])
            i += 1
        elif c.isascii() and c.isalpha():
            raise error("bad escape \\%s" % c, template, i - 1)
        else:
            lit.append("\\" + c)
            i += 1
    items.append("".join(lit))
    if isb:
        items = [x.encode("latin-1") if isinstance(x, str) else x for x in items]
    empty = b"" if isb else ""

    def fn(m):
        out = []
        for x in items:
            if isinstance(x, int):
                v = m.group(x)
                if v is not None:
                    out.append(v)
            else:
                out.append(x)
        return empty.join(out)
    return fn


_cache = {}


def compile(pattern, flags=0):
    if isinstance(pattern, Pattern):
        if flags:
            raise ValueError("cannot process flags argument with a compiled pattern")
        return pattern
    if not isinstance(pattern, (str, bytes, bytearray)):
        raise TypeError("first argument must be string or compiled pattern")
    key = (type(pattern), pattern, flags)
    p = _cache.get(key)
    if p is None:
        if len(_cache) >= 512:
            _cache.clear()
        p = Pattern(pattern, flags)
        _cache[key] = p
    return p


def purge():
    _cache.clear()


def match(pattern, string, flags=0):
    return compile(pattern, flags).match(string)


def search(pattern, string, flags=0):
    return compile(pattern, flags).search(string)


def fullmatch(pattern, string, flags=0):
    return compile(pattern, flags).fullmatch(string)


def findall(pattern, string, flags=0):
    return compile(pattern, flags).findall(string)


def finditer(pattern, string, flags=0):
    return compile(pattern, flags).finditer(string)


def split(pattern, string, maxsplit=0, flags=0):
    return compile(pattern, flags).split(string, maxsplit)


def sub(pattern, repl, string, count=0, flags=0):
    return compile(pattern, flags).sub(repl, string, count)


def subn(pattern, repl, string, count=0, flags=0):
    return compile(pattern, flags).subn(repl, string, count)


_SPECIAL = frozenset("()[]{}?*+-|^$\\.&~# \t\n\r\v\f")


def escape(pattern):
    if isinstance(pattern, (bytes, bytearray)):
        return escape(pattern.decode("latin-1")).encode("latin-1")
    return "".join("\\" + c if c in _SPECIAL else c for c in pattern)
