"""websocket: MicroPython's WebSocket framing (RFC 6455) over any stream.

websocket(sock, is_client=False) wraps a stream: write() sends each buffer as one frame (text
frames by default; ioctl(9, opcode) changes the data opcode, ioctl(8) gives the opcode of the
last frame received), read()/readinto()/readline() return the payload of data frames. A close
frame from the peer is answered with a close frame and reads then return b"" (end of stream);
ping and pong frames are skipped. Frames sent by a client are masked, as the protocol requires.
"""

import os

_CONT, _TEXT, _BINARY, _CLOSE, _PING, _PONG = 0, 1, 2, 8, 9, 10
_GET_DATA_OPTS = 8
_SET_DATA_OPTS = 9


class websocket:
    """A WebSocket endpoint over stream sock."""

    def __init__(self, sock, is_client=False):
        self.sock = sock
        self.is_client = bool(is_client)
        self.opts = _TEXT
        self.ws_flags = 0
        self.left = 0  # payload bytes of the current data frame not read yet
        self.mask = None
        self.mpos = 0
        self.closed = False

    def _exact(self, n):
        out = b""
        while len(out) < n:
            b = self.sock.read(n - len(out))
            if not b:
                return None
            out += b
        return out

    def _next_frame(self):
        # Read frame headers until a data frame with payload starts; False at end of stream.
        while True:
            h = self._exact(2)
            if h is None:
                return False
            op = h[0] & 0x0F
            n = h[1] & 0x7F
            if n == 126:
                e = self._exact(2)
                if e is None:
                    return False
                n = int.from_bytes(e, "big")
            elif n == 127:
                e = self._exact(8)
                if e is None:
                    return False
                n = int.from_bytes(e, "big")
            mask = None
            if h[1] & 0x80:
                mask = self._exact(4)
                if mask is None:
                    return False
            self.ws_flags = h[0]
            if op >= _CLOSE:
                if n:
                    self._exact(n)
                if op == _CLOSE:
                    self._raw_write(b"\x88\x00")
                    self.closed = True
                    return False
                continue
            if n == 0:
                continue
            self.left = n
            self.mask = mask
            self.mpos = 0
            return True

    def read(self, size=-1):
        """Up to size bytes of frame payload (b"" at the end of the stream)."""
        if size is None or size < 0:
            size = 1 << 30
        if self.closed:
            return b""
        if self.left == 0 and not self._next_frame():
            return b""
        b = self.sock.read(min(size, self.left))
        if not b:
            return b""
        self.left -= len(b)
        m = self.mask
        if m is not None:
            p = self.mpos
            b = bytes(x ^ m[(p + i) & 3] for i, x in enumerate(b))
            self.mpos = p + len(b)
        return b

    def readinto(self, buf, n=None):
        """Read frame payload into buf; the number of bytes read."""
        if n is None:
            n = len(buf)
        b = self.read(n)
        buf[: len(b)] = b
        return len(b)

    def readline(self):
        """Payload bytes up to and including a newline."""
        out = b""
        while True:
            c = self.read(1)
            if not c:
                return out
            out += c
            if c == b"\n":
                return out

    def _raw_write(self, data):
        w = self.sock.write(data)
        return len(data) if w is None else w

    def write(self, buf):
        """Send buf as one frame; the number of payload bytes."""
        buf = bytes(buf)
        n = len(buf)
        mbit = 0x80 if self.is_client else 0
        hdr = bytes([0x80 | (self.opts & 0x0F)])
        if n < 126:
            hdr += bytes([mbit | n])
        elif n < 65536:
            hdr += bytes([mbit | 126]) + n.to_bytes(2, "big")
        else:
            hdr += bytes([mbit | 127]) + n.to_bytes(8, "big")
        if self.is_client:
            m = os.urandom(4)
            hdr += m
            buf = bytes(x ^ m[i & 3] for i, x in enumerate(buf))
        self._raw_write(hdr + buf)
        return n

    def ioctl(self, req, arg=0):
        """Stream control: 8 gives the last frame's opcode, 9 sets the data opcode (giving the
        old one), 4 closes."""
        if req == _GET_DATA_OPTS:
            return self.ws_flags & 0x0F
        if req == _SET_DATA_OPTS:
            cur = self.opts & 0x0F
            self.opts = (self.opts & ~0x0F) | (arg & 0x0F)
            return cur
        if req == 4:
            self.close()
            return 0
        raise OSError(22)

    def close(self):
        """Close the underlying stream."""
        self.sock.close()
