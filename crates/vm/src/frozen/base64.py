"""Base16, Base32, Base64 data encodings (pure Python)."""

_B64 = b"ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/"
_B32 = b"ABCDEFGHIJKLMNOPQRSTUVWXYZ234567"


class Error(ValueError):
    pass


def _bytes(s):
    if isinstance(s, str):
        try:
            return s.encode("ascii")
        except UnicodeEncodeError:
            raise ValueError("string argument should contain only ASCII characters") from None
    if isinstance(s, (bytes, bytearray)):
        return bytes(s)
    try:
        return bytes(memoryview(s))
    except TypeError:
        raise TypeError("argument should be a bytes-like object or ASCII string, not '%s'"
                        % type(s).__name__) from None


def _need_bytes(s):
    if not isinstance(s, (bytes, bytearray)):
        raise TypeError("a bytes-like object is required, not '%s'" % type(s).__name__)
    return s


def b64encode(s, altchars=None):
    s = _need_bytes(s)
    out = bytearray()
    a = _B64
    n = len(s)
    for i in range(0, n - 2, 3):
        v = (s[i] << 16) | (s[i + 1] << 8) | s[i + 2]
        out += bytes((a[v >> 18], a[(v >> 12) & 63], a[(v >> 6) & 63], a[v & 63]))
    r = n % 3
    if r == 1:
        v = s[n - 1] << 16
        out += bytes((a[v >> 18], a[(v >> 12) & 63], 61, 61))
    elif r == 2:
        v = (s[n - 2] << 16) | (s[n - 1] << 8)
        out += bytes((a[v >> 18], a[(v >> 12) & 63], a[(v >> 6) & 63], 61))
    out = bytes(out)
    if altchars is not None:
        altchars = _bytes(altchars)
        out = out.replace(b"+", altchars[0:1]).replace(b"/", altchars[1:2])
    return out


_DEC = {c: i for i, c in enumerate(_B64)}


def b64decode(s, altchars=None, validate=False):
    s = _bytes(s)
    if altchars is not None:
        altchars = _bytes(altchars)
        s = s.replace(altchars[0:1], b"+").replace(altchars[1:2], b"/")
    if validate:
        body = s.rstrip(b"=")
        for c in body:
            if c not in _DEC:
                raise Error("Only base64 data is allowed")
        if len(s) % 4:
            raise Error("Incorrect padding")
    vals = []
    pad = False
    for c in s:
        if c == 61:
            pad = True
            continue
        if c in _DEC:
            if pad and validate:
                raise Error("Discontinuous padding not allowed")
            vals.append(_DEC[c])
    if len(vals) % 4 == 1:
        raise Error("Invalid base64-encoded string: number of data characters (%d) cannot be 1 more than a multiple of 4" % len(vals))
    out = bytearray()
    for i in range(0, len(vals), 4):
        chunk = vals[i:i + 4]
        v = 0
        for x in chunk:
            v = (v << 6) | x
        v <<= 6 * (4 - len(chunk))
        b = bytes(((v >> 16) & 255, (v >> 8) & 255, v & 255))
        out += b[:len(chunk) - 1]
    if len(vals) % 4:
        have = s.count(b"=")
        if have < (4 - len(vals) % 4):
            raise Error("Incorrect padding")
    return bytes(out)


def standard_b64encode(s):
    return b64encode(s)


def standard_b64decode(s):
    return b64decode(s)


def urlsafe_b64encode(s):
    return b64encode(s).replace(b"+", b"-").replace(b"/", b"_")


def urlsafe_b64decode(s):
    return b64decode(_bytes(s).replace(b"-", b"+").replace(b"_", b"/"))


def b32encode(s):
    s = _need_bytes(s)
    out = bytearray()
    for i in range(0, len(s), 5):
        chunk = s[i:i + 5]
        v = int.from_bytes(chunk + bytes(5 - len(chunk)), "big")
        enc = bytes(_B32[(v >> (35 - 5 * k)) & 31] for k in range(8))
        keep = {1: 2, 2: 4, 3: 5, 4: 7, 5: 8}[len(chunk)]
        out += enc[:keep] + b"=" * (8 - keep)
    return bytes(out)


def b32decode(s, casefold=False):
    s = _bytes(s)
    if casefold:
        s = s.upper()
    if len(s) % 8:
        raise Error("Incorrect padding")
    out = bytearray()
    for i in range(0, len(s), 8):
        chunk = s[i:i + 8]
        body = chunk.rstrip(b"=")
        v = 0
        for c in body:
            k = _B32.find(bytes((c,)))
            if k < 0:
                raise Error("Non-base32 digit found")
            v = (v << 5) | k
        v <<= 5 * (8 - len(body))
        nbytes = {8: 5, 7: 4, 5: 3, 4: 2, 2: 1, 0: 0}.get(len(body))
        if nbytes is None:
            raise Error("Incorrect padding")
        out += v.to_bytes(5, "big")[:nbytes]
    return bytes(out)


def b16encode(s):
    return _need_bytes(s).hex().upper().encode("ascii")


def b16decode(s, casefold=False):
    s = _bytes(s)
    if casefold:
        s = s.upper()
    for c in s:
        if c not in b"0123456789ABCDEF":
            raise Error("Non-base16 digit found")
    if len(s) % 2:
        raise Error("Odd-length string")
    return bytes.fromhex(s.decode("ascii"))


def encodebytes(s):
    s = _need_bytes(s)
    out = bytearray()
    for i in range(0, len(s), 57):
        out += b64encode(s[i:i + 57]) + b"\n"
    return bytes(out)


def decodebytes(s):
    return b64decode(s)
