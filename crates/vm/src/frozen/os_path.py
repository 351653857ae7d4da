# os.path for ferropy: POSIX path manipulation over os.stat and os.getcwd.
import os

sep = "/"
curdir = "."
pardir = ".."
extsep = "."


def normcase(s):
    return s


def isabs(s):
    return s.startswith("/")


def join(a, *p):
    path = a
    for b in p:
        if b.startswith("/"):
            path = b
        elif not path or path.endswith("/"):
            path += b
        else:
            path += "/" + b
    return path


def split(p):
    i = p.rfind("/") + 1
    head, tail = p[:i], p[i:]
    if head and head != "/" * len(head):
        head = head.rstrip("/")
    return head, tail


def splitext(p):
    sep_i = p.rfind("/")
    dot_i = p.rfind(".")
    if dot_i > sep_i:
        f = sep_i + 1
        while f < dot_i:
            if p[f] != ".":
                return p[:dot_i], p[dot_i:]
            f += 1
    return p, p[:0]


def basename(p):
    return p[p.rfind("/") + 1 :]


def dirname(p):
    return split(p)[0]


def normpath(path):
    if not path:
        return "."
    initial = 1 if path.startswith("/") else 0
    if initial and path.startswith("//") and not path.startswith("///"):
        initial = 2
    comps = []
    for comp in path.split("/"):
        if comp in ("", "."):
            continue
        if comp != ".." or (not initial and not comps) or (comps and comps[-1] == ".."):
            comps.append(comp)
        elif comps:
            comps.pop()
    path = "/".join(comps)
    if initial:
        path = "/" * initial + path
    return path or "."


def abspath(path):
    if not isabs(path):
        path = join(os.getcwd(), path)
    return normpath(path)


def realpath(path):
    return abspath(path)


def exists(path):
    try:
        os.stat(path)
    except OSError:
        return False
    return True


lexists = exists


def isdir(path):
    try:
        return os.stat(path)[0] & 0o170000 == 0o040000
    except OSError:
        return False


def isfile(path):
    try:
        return os.stat(path)[0] & 0o170000 == 0o100000
    except OSError:
        return False


def islink(path):
    return False


def getsize(path):
    return os.stat(path)[6]


def getmtime(path):
    return os.stat(path)[8]


def expanduser(path):
    if path[:1] != "~":
        return path
    i = path.find("/", 1)
    if i < 0:
        i = len(path)
    home = os.getenv("HOME")
    if home is None or i != 1:
        return path
    return home.rstrip("/") + path[i:] if home != "/" else (path[i:] or "/")


def commonprefix(m):
    if not m:
        return ""
    s1 = min(m)
    s2 = max(m)
    for i, c in enumerate(s1):
        if c != s2[i]:
            return s1[:i]
    return s1
