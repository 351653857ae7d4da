# expect: handwritten
# micropython.RingIO has no CPython counterpart: a fixed-size byte FIFO with stream methods.
import micropython

ring = micropython.RingIO(8)
print(ring, ring.any())
print(ring.write(b"line1\nab"), ring.write(b"more"), ring.any())
print(ring.readline(), ring.any())
print(ring.read(1), ring.read(), ring.read())
ring.write(b"xyz")
buf = bytearray(5)
print(ring.readinto(buf), buf)
print(ring.ioctl(3, 1 | 4), ring.write(b"12345678"), ring.ioctl(3, 1 | 4))
print(ring.read(3), micropython.RingIO(bytearray(4)).write(b"abcdef"))
try:
    micropython.RingIO(None)
except TypeError:
    print("TypeError")
