"""Object-oriented filesystem paths (POSIX flavour) over the os module."""

try:
    import os
except ImportError:
    os = None


class PurePath:
    """A path; operations that need no filesystem access."""

    def __init__(self, *args):
        parts = []
        for a in args:
            if isinstance(a, PurePath):
                a = str(a)
            elif hasattr(a, "__fspath__"):
                a = a.__fspath__()
            if not isinstance(a, str):
                raise TypeError("argument should be a str or an os.PathLike object, not %r"
                                % type(a).__name__)
            if a.startswith("/"):
                parts = ["/"]
            for p in a.split("/"):
                if p and p != ".":
                    parts.append(p)
        self._parts = parts

    @classmethod
    def _from_parts(cls, parts):
        p = cls.__new__(cls)
        p._parts = list(parts)
        return p

    def __str__(self):
        if not self._parts:
            return "."
        if self._parts[0] == "/":
            return "/" + "/".join(self._parts[1:])
        return "/".join(self._parts)

    def __fspath__(self):
        return str(self)

    def __repr__(self):
        name = type(self).__name__
        name = {"PurePath": "PurePosixPath", "Path": "PosixPath"}.get(name, name)
        return "%s(%r)" % (name, str(self))

    def __eq__(self, other):
        return isinstance(other, PurePath) and self._parts == other._parts

    def __hash__(self):
        return hash(str(self))

    def __lt__(self, other):
        return self._parts < other._parts

    def __truediv__(self, other):
        return type(self)(self, other)

    def __rtruediv__(self, other):
        return type(self)(other, self)

    @property
    def parts(self):
        return tuple(self._parts)

    @property
    def anchor(self):
        return "/" if self._parts[:1] == ["/"] else ""

    root = anchor
    drive = ""

    @property
    def name(self):
        if not self._parts or self._parts == ["/"]:
            return ""
        return self._parts[-1]

    @property
    def suffix(self):
        n = self.name
        i = n.rfind(".")
        return n[i:] if 0 < i < len(n) - 1 else ""

    @property
    def suffixes(self):
        n = self.name
        if n.endswith("."):
            return []
        n = n.lstrip(".")
        return ["." + s for s in n.split(".")[1:]]

    @property
    def stem(self):
        n = self.name
        i = n.rfind(".")
        return n[:i] if 0 < i < len(n) - 1 else n

    @property
    def parent(self):
        if not self._parts or self._parts == ["/"]:
            return self
        return self._from_parts(self._parts[:-1])

    @property
    def parents(self):
        out = []
        p = self
        while True:
            q = p.parent
            if q == p:
                break
            out.append(q)
            p = q
        return tuple(out)

    def is_absolute(self):
        return self._parts[:1] == ["/"]

    def joinpath(self, *others):
        return type(self)(self, *others)

    def with_name(self, name):
        if not self.name:
            raise ValueError("%r has an empty name" % (self,))
        return self._from_parts(self._parts[:-1] + [name])

    def with_suffix(self, suffix):
        if suffix and not suffix.startswith("."):
            raise ValueError("Invalid suffix %r" % suffix)
        return self.with_name(self.stem + suffix)

    def with_stem(self, stem):
        return self.with_name(stem + self.suffix)

    def relative_to(self, other):
        other = PurePath(other)
        n = len(other._parts)
        if self._parts[:n] != other._parts:
            raise ValueError("%r is not in the subpath of %r" % (str(self), str(other)))
        return self._from_parts(self._parts[n:])

    def is_relative_to(self, other):
        try:
            self.relative_to(other)
            return True
        except ValueError:
            return False

    def as_posix(self):
        return str(self)

    def match(self, pattern):
        pat = PurePath(pattern)._parts
        if len(pat) > len(self._parts):
            return False
        return all(_fnmatch(a, b) for a, b in zip(reversed(self._parts), reversed(pat)))


PurePosixPath = PurePath


def _fnmatch(name, pat):
    """Shell-style match supporting *, ? and [...]."""
    import re
    out = []
    i = 0
    while i < len(pat):
        c = pat[i]
        if c == "*":
            out.append(".*")
        elif c == "?":
            out.append(".")
        elif c == "[":
            j = pat.find("]", i + 1)
            if j < 0:
                out.append("\\[")
            else:
                body = pat[i + 1:j]
                if body.startswith("!"):
                    body = "^" + body[1:]
                out.append("[" + body + "]")
                i = j
        else:
            out.append(re.escape(c))
        i += 1
    return re.fullmatch("".join(out), name, re.S) is not None


_S_IFDIR = 0o040000
_S_IFREG = 0o100000


class Path(PurePath):
    """A concrete path with filesystem operations."""

    @classmethod
    def cwd(cls):
        return cls(os.getcwd())

    @classmethod
    def home(cls):
        return cls(os.getenv("HOME", "/") if hasattr(os, "getenv") else "/")

    def stat(self):
        return os.stat(str(self))

    def exists(self):
        try:
            os.stat(str(self))
            return True
        except OSError:
            return False

    def _mode(self):
        try:
            return os.stat(str(self))[0]
        except OSError:
            return 0

    def is_dir(self):
        return self._mode() & 0o170000 == _S_IFDIR

    def is_file(self):
        return self._mode() & 0o170000 == _S_IFREG

    def iterdir(self):
        for n in sorted(os.listdir(str(self))):
            yield self / n

    def glob(self, pattern):
        pat = PurePath(pattern)._parts
        results = [self]
        for k, part in enumerate(pat):
            nxt = []
            for base in results:
                if part == "**":
                    nxt.extend(base._walk_dirs())
                    continue
                if not base.is_dir():
                    continue
                for n in sorted(os.listdir(str(base))):
                    if _fnmatch(n, part) and (not n.startswith(".") or part.startswith(".")):
                        nxt.append(base / n)
            results = nxt
        for r in results:
            yield r

    def rglob(self, pattern):
        return self.glob("**/" + pattern)

    def _walk_dirs(self):
        out = [self]
        for n in sorted(os.listdir(str(self))):
            p = self / n
            if p.is_dir():
                out.extend(p._walk_dirs())
        return out

    def mkdir(self, mode=0o777, parents=False, exist_ok=False):
        try:
            os.mkdir(str(self))
        except OSError:
            if parents and not self.parent.exists() and self.parent != self:
                self.parent.mkdir(parents=True, exist_ok=True)
                self.mkdir(mode, parents=False, exist_ok=exist_ok)
                return
            if not exist_ok or not self.is_dir():
                raise

    def rmdir(self):
        os.rmdir(str(self))

    def unlink(self, missing_ok=False):
        try:
            os.remove(str(self))
        except OSError:
            if not missing_ok:
                raise

    def rename(self, target):
        os.rename(str(self), str(target))
        return type(self)(target)

    def replace(self, target):
        return self.rename(target)

    def touch(self, mode=0o666, exist_ok=True):
        if self.exists():
            if not exist_ok:
                raise FileExistsError("[Errno 17] File exists: %r" % str(self))
            return
        open(str(self), "a").close()

    def open(self, mode="r", buffering=-1, encoding=None, errors=None, newline=None):
        if "b" in mode or encoding is None:
            return open(str(self), mode)
        return open(str(self), mode, encoding=encoding)

    def read_text(self, encoding=None, errors=None):
        with self.open("r", encoding=encoding) as f:
            return f.read()

    def write_text(self, data, encoding=None, errors=None, newline=None):
        if not isinstance(data, str):
            raise TypeError("data must be str, not %s" % type(data).__name__)
        with self.open("w", encoding=encoding) as f:
            return f.write(data)

    def read_bytes(self):
        with self.open("rb") as f:
            return f.read()

    def write_bytes(self, data):
        with self.open("wb") as f:
            return f.write(bytes(data))

    def absolute(self):
        if self.is_absolute():
            return self
        return type(self)(os.getcwd(), self)

    def resolve(self, strict=False):
        p = self.absolute()
        parts = []
        for part in p._parts:
            if part == "..":
                if len(parts) > 1:
                    parts.pop()
            else:
                parts.append(part)
        return self._from_parts(parts)

    def samefile(self, other):
        return self.resolve() == Path(other).resolve()

    def expanduser(self):
        if self._parts[:1] == ["~"]:
            return Path.home().joinpath(*self._parts[1:])
        return self


PosixPath = Path
