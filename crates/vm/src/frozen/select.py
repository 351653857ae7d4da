"""select: wait until streams are ready, as MicroPython's module does.

poll() objects watch streams for POLLIN/POLLOUT; POLLERR and POLLHUP are always reported.
A stream's readiness comes from its ioctl(MP_STREAM_POLL, events) method when it has one
(MicroPython's stream protocol, which asyncio streams use); integer descriptors and streams with
a fileno() (sys.stdin/stdout) are asked of the host when the port gives a `_hostpoll` module
(the native port does); other streams (io.StringIO, io.BytesIO) are always ready. Waiting sleeps through
time.sleep_ms, so in the browser a wait suspends the run instead of blocking the page.
"""

import time

POLLIN = 0x0001
POLLOUT = 0x0004
POLLERR = 0x0008
POLLHUP = 0x0010
POLLNVAL = 0x0020

_MP_STREAM_POLL = 3

try:
    from _hostpoll import poll as _hpoll
except ImportError:
    _hpoll = None


def _fd(obj):
    # The host descriptor to poll for obj (None: no host poll for it).
    if _hpoll is None:
        return None
    if isinstance(obj, int):
        return obj
    if hasattr(obj, 'ioctl'):
        return None
    f = getattr(obj, 'fileno', None)
    if f is None:
        return None
    try:
        return f()
    except Exception:
        return None


def _check(obj):
    if isinstance(obj, int) or hasattr(obj, 'ioctl'):
        return
    if hasattr(obj, 'read') or hasattr(obj, 'write') or hasattr(obj, 'readinto'):
        return
    raise TypeError('object with stream.ioctl required')


def _ready(obj, events):
    fd = _fd(obj)
    if fd is not None:
        return _hpoll([(fd, events)])[0]
    f = getattr(obj, 'ioctl', None)
    if f is not None:
        r = f(_MP_STREAM_POLL, events)
        if r is None:
            return 0
        if r < 0:
            raise OSError(-r)
        return r & (events | POLLERR | POLLHUP | POLLNVAL)
    return events & (POLLIN | POLLOUT)


def _ms(timeout):
    if timeout is None:
        return -1
    if isinstance(timeout, float):
        t = int(timeout)
        return t + 1 if t < timeout else t
    return timeout


class poll:
    """A set of streams to wait on (make one with select.poll())."""

    def __init__(self):
        self._map = {}

    def register(self, obj, eventmask=POLLIN | POLLOUT):
        _check(obj)
        if isinstance(obj, int) and obj < 0:
            raise ValueError('file descriptor cannot be a negative integer (%d)' % obj)
        self._map[id(obj)] = [obj, eventmask]

    def unregister(self, obj):
        self._map.pop(id(obj), None)

    def modify(self, obj, eventmask):
        e = self._map.get(id(obj))
        if e is None:
            raise OSError(2)
        e[1] = eventmask

    def _scan(self, flags):
        out = []
        entries = list(self._map.values())
        # Host descriptors are polled together, in one call.
        fds = [(i, _fd(e[0])) for i, e in enumerate(entries)]
        fds = [(i, fd) for i, fd in fds if fd is not None]
        host = {}
        if fds:
            revents = _hpoll([(fd, entries[i][1]) for i, fd in fds])
            for (i, fd), r in zip(fds, revents):
                host[i] = r
        for i, e in enumerate(entries):
            r = host[i] if i in host else _ready(e[0], e[1])
            if r:
                out.append((e[0], r))
                if flags & 1:
                    e[1] = 0
        return out

    def _wait(self, timeout, flags):
        timeout = _ms(timeout)
        start = time.ticks_ms()
        while True:
            out = self._scan(flags)
            if out or timeout == 0:
                return out
            if timeout > 0 and time.ticks_diff(time.ticks_ms(), start) >= timeout:
                return out
            time.sleep_ms(1)

    def poll(self, timeout=-1):
        """Wait up to timeout ms (-1: forever) and return a list of (obj, event) pairs."""
        return self._wait(timeout, 0)

    def ipoll(self, timeout=-1, flags=0):
        """Like poll() but returns an iterator; flags=1 makes each event one-shot."""
        return iter(self._wait(timeout, flags))


def select(rlist, wlist, xlist, timeout=None):
    """Wait until some of the streams are ready; timeout in seconds (None: forever)."""
    for o in rlist:
        _check(o)
    for o in wlist:
        _check(o)
    for o in xlist:
        _check(o)
    ms = -1 if timeout is None else _ms(timeout * 1000)
    start = time.ticks_ms()
    while True:
        r = [o for o in rlist if _ready(o, POLLIN) & (POLLIN | POLLERR | POLLHUP)]
        w = [o for o in wlist if _ready(o, POLLOUT) & (POLLOUT | POLLERR | POLLHUP)]
        x = [o for o in xlist if _ready(o, 0) & (POLLERR | POLLHUP)]
        if r or w or x or ms == 0:
            return r, w, x
        if ms > 0 and time.ticks_diff(time.ticks_ms(), start) >= ms:
            return r, w, x
        time.sleep_ms(1)
