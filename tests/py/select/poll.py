# expect: handwritten
# MicroPython's select polls any stream (ioctl protocol; files and io objects are always ready);
# CPython's needs OS file descriptors, so these expectations are written by hand.
import io
import select
import time


class Dev:
    """A stream with MicroPython's ioctl protocol: readable only when it has data."""

    def __init__(self):
        self.data = b''
        self.calls = 0

    def ioctl(self, req, arg):
        self.calls += 1
        if req != 3:
            return -22
        r = 0
        if arg & select.POLLIN and self.data:
            r |= select.POLLIN
        if arg & select.POLLOUT:
            r |= select.POLLOUT
        return r


print(select.POLLIN, select.POLLOUT, select.POLLERR, select.POLLHUP)
d = Dev()
p = select.poll()
p.register(d, select.POLLIN)
t = time.ticks_ms()
print(p.poll(30))
print(time.ticks_diff(time.ticks_ms(), t) >= 25, d.calls > 1)
print(p.poll(0))
d.data = b'x'
print(p.poll(1000) == [(d, select.POLLIN)])
p.modify(d, select.POLLOUT)
print(p.poll(0) == [(d, select.POLLOUT)])
s = io.StringIO('abc')
p.register(s)
print(len(p.poll(0)), [ev for o, ev in p.ipoll(0) if o is s])
one = select.poll()
one.register(d, select.POLLIN)
print(len(list(one.ipoll(0, 1))), len(list(one.ipoll(0, 1))))
one.modify(d, select.POLLIN)
print(len(one.poll(0)))
p.unregister(s)
p.unregister(s)
print(len(p.poll(0)))
try:
    p.modify(s, select.POLLIN)
except OSError as e:
    print('OSError', e.errno)
try:
    p.register(object())
except TypeError as e:
    print('TypeError', e)
print(select.select([d, s], [s], [], 0) == ([d, s], [s], []))
d.data = b''
t = time.ticks_ms()
print(select.select([d], [], [], 0.02), time.ticks_diff(time.ticks_ms(), t) >= 15)
