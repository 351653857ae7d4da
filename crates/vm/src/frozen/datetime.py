"""Dates, times and time deltas (proleptic Gregorian calendar)."""

MINYEAR = 1
MAXYEAR = 9999
_DIM = [0, 31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31]
_DBM = [-1, 0]
for _m in range(1, 12):
    _DBM.append(_DBM[-1] + _DIM[_m])
_DAYS = ["Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday"]
_MONTHS = ["January", "February", "March", "April", "May", "June", "July", "August",
           "September", "October", "November", "December"]


def _is_leap(y):
    return y % 4 == 0 and (y % 100 != 0 or y % 400 == 0)


def _dim(y, m):
    return 29 if m == 2 and _is_leap(y) else _DIM[m]


def _ord(y, m, d):
    y1 = y - 1
    return y1 * 365 + y1 // 4 - y1 // 100 + y1 // 400 + _DBM[m] + (m > 2 and _is_leap(y)) + d


def _from_ord(n):
    n -= 1
    n400, n = divmod(n, 146097)
    year = n400 * 400 + 1
    n100, n = divmod(n, 36524)
    n4, n = divmod(n, 1461)
    n1, n = divmod(n, 365)
    year += n100 * 100 + n4 * 4 + n1
    if n1 == 4 or n100 == 4:
        return year - 1, 12, 31
    leap = n1 == 3 and (n4 != 24 or n100 == 3)
    month = (n + 50) >> 5
    preceding = _DBM[month] + (month > 2 and leap)
    if preceding > n:
        month -= 1
        preceding -= _DIM[month] + (month == 2 and leap)
    return year, month, n - preceding + 1


def _check_date(y, m, d):
    for v in (y, m, d):
        if not isinstance(v, int):
            raise TypeError("'%s' object cannot be interpreted as an integer" % type(v).__name__)
    if not MINYEAR <= y <= MAXYEAR:
        raise ValueError("year %d is out of range" % y)
    if not 1 <= m <= 12:
        raise ValueError("month must be in 1..12")
    if not 1 <= d <= _dim(y, m):
        raise ValueError("day is out of range for month")


def _cmp(a, b):
    return 0 if a == b else (1 if a > b else -1)


class timedelta:
    """A duration: days, seconds and microseconds."""
    __slots__ = ("_days", "_seconds", "_microseconds")

    def __init__(self, days=0, seconds=0, microseconds=0, milliseconds=0, minutes=0, hours=0, weeks=0):
        total = (((days + weeks * 7) * 86400 + seconds + minutes * 60 + hours * 3600) * 1000000
                 + microseconds + milliseconds * 1000)
        if isinstance(total, float):
            total = round(total)
        d, rem = divmod(total, 86400 * 1000000)
        s, us = divmod(rem, 1000000)
        if abs(d) > 999999999:
            raise OverflowError("days=%d; must have magnitude <= 999999999" % d)
        self._days, self._seconds, self._microseconds = d, s, us

    days = property(lambda self: self._days)
    seconds = property(lambda self: self._seconds)
    microseconds = property(lambda self: self._microseconds)

    def _us(self):
        return (self._days * 86400 + self._seconds) * 1000000 + self._microseconds

    def total_seconds(self):
        return self._us() / 10 ** 6

    def __repr__(self):
        args = []
        if self._days:
            args.append("days=%d" % self._days)
        if self._seconds:
            args.append("seconds=%d" % self._seconds)
        if self._microseconds:
            args.append("microseconds=%d" % self._microseconds)
        return "datetime.timedelta(%s)" % (", ".join(args) or "0")

    def __str__(self):
        mm, ss = divmod(self._seconds, 60)
        hh, mm = divmod(mm, 60)
        s = "%d:%02d:%02d" % (hh, mm, ss)
        if self._days:
            s = "%d day%s, " % (self._days, "" if abs(self._days) == 1 else "s") + s
        if self._microseconds:
            s += ".%06d" % self._microseconds
        return s

    def __add__(self, other):
        if isinstance(other, timedelta):
            return timedelta(microseconds=self._us() + other._us())
        return NotImplemented

    __radd__ = __add__

    def __sub__(self, other):
        if isinstance(other, timedelta):
            return timedelta(microseconds=self._us() - other._us())
        return NotImplemented

    def __neg__(self):
        return timedelta(microseconds=-self._us())

    def __pos__(self):
        return self

    def __abs__(self):
        return -self if self._days < 0 else self

    def __mul__(self, other):
        if isinstance(other, (int, float)):
            return timedelta(microseconds=round(self._us() * other))
        return NotImplemented

    __rmul__ = __mul__

    def __truediv__(self, other):
        if isinstance(other, timedelta):
            return self._us() / other._us()
        if isinstance(other, (int, float)):
            return timedelta(microseconds=round(self._us() / other))
        return NotImplemented

    def __floordiv__(self, other):
        if isinstance(other, timedelta):
            return self._us() // other._us()
        if isinstance(other, int):
            return timedelta(microseconds=self._us() // other)
        return NotImplemented

    def __mod__(self, other):
        if isinstance(other, timedelta):
            return timedelta(microseconds=self._us() % other._us())
        return NotImplemented

    def __eq__(self, other):
        return isinstance(other, timedelta) and self._us() == other._us()

    def __lt__(self, other):
        if not isinstance(other, timedelta):
            return NotImplemented
        return self._us() < other._us()

    def __le__(self, other):
        if not isinstance(other, timedelta):
            return NotImplemented
        return self._us() <= other._us()

    def __gt__(self, other):
        if not isinstance(other, timedelta):
            return NotImplemented
        return self._us() > other._us()

    def __ge__(self, other):
        if not isinstance(other, timedelta):
            return NotImplemented
        return self._us() >= other._us()

    def __hash__(self):
        return hash(self._us())

    def __bool__(self):
        return self._us() != 0


timedelta.min = timedelta(-999999999)
timedelta.max = timedelta(days=999999999, hours=23, minutes=59, seconds=59, microseconds=999999)
timedelta.resolution = timedelta(microseconds=1)


def _strftime(fmt, y, m, d, hh, mm, ss, us, wd, yday, tz, dt):
    out = []
    i = 0
    n = len(fmt)
    while i < n:
        c = fmt[i]
        if c != "%" or i + 1 >= n:
            out.append(c)
            i += 1
            continue
        k = fmt[i + 1]
        i += 2
        if k == "Y":
            out.append("%04d" % y if y >= 1000 else str(y))
        elif k == "y":
            out.append("%02d" % (y % 100))
        elif k == "m":
            out.append("%02d" % m)
        elif k == "d":
            out.append("%02d" % d)
        elif k == "H":
            out.append("%02d" % hh)
        elif k == "I":
            out.append("%02d" % (hh % 12 or 12))
        elif k == "M":
            out.append("%02d" % mm)
        elif k == "S":
            out.append("%02d" % ss)
        elif k == "f":
            out.append("%06d" % us)
        elif k == "p":
            out.append("AM" if hh < 12 else "PM")
        elif k == "A":
            out.append(_DAYS[wd])
        elif k == "a":
            out.append(_DAYS[wd][:3])
        elif k == "B":
            out.append(_MONTHS[m - 1])
        elif k == "b" or k == "h":
            out.append(_MONTHS[m - 1][:3])
        elif k == "j":
            out.append("%03d" % yday)
        elif k == "w":
            out.append(str((wd + 1) % 7))
        elif k == "u":
            out.append(str(wd + 1))
        elif k == "z":
            off = dt.utcoffset() if dt is not None and hasattr(dt, "utcoffset") else None
            out.append("" if off is None else _fmt_offset(off, ""))
        elif k == "Z":
            out.append("" if tz is None else tz.tzname(dt))
        elif k == "%":
            out.append("%")
        elif k == "c":
            out.append("%s %s %2d %02d:%02d:%02d %04d" % (_DAYS[wd][:3], _MONTHS[m - 1][:3], d, hh, mm, ss, y))
        elif k == "x":
            out.append("%02d/%02d/%02d" % (m, d, y % 100))
        elif k == "X":
            out.append("%02d:%02d:%02d" % (hh, mm, ss))
        elif k == "D":
            out.append("%02d/%02d/%02d" % (m, d, y % 100))
        elif k == "F":
            out.append("%04d-%02d-%02d" % (y, m, d))
        elif k == "T":
            out.append("%02d:%02d:%02d" % (hh, mm, ss))
        else:
            out.append("%" + k)
    return "".join(out)


def _fmt_offset(off, sep=":"):
    us = off._us()
    sign = "+"
    if us < 0:
        sign = "-"
        us = -us
    hh, rem = divmod(us, 3600 * 10 ** 6)
    mm, rem = divmod(rem, 60 * 10 ** 6)
    ss, us = divmod(rem, 10 ** 6)
    s = "%s%02d%s%02d" % (sign, hh, sep, mm)
    if ss or us:
        s += "%s%02d" % (sep, ss)
        if us:
            s += ".%06d" % us
    return s


class date:
    """A calendar date."""
    __slots__ = ("_y", "_m", "_d")

    def __init__(self, year, month, day):
        _check_date(year, month, day)
        self._y, self._m, self._d = year, month, day

    year = property(lambda self: self._y)
    month = property(lambda self: self._m)
    day = property(lambda self: self._d)

    @classmethod
    def fromordinal(cls, n):
        return cls(*_from_ord(n))

    @classmethod
    def today(cls):
        t = datetime.now()
        return cls(t.year, t.month, t.day)

    @classmethod
    def fromtimestamp(cls, t):
        d = datetime.fromtimestamp(t)
        return cls(d.year, d.month, d.day)

    @classmethod
    def fromisoformat(cls, s):
        if not isinstance(s, str):
            raise TypeError("fromisoformat: argument must be str")
        try:
            if len(s) == 10 and s[4] == "-" and s[7] == "-":
                return cls(int(s[0:4]), int(s[5:7]), int(s[8:10]))
            if len(s) == 8 and s.isdigit():
                return cls(int(s[0:4]), int(s[4:6]), int(s[6:8]))
        except ValueError:
            pass
        raise ValueError("Invalid isoformat string: %r" % s)

    def toordinal(self):
        return _ord(self._y, self._m, self._d)

    def weekday(self):
        return (self.toordinal() + 6) % 7

    def isoweekday(self):
        return self.weekday() + 1

    def isocalendar(self):
        y = self._y
        wd = self.weekday()

        def week1(y):
            first = _ord(y, 1, 1)
            fwd = (first + 6) % 7
            start = first - fwd
            if fwd > 3:
                start += 7
            return start
        w1 = week1(y)
        o = self.toordinal()
        if o < w1:
            y -= 1
            w1 = week1(y)
        elif o >= week1(y + 1):
            y += 1
            w1 = week1(y)
        return (y, (o - w1) // 7 + 1, wd + 1)

    def isoformat(self):
        return "%04d-%02d-%02d" % (self._y, self._m, self._d)

    __str__ = isoformat

    def __repr__(self):
        return "datetime.date(%d, %d, %d)" % (self._y, self._m, self._d)

    def ctime(self):
        return self.strftime("%c")

    def strftime(self, fmt):
        return _strftime(fmt, self._y, self._m, self._d, 0, 0, 0, 0, self.weekday(),
                         self.toordinal() - _ord(self._y, 1, 1) + 1, None, None)

    def __format__(self, spec):
        return self.strftime(spec) if spec else str(self)

    def timetuple(self):
        return (self._y, self._m, self._d, 0, 0, 0, self.weekday(),
                self.toordinal() - _ord(self._y, 1, 1) + 1, -1)

    def replace(self, year=None, month=None, day=None):
        return type(self)(self._y if year is None else year, self._m if month is None else month,
                          self._d if day is None else day)

    def _key(self):
        return (self._y, self._m, self._d)

    def __eq__(self, other):
        if isinstance(other, date) and not isinstance(other, datetime) and not isinstance(self, datetime):
            return self._key() == other._key()
        return NotImplemented

    def __hash__(self):
        return hash(self._key())

    def _chk(self, other):
        if not isinstance(other, date) or isinstance(other, datetime):
            raise TypeError("can't compare '%s' to '%s'" % (type(self).__name__, type(other).__name__))

    def __lt__(self, other):
        self._chk(other)
        return self._key() < other._key()

    def __le__(self, other):
        self._chk(other)
        return self._key() <= other._key()

    def __gt__(self, other):
        self._chk(other)
        return self._key() > other._key()

    def __ge__(self, other):
        self._chk(other)
        return self._key() >= other._key()

    def __add__(self, other):
        if isinstance(other, timedelta):
            o = self.toordinal() + other.days
            if not 0 < o <= 3652059:
                raise OverflowError("result out of range")
            return type(self).fromordinal(o)
        return NotImplemented

    __radd__ = __add__

    def __sub__(self, other):
        if isinstance(other, timedelta):
            return self + timedelta(-other.days)
        if isinstance(other, date) and not isinstance(other, datetime):
            return timedelta(self.toordinal() - other.toordinal())
        return NotImplemented


date.min = date(1, 1, 1)
date.max = date(9999, 12, 31)
date.resolution = timedelta(days=1)


class tzinfo:
    """Abstract base class for time zone info objects."""

    def utcoffset(self, dt):
        raise NotImplementedError("tzinfo subclass must override utcoffset()")

    def dst(self, dt):
        raise NotImplementedError("tzinfo subclass must override dst()")

    def tzname(self, dt):
        raise NotImplementedError("tzinfo subclass must override tzname()")


class timezone(tzinfo):
    """A fixed offset from UTC."""

    def __init__(self, offset, name=None):
        if not isinstance(offset, timedelta):
            raise TypeError("offset must be a timedelta")
        if not -timedelta(hours=24) < offset < timedelta(hours=24):
            raise ValueError("offset must be a timedelta strictly between -timedelta(hours=24) and timedelta(hours=24).")
        self._offset = offset
        self._name = name

    def utcoffset(self, dt):
        return self._offset

    def dst(self, dt):
        return None

    def tzname(self, dt):
        if self._name is not None:
            return self._name
        if not self._offset:
            return "UTC"
        return "UTC" + _fmt_offset(self._offset)

    def __repr__(self):
        if self is timezone.utc:
            return "datetime.timezone.utc"
        if self._name is None:
            return "datetime.timezone(%r)" % self._offset
        return "datetime.timezone(%r, %r)" % (self._offset, self._name)

    def __str__(self):
        return self.tzname(None)

    def __eq__(self, other):
        return isinstance(other, timezone) and self._offset == other._offset

    def __hash__(self):
        return hash(self._offset)


timezone.utc = timezone(timedelta(0))
UTC = timezone.utc


def _check_time(h, m, s, us):
    if not 0 <= h <= 23:
        raise ValueError("hour must be in 0..23")
    if not 0 <= m <= 59:
        raise ValueError("minute must be in 0..59")
    if not 0 <= s <= 59:
        raise ValueError("second must be in 0..59")
    if not 0 <= us <= 999999:
        raise ValueError("microsecond must be in 0..999999")


def _time_iso(h, m, s, us, timespec="auto"):
    if timespec == "auto":
        timespec = "microseconds" if us else "seconds"
    if timespec == "hours":
        return "%02d" % h
    if timespec == "minutes":
        return "%02d:%02d" % (h, m)
    if timespec == "seconds":
        return "%02d:%02d:%02d" % (h, m, s)
    if timespec == "milliseconds":
        return "%02d:%02d:%02d.%03d" % (h, m, s, us // 1000)
    if timespec == "microseconds":
        return "%02d:%02d:%02d.%06d" % (h, m, s, us)
    raise ValueError("Unknown timespec value")


def _parse_time(s):
    tz = None
    for sep in ("+", "-", "Z"):
        k = s.find(sep)
        if k > 0:
            off = s[k:]
            s = s[:k]
            if off == "Z":
                tz = timezone.utc
            else:
                sign = -1 if off[0] == "-" else 1
                parts = off[1:].replace(":", "")
                hh, mm = int(parts[0:2]), int(parts[2:4] or 0)
                ss = int(parts[4:6] or 0)
                tz = timezone(sign * timedelta(hours=hh, minutes=mm, seconds=ss))
            break
    us = 0
    if "." in s:
        s, frac = s.split(".")
        us = int((frac + "000000")[:6])
    if ":" in s:
        p = [int(x) for x in s.split(":")]
    else:
        p = [int(s[i:i + 2]) for i in range(0, len(s), 2)]
    while len(p) < 3:
        p.append(0)
    return p[0], p[1], p[2], us, tz


class time:
    """A time of day."""

    def __init__(self, hour=0, minute=0, second=0, microsecond=0, tzinfo=None, *, fold=0):
        _check_time(hour, minute, second, microsecond)
        self._h, self._mi, self._s, self._us, self._tz = hour, minute, second, microsecond, tzinfo
        self.fold = fold

    hour = property(lambda self: self._h)
    minute = property(lambda self: self._mi)
    second = property(lambda self: self._s)
    microsecond = property(lambda self: self._us)
    tzinfo = property(lambda self: self._tz)

    @classmethod
    def fromisoformat(cls, s):
        try:
            h, m, sec, us, tz = _parse_time(s)
            return cls(h, m, sec, us, tz)
        except (ValueError, IndexError):
            raise ValueError("Invalid isoformat string: %r" % s) from None

    def utcoffset(self):
        return None if self._tz is None else self._tz.utcoffset(None)

    def isoformat(self, timespec="auto"):
        s = _time_iso(self._h, self._mi, self._s, self._us, timespec)
        off = self.utcoffset()
        if off is not None:
            s += _fmt_offset(off)
        return s

    __str__ = isoformat

    def strftime(self, fmt):
        return _strftime(fmt, 1900, 1, 1, self._h, self._mi, self._s, self._us, 0, 1, self._tz, self)

    def __format__(self, spec):
        return self.strftime(spec) if spec else str(self)

    def __repr__(self):
        args = [self._h, self._mi]
        if self._s or self._us:
            args.append(self._s)
        if self._us:
            args.append(self._us)
        s = "datetime.time(%s" % ", ".join(map(str, args))
        if self._tz is not None:
            s += ", tzinfo=%r" % self._tz
        return s + ")"

    def replace(self, hour=None, minute=None, second=None, microsecond=None, tzinfo=True):
        return time(self._h if hour is None else hour, self._mi if minute is None else minute,
                    self._s if second is None else second,
                    self._us if microsecond is None else microsecond,
                    self._tz if tzinfo is True else tzinfo)

    def _key(self):
        return (self._h, self._mi, self._s, self._us)

    def __eq__(self, other):
        return isinstance(other, time) and self._key() == other._key() and self.utcoffset() == other.utcoffset()

    def __hash__(self):
        return hash(self._key())

    def __lt__(self, other):
        return self._key() < other._key()

    def __le__(self, other):
        return self._key() <= other._key()

    def __gt__(self, other):
        return self._key() > other._key()

    def __ge__(self, other):
        return self._key() >= other._key()

    def __bool__(self):
        return True


time.min = time(0, 0)
time.max = time(23, 59, 59, 999999)


class datetime(date):
    """A date with a time of day."""
    __slots__ = ("_h", "_mi", "_s", "_us", "_tz", "fold")

    def __init__(self, year, month, day, hour=0, minute=0, second=0, microsecond=0, tzinfo=None, *, fold=0):
        _check_date(year, month, day)
        _check_time(hour, minute, second, microsecond)
        self._y, self._m, self._d = year, month, day
        self._h, self._mi, self._s, self._us, self._tz = hour, minute, second, microsecond, tzinfo
        self.fold = fold

    hour = property(lambda self: self._h)
    minute = property(lambda self: self._mi)
    second = property(lambda self: self._s)
    microsecond = property(lambda self: self._us)
    tzinfo = property(lambda self: self._tz)

    @classmethod
    def combine(cls, d, t, tzinfo=True):
        return cls(d.year, d.month, d.day, t.hour, t.minute, t.second, t.microsecond,
                   t.tzinfo if tzinfo is True else tzinfo)

    @classmethod
    def fromtimestamp(cls, t, tz=None):
        us = round(t * 1000000)
        days, rem = divmod(us, 86400 * 1000000)
        y, m, d = _from_ord(days + _ord(1970, 1, 1))
        s, us = divmod(rem, 1000000)
        hh, s = divmod(s, 3600)
        mm, s = divmod(s, 60)
        r = cls(y, m, d, hh, mm, s, us)
        if tz is not None:
            r = (r + tz.utcoffset(r)).replace(tzinfo=tz)
        return r

    @classmethod
    def utcfromtimestamp(cls, t):
        return cls.fromtimestamp(t)

    @classmethod
    def now(cls, tz=None):
        import time as _t
        return cls.fromtimestamp(_t.time(), tz)

    @classmethod
    def utcnow(cls):
        return cls.now()

    @classmethod
    def today(cls):
        return cls.now()

    @classmethod
    def fromisoformat(cls, s):
        if not isinstance(s, str):
            raise TypeError("fromisoformat: argument must be str")
        try:
            d = date.fromisoformat(s[:10])
            if len(s) == 10:
                return cls(d.year, d.month, d.day)
            h, m, sec, us, tz = _parse_time(s[11:])
            return cls(d.year, d.month, d.day, h, m, sec, us, tz)
        except (ValueError, IndexError):
            raise ValueError("Invalid isoformat string: %r" % s) from None

    @classmethod
    def strptime(cls, s, fmt):
        vals = {"Y": 1900, "m": 1, "d": 1, "H": 0, "M": 0, "S": 0, "f": 0}
        i = j = 0
        while i < len(fmt):
            c = fmt[i]
            if c == "%" and i + 1 < len(fmt):
                k = fmt[i + 1]
                i += 2
                if k in "YmdHMSfy":
                    width = {"Y": 4, "f": 6}.get(k, 2)
                    st = j
                    while j < len(s) and j - st < width and s[j].isdigit():
                        j += 1
                    if j == st:
                        raise ValueError("time data %r does not match format %r" % (s, fmt))
                    v = int(s[st:j])
                    if k == "y":
                        k, v = "Y", v + (2000 if v < 69 else 1900)
                    if k == "f":
                        v = int((s[st:j] + "000000")[:6])
                    vals[k] = v
                elif k == "%":
                    j += 1
                else:
                    raise ValueError("unsupported strptime directive %%%s" % k)
            else:
                if j >= len(s) or s[j] != c:
                    raise ValueError("time data %r does not match format %r" % (s, fmt))
                i += 1
                j += 1
        if j != len(s):
            raise ValueError("unconverted data remains: %s" % s[j:])
        return cls(vals["Y"], vals["m"], vals["d"], vals["H"], vals["M"], vals["S"], vals["f"])

    def date(self):
        return date(self._y, self._m, self._d)

    def time(self):
        return time(self._h, self._mi, self._s, self._us)

    def timetz(self):
        return time(self._h, self._mi, self._s, self._us, self._tz)

    def utcoffset(self):
        return None if self._tz is None else self._tz.utcoffset(self)

    def tzname(self):
        return None if self._tz is None else self._tz.tzname(self)

    def replace(self, year=None, month=None, day=None, hour=None, minute=None, second=None,
                microsecond=None, tzinfo=True):
        return type(self)(self._y if year is None else year, self._m if month is None else month,
                          self._d if day is None else day, self._h if hour is None else hour,
                          self._mi if minute is None else minute,
                          self._s if second is None else second,
                          self._us if microsecond is None else microsecond,
                          self._tz if tzinfo is True else tzinfo)

    def astimezone(self, tz=None):
        if tz is None:
            tz = timezone.utc
        off = self.utcoffset() or timedelta(0)
        utc = (self - off).replace(tzinfo=None)
        return (utc + tz.utcoffset(utc)).replace(tzinfo=tz)

    def timestamp(self):
        off = self.utcoffset() or timedelta(0)
        return ((self.replace(tzinfo=None) - datetime(1970, 1, 1)) - off).total_seconds()

    def isoformat(self, sep="T", timespec="auto"):
        s = "%04d-%02d-%02d%s%s" % (self._y, self._m, self._d, sep,
                                    _time_iso(self._h, self._mi, self._s, self._us, timespec))
        off = self.utcoffset()
        if off is not None:
            s += _fmt_offset(off)
        return s

    def __str__(self):
        return self.isoformat(" ")

    def __repr__(self):
        args = [self._y, self._m, self._d, self._h, self._mi]
        if self._s or self._us:
            args.append(self._s)
        if self._us:
            args.append(self._us)
        s = "datetime.datetime(%s" % ", ".join(map(str, args))
        if self._tz is not None:
            s += ", tzinfo=%r" % self._tz
        return s + ")"

    def strftime(self, fmt):
        return _strftime(fmt, self._y, self._m, self._d, self._h, self._mi, self._s, self._us,
                         self.weekday(), self.toordinal() - _ord(self._y, 1, 1) + 1, self._tz, self)

    def timetuple(self):
        return (self._y, self._m, self._d, self._h, self._mi, self._s, self.weekday(),
                self.toordinal() - _ord(self._y, 1, 1) + 1, -1)

    def _us_total(self):
        t = ((self.toordinal() * 86400 + self._h * 3600 + self._mi * 60 + self._s) * 1000000
             + self._us)
        off = self.utcoffset()
        if off is not None:
            t -= off._us()
        return t

    def _cmpkey(self, other):
        if not isinstance(other, datetime):
            raise TypeError("can't compare '%s' to '%s'" % (type(self).__name__, type(other).__name__))
        if (self._tz is None) != (other._tz is None):
            raise TypeError("can't compare offset-naive and offset-aware datetimes")
        return self._us_total(), other._us_total()

    def __eq__(self, other):
        if not isinstance(other, datetime):
            return NotImplemented if not isinstance(other, date) else False
        if (self._tz is None) != (other._tz is None):
            return False
        return self._us_total() == other._us_total()

    def __hash__(self):
        return hash(self._us_total())

    def __lt__(self, other):
        a, b = self._cmpkey(other)
        return a < b

    def __le__(self, other):
        a, b = self._cmpkey(other)
        return a <= b

    def __gt__(self, other):
        a, b = self._cmpkey(other)
        return a > b

    def __ge__(self, other):
        a, b = self._cmpkey(other)
        return a >= b

    def __add__(self, other):
        if not isinstance(other, timedelta):
            return NotImplemented
        t = ((self.toordinal() * 86400 + self._h * 3600 + self._mi * 60 + self._s) * 1000000
             + self._us + other._us())
        days, rem = divmod(t, 86400 * 1000000)
        if not 0 < days <= 3652059:
            raise OverflowError("date value out of range")
        y, m, d = _from_ord(days)
        s, us = divmod(rem, 1000000)
        hh, s = divmod(s, 3600)
        mm, s = divmod(s, 60)
        return type(self)(y, m, d, hh, mm, s, us, self._tz)

    __radd__ = __add__

    def __sub__(self, other):
        if isinstance(other, timedelta):
            return self + (-other)
        if isinstance(other, datetime):
            if (self._tz is None) != (other._tz is None):
                raise TypeError("can't subtract offset-naive and offset-aware datetimes")
            return timedelta(microseconds=self._us_total() - other._us_total())
        return NotImplemented


datetime.min = datetime(1, 1, 1)
datetime.max = datetime(9999, 12, 31, 23, 59, 59, 999999)
