# asyncio.streams: MicroPython's Stream (StreamReader/StreamWriter) over any
# stream object (whose close() must be idempotent). Before each read or write the task waits, through the
# loop's IO wait (core._IOWait, polled with select.poll), until the stream is
# ready; streams without an ioctl method (files, io.BytesIO) are always ready.
# open_connection/start_server use the port's socket module (non-blocking
# sockets, whose readiness select.poll reports).

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
            if l2 is None:  # a TLS stream with only protocol records so far
                continue
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


async def open_connection(host, port, ssl=None, server_hostname=None):
    """Connect a TCP socket to (host, port); return the pair (reader, writer). With ssl (an
    SSLContext, or True for a default client context) the connection is wrapped in TLS, the
    server's name being server_hostname (default: host)."""
    import socket

    ai = socket.getaddrinfo(host, port, 0, socket.SOCK_STREAM)[0]
    s = socket.socket(ai[0], ai[1], ai[2])
    s.setblocking(False)
    try:
        s.connect(ai[-1])
    except OSError as e:
        if e.errno != 115:  # EINPROGRESS: the connection completes in the background
            s.close()
            raise
    await core._IOWait(s, _POLLOUT)
    err = s.getsockopt(socket.SOL_SOCKET, socket.SO_ERROR) if hasattr(s, "getsockopt") else 0
    if err:
        s.close()
        cls = ConnectionRefusedError if err == 111 else OSError
        raise cls(err, "Connect call failed (%r, %r)" % (ai[-1][0], ai[-1][1]))
    if ssl:
        # TLS over the connected socket; the handshake runs within the first reads and writes.
        if ssl is True:
            import ssl as _ssl

            ssl = _ssl.SSLContext(_ssl.PROTOCOL_TLS_CLIENT)
        s = ssl.wrap_socket(s, server_hostname=server_hostname or host, do_handshake_on_connect=False)
        s.setblocking(False)
        s.write(b"")  # send the ClientHello now: the peer speaks only after it
    ss = Stream(s)
    return ss, ss


class Server:
    """A listening TCP server made by start_server()."""

    def __init__(self):
        self.task = None
        self.s = None
        self.sockets = []  # the listening socket (CPython's attribute)

    async def __aenter__(self):
        return self

    async def __aexit__(self, exc_type, exc, tb):
        self.close()
        await self.wait_closed()

    def close(self):
        """Stop accepting connections."""
        if self.task is not None:
            self.task.cancel()

    async def wait_closed(self):
        """Wait until the server has stopped."""
        if self.task is not None:
            await self.task

    async def _serve(self, s, cb, ssl=None):
        try:
            while True:
                await core._IOWait(s, _POLLIN)
                try:
                    s2, addr = s.accept()
                except OSError:
                    continue
                s2.setblocking(False)
                if ssl:
                    # The TLS handshake runs within the connection's first reads and writes.
                    s2 = ssl.wrap_socket(s2, server_side=True, do_handshake_on_connect=False)
                st = Stream(s2, {"peername": addr})
                core.create_task(cb(st, st))
        except core.CancelledError:
            pass
        finally:
            s.close()


async def start_server(cb, host, port, backlog=5, ssl=None):
    """Listen on (host, port); for each connection run cb(reader, writer) as a task. With ssl (a
    server SSLContext) each connection is wrapped in TLS."""
    import socket

    ai = socket.getaddrinfo(host, port, 0, socket.SOCK_STREAM)[0]
    s = socket.socket(ai[0], ai[1], ai[2])
    s.setblocking(False)
    s.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
    s.bind(ai[-1])
    s.listen(backlog)
    srv = Server()
    srv.s = s
    srv.sockets = [s]
    srv.task = core.create_task(srv._serve(s, cb, ssl))
    return srv
