# expect: handwritten
# framebuf and uctypes have no CPython counterpart. A FrameBuffer and a uctypes struct export
# their memory (MicroPython's buffer protocol, spelled __buffer__ as in PEP 688): memoryview()
# aliases it, bytearray()/bytes() copy it.
import framebuf
import uctypes

buf = bytearray(8)
fb = framebuf.FrameBuffer(buf, 8, 8, framebuf.MONO_VLSB)
fb.pixel(0, 0, 1)
fb.pixel(3, 2, 1)
print(bytearray(fb), bytes(fb))
mv = memoryview(fb)
print(len(mv), mv[0], mv[3])
mv[7] = 0xFF
print(buf[7], fb.pixel(7, 5))
copy = bytearray(fb)
fb.fill(0)
print(copy[0], buf[0])

# A FrameBuffer over part of a bigger buffer exports only its window.
big = bytearray(b"abcdefghij")
sub = framebuf.FrameBuffer(memoryview(big)[2:6], 4, 1, framebuf.GS8)
print(bytes(sub), bytes(memoryview(sub)))

data = bytearray(b"01234567")
desc = {"a": (uctypes.ARRAY | 0, uctypes.UINT8 | 4), "b": uctypes.UINT32 | 4}
s = uctypes.struct(uctypes.addressof(data), desc, uctypes.LITTLE_ENDIAN)
print(bytearray(s), bytes(s))
m = memoryview(s)
m[0] = ord("X")
print(data)


class Exporter:
    def __init__(self, b):
        self.b = b

    def __buffer__(self, flags):
        return memoryview(self.b)


print(bytearray(Exporter(b"xyz")), memoryview(Exporter(bytearray(b"q")))[0])


class Bad:
    def __buffer__(self, flags):
        return b"not a view"


try:
    memoryview(Bad())
except TypeError as e:
    print("TypeError", e)
