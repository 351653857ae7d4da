"""Logging: loggers, levels, handlers (stderr by default) and %-style formats."""

import sys

CRITICAL = FATAL = 50
ERROR = 40
WARNING = WARN = 30
INFO = 20
DEBUG = 10
NOTSET = 0

_levelToName = {CRITICAL: "CRITICAL", ERROR: "ERROR", WARNING: "WARNING", INFO: "INFO",
                DEBUG: "DEBUG", NOTSET: "NOTSET"}
_nameToLevel = {v: k for k, v in _levelToName.items()}
_nameToLevel["WARN"] = WARNING
_nameToLevel["FATAL"] = FATAL
BASIC_FORMAT = "%(levelname)s:%(name)s:%(message)s"


def getLevelName(level):
    if level in _levelToName:
        return _levelToName[level]
    if level in _nameToLevel:
        return _nameToLevel[level]
    return "Level %s" % level


def addLevelName(level, name):
    _levelToName[level] = name
    _nameToLevel[name] = level


def _check_level(level):
    if isinstance(level, int):
        return level
    if str(level) == level:
        if level not in _nameToLevel:
            raise ValueError("Unknown level: %r" % level)
        return _nameToLevel[level]
    raise TypeError("Level not an integer or a valid string: %r" % (level,))


class LogRecord:
    def __init__(self, name, level, pathname, lineno, msg, args, exc_info, func=None):
        self.name = name
        self.msg = msg
        if args and len(args) == 1 and isinstance(args[0], dict) and args[0]:
            args = args[0]
        self.args = args
        self.levelname = getLevelName(level)
        self.levelno = level
        self.pathname = pathname
        self.filename = pathname
        self.module = "module"
        self.lineno = lineno
        self.funcName = func
        self.exc_info = exc_info
        self.exc_text = None
        try:
            import time
            self.created = time.time()
        except ImportError:
            self.created = 0.0
        self.msecs = 0

    def getMessage(self):
        msg = str(self.msg)
        if self.args:
            msg = msg % self.args
        return msg


class Formatter:
    def __init__(self, fmt=None, datefmt=None, style="%"):
        self._fmt = fmt or "%(message)s"
        self.datefmt = datefmt
        self._style = style

    def usesTime(self):
        return "asctime" in self._fmt

    def formatTime(self, record, datefmt=None):
        try:
            import time
            t = time.localtime(record.created)
            return "%04d-%02d-%02d %02d:%02d:%02d,%03d" % (t[0], t[1], t[2], t[3], t[4], t[5],
                                                           int(record.created * 1000) % 1000)
        except ImportError:
            return ""

    def formatMessage(self, record):
        d = record.__dict__
        if self._style == "{":
            return self._fmt.format(**d)
        if self._style == "$":
            import string
            return string.Template(self._fmt).substitute(d)
        return self._fmt % d

    def format(self, record):
        record.message = record.getMessage()
        if self.usesTime():
            record.asctime = self.formatTime(record, self.datefmt)
        s = self.formatMessage(record)
        if record.exc_info:
            if not record.exc_text:
                record.exc_text = self.formatException(record.exc_info)
            if record.exc_text:
                s = s + "\n" + record.exc_text
        return s

    def formatException(self, ei):
        e = ei[1]
        return "%s: %s" % (type(e).__name__, e)


_defaultFormatter = Formatter()


class Filterer:
    def __init__(self):
        self.filters = []

    def addFilter(self, f):
        if f not in self.filters:
            self.filters.append(f)

    def removeFilter(self, f):
        if f in self.filters:
            self.filters.remove(f)

    def filter(self, record):
        for f in self.filters:
            r = f.filter(record) if hasattr(f, "filter") else f(record)
            if not r:
                return False
        return True


class Filter:
    def __init__(self, name=""):
        self.name = name

    def filter(self, record):
        n = self.name
        return not n or record.name == n or record.name.startswith(n + ".")


class Handler(Filterer):
    def __init__(self, level=NOTSET):
        Filterer.__init__(self)
        self.level = _check_level(level)
        self.formatter = None
        self.name = None

    def setLevel(self, level):
        self.level = _check_level(level)

    def setFormatter(self, fmt):
        self.formatter = fmt

    def format(self, record):
        return (self.formatter or _defaultFormatter).format(record)

    def handle(self, record):
        if self.filter(record):
            self.emit(record)
            return True
        return False

    def emit(self, record):
        raise NotImplementedError("emit must be implemented by Handler subclasses")

    def flush(self):
        pass

    def close(self):
        pass


class StreamHandler(Handler):
    terminator = "\n"

    def __init__(self, stream=None):
        Handler.__init__(self)
        self.stream = stream

    def emit(self, record):
        s = self.stream if self.stream is not None else sys.stderr
        s.write(self.format(record) + self.terminator)

    def flush(self):
        s = self.stream if self.stream is not None else sys.stderr
        if hasattr(s, "flush"):
            s.flush()


class FileHandler(StreamHandler):
    def __init__(self, filename, mode="a", encoding=None, delay=False):
        StreamHandler.__init__(self, open(filename, mode))
        self.baseFilename = filename

    def close(self):
        self.stream.close()


class NullHandler(Handler):
    def emit(self, record):
        pass


class Logger(Filterer):
    def __init__(self, name, level=NOTSET):
        Filterer.__init__(self)
        self.name = name
        self.level = _check_level(level)
        self.parent = None
        self.propagate = True
        self.handlers = []
        self.disabled = False

    def setLevel(self, level):
        self.level = _check_level(level)

    def getEffectiveLevel(self):
        logger = self
        while logger:
            if logger.level:
                return logger.level
            logger = logger.parent
        return NOTSET

    def isEnabledFor(self, level):
        return level >= _disable[0] + 1 and level >= self.getEffectiveLevel()

    def addHandler(self, h):
        if h not in self.handlers:
            self.handlers.append(h)

    def removeHandler(self, h):
        if h in self.handlers:
            self.handlers.remove(h)

    def hasHandlers(self):
        c = self
        while c:
            if c.handlers:
                return True
            if not c.propagate:
                break
            c = c.parent
        return False

    def getChild(self, suffix):
        return getLogger(self.name + "." + suffix if self is not root else suffix)

    def _log(self, level, msg, args, exc_info=None, extra=None, stack_info=False, stacklevel=1):
        if exc_info:
            if isinstance(exc_info, BaseException):
                exc_info = (type(exc_info), exc_info, None)
            elif not isinstance(exc_info, tuple):
                exc_info = sys.exc_info() if hasattr(sys, "exc_info") else None
        record = LogRecord(self.name, level, "", 0, msg, args, exc_info)
        if extra:
            for k, v in extra.items():
                record.__dict__[k] = v
        self.handle(record)

    def handle(self, record):
        if self.disabled or not self.filter(record):
            return
        c = self
        found = 0
        while c:
            for h in c.handlers:
                found += 1
                if record.levelno >= h.level:
                    h.handle(record)
            if not c.propagate:
                break
            c = c.parent
        if not found and record.levelno >= lastResort.level:
            lastResort.handle(record)

    def debug(self, msg, *args, **kw):
        if self.isEnabledFor(DEBUG):
            self._log(DEBUG, msg, args, **kw)

    def info(self, msg, *args, **kw):
        if self.isEnabledFor(INFO):
            self._log(INFO, msg, args, **kw)

    def warning(self, msg, *args, **kw):
        if self.isEnabledFor(WARNING):
            self._log(WARNING, msg, args, **kw)

    warn = warning

    def error(self, msg, *args, **kw):
        if self.isEnabledFor(ERROR):
            self._log(ERROR, msg, args, **kw)

    def exception(self, msg, *args, exc_info=True, **kw):
        self.error(msg, *args, exc_info=exc_info, **kw)

    def critical(self, msg, *args, **kw):
        if self.isEnabledFor(CRITICAL):
            self._log(CRITICAL, msg, args, **kw)

    fatal = critical

    def log(self, level, msg, *args, **kw):
        if self.isEnabledFor(level):
            self._log(level, msg, args, **kw)

    def __repr__(self):
        return "<%s %s (%s)>" % (type(self).__name__, self.name, getLevelName(self.getEffectiveLevel()))


class RootLogger(Logger):
    def __init__(self, level):
        Logger.__init__(self, "root", level)

    def __repr__(self):
        return "<RootLogger root (%s)>" % getLevelName(self.getEffectiveLevel())


root = RootLogger(WARNING)
_loggers = {}
_disable = [NOTSET - 1]


class _StderrHandler(StreamHandler):
    def __init__(self, level):
        StreamHandler.__init__(self)
        self.level = level


lastResort = _StderrHandler(WARNING)


def getLogger(name=None):
    if not name or name == "root":
        return root
    lg = _loggers.get(name)
    if lg is None:
        lg = Logger(name)
        _loggers[name] = lg
        # Parent: the nearest existing ancestor, else root.
        parent = root
        parts = name.split(".")
        for i in range(len(parts) - 1, 0, -1):
            p = _loggers.get(".".join(parts[:i]))
            if p is not None:
                parent = p
                break
        lg.parent = parent
        prefix = name + "."
        for other in _loggers.values():
            if other.name.startswith(prefix) and (other.parent is parent):
                other.parent = lg
    return lg


def basicConfig(**kwargs):
    force = kwargs.pop("force", False)
    if force:
        for h in root.handlers[:]:
            root.removeHandler(h)
            h.close()
    if root.handlers:
        return
    handlers = kwargs.pop("handlers", None)
    if handlers is None:
        filename = kwargs.pop("filename", None)
        if filename:
            h = FileHandler(filename, kwargs.pop("filemode", "a"))
        else:
            h = StreamHandler(kwargs.pop("stream", None))
        handlers = [h]
    fmt = Formatter(kwargs.pop("format", BASIC_FORMAT), kwargs.pop("datefmt", None),
                    kwargs.pop("style", "%"))
    for h in handlers:
        if h.formatter is None:
            h.setFormatter(fmt)
        root.addHandler(h)
    level = kwargs.pop("level", None)
    if level is not None:
        root.setLevel(level)


def disable(level=CRITICAL):
    _disable[0] = level


def debug(msg, *args, **kw):
    if not root.handlers:
        basicConfig()
    root.debug(msg, *args, **kw)


def info(msg, *args, **kw):
    if not root.handlers:
        basicConfig()
    root.info(msg, *args, **kw)


def warning(msg, *args, **kw):
    if not root.handlers:
        basicConfig()
    root.warning(msg, *args, **kw)


warn = warning


def error(msg, *args, **kw):
    if not root.handlers:
        basicConfig()
    root.error(msg, *args, **kw)


def exception(msg, *args, exc_info=True, **kw):
    error(msg, *args, exc_info=exc_info, **kw)


def critical(msg, *args, **kw):
    if not root.handlers:
        basicConfig()
    root.critical(msg, *args, **kw)


fatal = critical


def log(level, msg, *args, **kw):
    if not root.handlers:
        basicConfig()
    root.log(level, msg, *args, **kw)


def shutdown():
    for h in root.handlers:
        h.flush()
