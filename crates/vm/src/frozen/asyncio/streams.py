# asyncio.streams: MicroPython's Stream (StreamReader/StreamWriter) over any
# stream object (whose close() must be idempotent). Before each read or write the task waits, through the
# loop's IO wait (core._IOWait, polled with select.poll), until the stream is
# ready; streams without an ioctl method (files, io.BytesIO) are always ready.
# open_connection/start_server are left out: there is no socket module.

from asyncio import core

_POLLIN = 0x0001
_POLLOUT = 0x0004


class Stream:
    """An asyncio stream over stream object s (MicroPython's API); `e` holds
    the values returned by get_extra_info()."""

    def __init__(self, s, e={}):
        self.s = s
        self.e = e
        self.out_buf = b""

    def get_extra_info(self, v):
        """The extra information v given when the stream was made."""
        return self.e[v]

    async def __aenter__(self):
        return self

    async def __aexit__(self, exc_type, exc, tb):
        self.s.close()

    def close(self):
        """Close the underlying stream (its close must be idempotent)."""
        self.s.close()

    async def wait_closed(self):
        """Close the underlying stream (a no-op once closed)."""
        self.s.close()

    aclose = wait_closed

    async def read(self, n=-1):
        """Read up to n bytes (n < 0: until end of stream)."""
        r = b""
        while True:
            await core._IOWait(self.s, _POLLIN)
            r2 = self.s.read(n)
            if r2 is not None:
                if n >= 0:
                    return r2
                if not len(r2):
                    return r
                r += r2

    async def readinto(self, buf):
        """Read into buf; return the number of bytes read."""
        await core._IOWait(self.s, _POLLIN)
        return self.s.readinto(buf)

    async def readexactly(self, n):
        """Read exactly n bytes; raise EOFError if the stream ends first."""
        r = b""
        while n:
            await core._IOWait(self.s, _POLLIN)
            r2 = self.s.read(n)
            if r2 is not None:
                if not len(r2):
                    raise EOFError
                r += r2
                n -= len(r2)
        return r

    async def readline(self):
        """Read one line (ending in b"\\n", or the rest of the stream)."""
        line = b""
        while True:
            await core._IOWait(self.s, _POLLIN)
            l2 = self.s.readline()
            line += l2
            if not l2 or line[-1] == 10:
                return line

    def write(self, buf):
        """Queue buf for writing (written at once when the stream takes it)."""
        if not self.out_buf:
            ret = self.s.write(buf)
            if ret == len(buf):
                return
            if ret is not None:
                buf = buf[ret:]
        self.out_buf += buf

    async def drain(self):
        """Wait until everything queued by write() has been written."""
        if not self.out_buf:
            return await core.sleep_ms(0)
        mv = memoryview(self.out_buf)
        off = 0
        while off < len(mv):
            await core._IOWait(self.s, _POLLOUT)
            ret = self.s.write(mv[off:])
            if ret is not None:
                off += ret
        self.out_buf = b""


StreamReader = Stream
StreamWriter = Stream
