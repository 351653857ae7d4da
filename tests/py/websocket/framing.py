# expect: handwritten
# websocket is MicroPython-only (no CPython counterpart): frames written by a server are plain,
# a client's are masked (and read back unmasked); long payloads use the extended lengths; a
# close frame is answered and ends the stream; ping frames are skipped; ioctl 8/9 report and
# set the data opcode.
import io
import websocket

s = io.BytesIO()
websocket.websocket(s).write(b"hi")
print(s.getvalue())

s = io.BytesIO()
c = websocket.websocket(s, True)
c.write(b"masked payload\nsecond line")
raw = s.getvalue()
print(raw[0], raw[1] & 0x80, raw[1] & 0x7F, raw[6:] != b"masked payload\nsecond line")
r = websocket.websocket(io.BytesIO(raw))
print(r.readline(), r.read(100), r.read(5))

for n in (125, 126, 65535, 65536):
    s = io.BytesIO()
    websocket.websocket(s).write(b"x" * n)
    v = s.getvalue()
    print(n, v[:2], len(v) - n, websocket.websocket(io.BytesIO(v)).read(n + 10) == b"x" * n)

s = io.BytesIO(b"\x89\x00\x82\x03abc\x88\x00")
w = websocket.websocket(s)
buf = bytearray(8)
print(w.readinto(buf), buf[:3], w.ioctl(8), w.read(4), s.getvalue()[-2:])
print(w.ioctl(8), w.ioctl(9, 2), w.ioctl(9))
s = io.BytesIO()
w.sock = s
w.write(b"bin")
print(s.getvalue())
try:
    w.ioctl(123)
except OSError as e:
    print("OSError", e.errno)
