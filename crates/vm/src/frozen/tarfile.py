"""tarfile: read and write tar archives.

Reading follows micropython-lib's API (TarFile(name or fileobj), next(), iteration,
extractfile(), TarInfo with name/size/type) with CPython's names and type codes, and handles
ustar, GNU long names and pax headers. On a seekable file any member can be extracted at any
time; on a stream (e.g. 'r:gz' or a socket) a member's file is readable until the next member is
read. Writing builds ustar archives (pax headers for long names) with addfile() and add().
"""

import builtins
import os

NUL = b"\0"
BLOCKSIZE = 512
RECORDSIZE = BLOCKSIZE * 20
REGTYPE = b"0"
AREGTYPE = b"\0"
LNKTYPE = b"1"
SYMTYPE = b"2"
CHRTYPE = b"3"
BLKTYPE = b"4"
DIRTYPE = b"5"
FIFOTYPE = b"6"
CONTTYPE = b"7"
GNUTYPE_LONGNAME = b"L"
XHDTYPE = b"x"
XGLTYPE = b"g"
USTAR_FORMAT = 0
GNU_FORMAT = 1
PAX_FORMAT = 2
DEFAULT_FORMAT = PAX_FORMAT


class TarError(Exception):
    pass


class ReadError(TarError):
    pass


class CompressionError(TarError):
    pass


class HeaderError(TarError):
    pass


def _nts(b):
    i = b.find(NUL)
    if i >= 0:
        b = b[:i]
    return b.decode("utf-8")


def _nti(b):
    if b and b[0] & 0x80:
        n = 0
        for c in b[1:]:
            n = (n << 8) | c
        return n
    s = _nts(b).strip()
    try:
        return int(s or "0", 8)
    except ValueError:
        raise HeaderError("invalid header") from None


def _itn(n, digits):
    s = b"%0*o" % (digits - 1, n)
    if len(s) > digits - 1:
        raise ValueError("overflow in number field")
    return s + NUL


def _field(s, length):
    b = s.encode("utf-8") if isinstance(s, str) else s
    if len(b) > length:
        raise ValueError("name too long")
    return b + NUL * (length - len(b))


class TarInfo:
    """A member of an archive: name, size, type, mode, mtime and owner fields."""

    def __init__(self, name=""):
        self.name = name
        self.mode = 0o644
        self.uid = 0
        self.gid = 0
        self.size = 0
        self.mtime = 0
        self.type = REGTYPE
        self.linkname = ""
        self.uname = ""
        self.gname = ""
        self.offset = 0
        self.offset_data = 0

    def __repr__(self):
        return "<TarInfo %r>" % self.name

    def isfile(self):
        return self.type in (REGTYPE, AREGTYPE, CONTTYPE)

    isreg = isfile

    def isdir(self):
        return self.type == DIRTYPE

    def issym(self):
        return self.type == SYMTYPE

    def islnk(self):
        return self.type == LNKTYPE

    @classmethod
    def frombuf(cls, buf):
        if len(buf) != BLOCKSIZE:
            raise HeaderError("truncated header")
        if buf.count(NUL) == BLOCKSIZE:
            raise HeaderError("empty header")
        chk = _nti(buf[148:156])
        s = sum(buf[:148]) + 256 + sum(buf[156:])
        if chk != s:
            signed = s
            for c in buf[:148] + buf[156:]:
                if c > 127:
                    signed -= 256
            if chk != signed:
                raise HeaderError("bad checksum")
        t = cls(_nts(buf[0:100]))
        t.mode = _nti(buf[100:108])
        t.uid = _nti(buf[108:116])
        t.gid = _nti(buf[116:124])
        t.size = _nti(buf[124:136])
        t.mtime = _nti(buf[136:148])
        t.type = buf[156:157]
        t.linkname = _nts(buf[157:257])
        t.uname = _nts(buf[265:297])
        t.gname = _nts(buf[297:329])
        if buf[257:262] == b"ustar":
            prefix = _nts(buf[345:500])
            if prefix:
                t.name = prefix + "/" + t.name
        if t.type == AREGTYPE and t.name.endswith("/"):
            t.type = DIRTYPE
        if t.isdir():
            t.name = t.name.rstrip("/")
        return t

    def _header(self, name, size, typ):
        prefix = ""
        if len(name.encode("utf-8")) > 100:
            i = name.rfind("/", 0, 156)
            prefix, name = name[:i], name[i + 1:]
        parts = [
            _field(name, 100), _itn(self.mode & 0o7777, 8), _itn(self.uid, 8),
            _itn(self.gid, 8), _itn(size, 12), _itn(int(self.mtime), 12), b" " * 8, typ,
            _field(self.linkname, 100), b"ustar\x0000", _field(self.uname, 32),
            _field(self.gname, 32), _itn(0, 8), _itn(0, 8), _field(prefix, 155), NUL * 12,
        ]
        buf = b"".join(parts)
        chk = b"%06o\0 " % sum(buf)
        return buf[:148] + chk + buf[156:]

    def tobuf(self, format=DEFAULT_FORMAT, encoding="utf-8", errors="surrogateescape"):
        """The header block(s) of this member."""
        name = self.name
        if self.isdir() and not name.endswith("/"):
            name += "/"
        b = name.encode("utf-8")
        fits = len(b) <= 100 or (0 < name.rfind("/", 0, 156) and
                                 len(name[name.rfind("/", 0, 156) + 1:].encode("utf-8")) <= 100)
        if fits:
            return self._header(name, self.size, self.type)
        rec = " path=%s\n" % name
        n = len(rec.encode("utf-8"))
        n += len(str(n + len(str(n))))
        payload = ("%d%s" % (n, rec)).encode("utf-8")
        pad = (BLOCKSIZE - len(payload) % BLOCKSIZE) % BLOCKSIZE
        pax = TarInfo("././@PaxHeader")
        head = pax._header("././@PaxHeader", len(payload), XHDTYPE)
        short = name[-100:]
        return head + payload + NUL * pad + self._header(short, self.size, self.type)


class _Section:
    """A member's data as a read-only binary stream."""

    def __init__(self, tar, info):
        self._tar = tar
        self._start = info.offset_data
        self._size = info.size
        self._pos = 0
        self._gen = tar._gen
        self.name = info.name
        self.closed = False

    def _raw(self, n):
        t = self._tar
        if t._seekable:
            t.fileobj.seek(self._start + self._pos)
        elif self._gen != t._gen or t._fpos != self._start + self._pos:
            raise ReadError("the member's data is no longer available (stream)")
        data = t.fileobj.read(n)
        if len(data) < n:
            raise ReadError("unexpected end of data")
        t._fpos = self._start + self._pos + n
        self._pos += n
        return data

    def read(self, n=-1):
        left = self._size - self._pos
        if n is None or n < 0 or n > left:
            n = left
        if n == 0:
            return b""
        return self._raw(n)

    def readinto(self, buf):
        data = self.read(len(buf))
        buf[:len(data)] = data
        return len(data)

    def readline(self, limit=-1):
        out = b""
        while limit < 0 or len(out) < limit:
            c = self.read(1)
            if not c:
                break
            out += c
            if c == b"\n":
                break
        return out

    def readlines(self):
        return list(self)

    def __iter__(self):
        return self

    def __next__(self):
        line = self.readline()
        if not line:
            raise StopIteration
        return line

    def seekable(self):
        return self._tar._seekable

    def tell(self):
        return self._pos

    def seek(self, pos, whence=0):
        if whence == 1:
            pos += self._pos
        elif whence == 2:
            pos += self._size
        self._pos = max(0, min(pos, self._size))
        return self._pos

    def close(self):
        self.closed = True

    def __enter__(self):
        return self

    def __exit__(self, *a):
        self.close()


class TarFile:
    """An archive opened for reading ('r') or writing ('w', 'a' is not supported)."""

    def __init__(self, name=None, mode="r", fileobj=None, format=None, **kwargs):
        if mode not in ("r", "w"):
            raise ValueError("mode must be 'r' or 'w'")
        self.mode = mode
        self.name = name
        self._own = fileobj is None
        if fileobj is None:
            fileobj = builtins.open(name, mode + "b")
        self.fileobj = fileobj
        self._extra = []
        self.members = []
        self._loaded = False
        self._gen = 0
        self._fpos = 0
        self._next_header = 0
        self.closed = False
        self.offset = 0
        try:
            fileobj.seek(0, 1)
            self._fpos = fileobj.tell()
            self._seekable = True
        except Exception:
            self._seekable = False
        self._next_header = self._fpos
        self._base = self._fpos

    # -- reading --

    def _read_exact(self, n):
        data = self.fileobj.read(n)
        if data is None:
            data = b""
        self._fpos += len(data)
        return data

    def _skip_to(self, pos):
        if self._seekable:
            self.fileobj.seek(pos)
            self._fpos = pos
            return
        while self._fpos < pos:
            chunk = self._read_exact(min(pos - self._fpos, 4096))
            if not chunk:
                raise ReadError("unexpected end of data")

    def next(self):
        """The next member of the archive, or None at its end."""
        if self.mode != "r":
            raise OSError("bad operation for mode %r" % self.mode)
        if self._loaded:
            return None
        self._skip_to(self._next_header)
        longname = None
        pax = {}
        while True:
            start = self._fpos
            buf = self._read_exact(BLOCKSIZE)
            if len(buf) < BLOCKSIZE or buf.count(NUL) == BLOCKSIZE:
                if not buf and not self.members and start == self._base:
                    raise ReadError("empty file")
                if len(buf) and len(buf) < BLOCKSIZE:
                    raise ReadError("truncated header")
                self._loaded = True
                return None
            try:
                info = TarInfo.frombuf(buf)
            except HeaderError as e:
                if not self.members and start == self._base:
                    raise ReadError(str(e)) from None
                raise ReadError(str(e)) from None
            data_end = self._fpos + (info.size + BLOCKSIZE - 1) // BLOCKSIZE * BLOCKSIZE
            if info.type in (GNUTYPE_LONGNAME, XHDTYPE, XGLTYPE):
                payload = self._read_exact(info.size)
                self._skip_to(data_end)
                if info.type == GNUTYPE_LONGNAME:
                    longname = _nts(payload)
                elif info.type == XHDTYPE:
                    pax.update(self._parse_pax(payload))
                continue
            break
        if longname is not None:
            info.name = longname.rstrip("/") if info.isdir() else longname
        if "path" in pax:
            info.name = pax["path"].rstrip("/") if info.isdir() else pax["path"]
        if "size" in pax:
            info.size = int(pax["size"])
            data_end = self._fpos + (info.size + BLOCKSIZE - 1) // BLOCKSIZE * BLOCKSIZE
        if "linkpath" in pax:
            info.linkname = pax["linkpath"]
        info.offset = start
        info.offset_data = self._fpos
        if info.type in (DIRTYPE, SYMTYPE, LNKTYPE, CHRTYPE, BLKTYPE, FIFOTYPE):
            data_end = info.offset_data
        self._next_header = data_end
        self._gen += 1
        self.members.append(info)
        self.offset = data_end
        return info

    def _parse_pax(self, payload):
        out = {}
        i = 0
        while i < len(payload):
            sp = payload.find(b" ", i)
            if sp < 0:
                break
            try:
                n = int(payload[i:sp])
            except ValueError:
                raise ReadError("invalid header") from None
            if n <= 0:
                break
            rec = payload[sp + 1:i + n - 1]
            eq = rec.find(b"=")
            if eq > 0:
                out[rec[:eq].decode("utf-8")] = rec[eq + 1:].decode("utf-8")
            i += n
        return out

    def _load(self):
        while self.next() is not None:
            pass

    def __iter__(self):
        for m in self.members:
            yield m
        if self.mode == "r":
            while True:
                m = self.next()
                if m is None:
                    break
                yield m

    def getmembers(self):
        self._load()
        return list(self.members)

    def getnames(self):
        return [m.name for m in self.getmembers()]

    def getmember(self, name):
        self._load()
        for m in reversed(self.members):
            if m.name == name.rstrip("/"):
                return m
        raise KeyError("filename %r not found" % name)

    def extractfile(self, member):
        """A binary file object reading a regular member's data (None for other types)."""
        if isinstance(member, str):
            member = self.getmember(member)
        if not member.isfile():
            return None
        return _Section(self, member)

    # -- writing --

    def addfile(self, tarinfo, fileobj=None):
        """Add a member described by tarinfo, its data read from fileobj."""
        if self.mode != "w":
            raise OSError("bad operation for mode %r" % self.mode)
        self.fileobj.write(tarinfo.tobuf())
        if fileobj is not None and tarinfo.size:
            left = tarinfo.size
            while left > 0:
                chunk = fileobj.read(min(left, 4096))
                if not chunk:
                    raise OSError("unexpected end of data")
                self.fileobj.write(chunk)
                left -= len(chunk)
            pad = (BLOCKSIZE - tarinfo.size % BLOCKSIZE) % BLOCKSIZE
            self.fileobj.write(NUL * pad)
        self.offset += len(tarinfo.tobuf()) + (tarinfo.size + BLOCKSIZE - 1) // BLOCKSIZE * BLOCKSIZE
        self.members.append(tarinfo)

    def add(self, name, arcname=None, recursive=True):
        """Add the file or directory name (recursively) from the file system."""
        if arcname is None:
            arcname = name
        st = os.stat(name)
        info = TarInfo(arcname.lstrip("/"))
        info.mode = st[0] & 0o7777
        info.mtime = st[8]
        if st[0] & 0o170000 == 0o040000:
            info.type = DIRTYPE
            self.addfile(info)
            if recursive:
                for f in sorted(os.listdir(name)):
                    self.add(name.rstrip("/") + "/" + f, arcname.rstrip("/") + "/" + f)
        else:
            info.size = st[6]
            with builtins.open(name, "rb") as f:
                self.addfile(info, f)

    def close(self):
        if self.closed:
            return
        self.closed = True
        if self.mode == "w":
            self.fileobj.write(NUL * (BLOCKSIZE * 2))
            self.offset += BLOCKSIZE * 2
            rem = self.offset % RECORDSIZE
            if rem:
                self.fileobj.write(NUL * (RECORDSIZE - rem))
        for f in self._extra:
            f.close()
        if self._own:
            self.fileobj.close()

    def __enter__(self):
        return self

    def __exit__(self, *a):
        self.close()


def open(name=None, mode="r", fileobj=None, **kwargs):
    """Open a tar archive: mode 'r', 'r:', 'r:*', 'r:gz', 'w', 'w:', 'w:gz' ('|' for ':')."""
    m, _, comp = mode.replace("|", ":").partition(":")
    if m not in ("r", "w") or comp not in ("", "*", "gz"):
        raise ValueError("mode must be 'r' or 'w' with '', '*' or 'gz' compression")
    if comp == "*" or (m == "r" and comp == ""):
        if m == "w":
            comp = ""
        else:
            own = fileobj is None
            f = builtins.open(name, "rb") if own else fileobj
            magic = b""
            try:
                pos = f.tell()
                magic = f.read(2)
                f.seek(pos)
            except Exception:
                pass
            if magic == b"\x1f\x8b":
                comp = "gz"
            if own:
                if comp != "gz":
                    return TarFile(name, m, f)._own_it()
                f.close()
    if comp == "gz":
        import deflate
        own = fileobj is None
        raw = builtins.open(name, m + "b") if own else fileobj
        z = deflate.DeflateIO(raw, deflate.GZIP, 15, own)
        t = TarFile(name, m, z)
        t._own = True
        return t
    return TarFile(name, m, fileobj)


def _own_it(self):
    self._own = True
    return self


TarFile._own_it = _own_it


def is_tarfile(name):
    """True when name is a tar archive this module can read."""
    try:
        with open(name) as t:
            t.next()
        return True
    except (TarError, OSError, ValueError):
        return False
