# expect: handwritten
# framebuf has no CPython counterpart: byte layouts of every format, worked out from MicroPython's
# documented framebuf semantics (pixel/fill/fill_rect/hline/vline, stride rounding, size checks).
import framebuf


def show(fb, w, h):
    for y in range(h):
        print("".join("%x" % fb.pixel(x, y) for x in range(w)))


print(framebuf.MONO_VLSB, framebuf.MVLSB, framebuf.RGB565, framebuf.GS4_HMSB)
print(framebuf.MONO_HLSB, framebuf.MONO_HMSB, framebuf.GS2_HMSB, framebuf.GS8)

# MONO_VLSB: byte (y // 8) * stride + x, bit y % 8.
buf = bytearray(10)
fb = framebuf.FrameBuffer(buf, 5, 10, framebuf.MONO_VLSB)
fb.pixel(0, 0, 1)
fb.pixel(1, 1, 1)
fb.pixel(4, 7, 1)
fb.pixel(2, 8, 5)
fb.pixel(3, 9, 1)
print(buf.hex())
print(fb.pixel(4, 7), fb.pixel(4, 6), fb.pixel(5, 0), fb.pixel(-1, 0), fb.pixel(0, 10))
fb.fill(1)
print(buf.hex())
fb.fill(0)
fb.fill_rect(1, 2, 3, 7, 1)
print(buf.hex())
show(fb, 5, 10)

# MONO_HLSB: bit 7 is the leftmost pixel; stride rounded up to 8.
buf = bytearray(6)
fb = framebuf.FrameBuffer(buf, 10, 3, framebuf.MONO_HLSB)
fb.pixel(0, 0, 1)
fb.pixel(9, 0, 1)
fb.hline(2, 1, 100, 1)
fb.pixel(7, 2, 1)
print(buf.hex())
# MONO_HMSB: bit 0 is the leftmost pixel.
buf = bytearray(6)
fb = framebuf.FrameBuffer(buf, 10, 3, framebuf.MONO_HMSB)
fb.pixel(0, 0, 1)
fb.pixel(9, 0, 1)
fb.hline(2, 1, 100, 1)
fb.pixel(7, 2, 1)
print(buf.hex())
show(fb, 10, 3)

# GS2_HMSB: 4 pixels a byte, pixel 0 in the low bits.
buf = bytearray(4)
fb = framebuf.FrameBuffer(buf, 4, 4, framebuf.GS2_HMSB)
for x in range(4):
    fb.pixel(x, 0, x)
fb.vline(1, 1, 9, 3)
fb.pixel(3, 3, 6)
print(buf.hex(), fb.pixel(2, 0), fb.pixel(3, 3))

# GS4_HMSB: 2 pixels a byte, even x in the high nibble.
buf = bytearray(6)
fb = framebuf.FrameBuffer(buf, 3, 3, framebuf.GS4_HMSB)
fb.pixel(0, 0, 0xA)
fb.pixel(1, 0, 0xB)
fb.pixel(2, 0, 0x1C)
fb.fill_rect(1, 1, 5, 2, 7)
print(buf.hex())
show(fb, 3, 3)

# GS8 with a stride wider than the width.
buf = bytearray(12)
fb = framebuf.FrameBuffer(buf, 3, 3, framebuf.GS8, 4)
fb.fill(0x11)
fb.pixel(2, 2, 0x1FF)
print(buf.hex(), fb.pixel(2, 2))

# RGB565: little-endian 16-bit words.
buf = bytearray(8)
fb = framebuf.FrameBuffer(buf, 2, 2, framebuf.RGB565)
fb.pixel(0, 0, 0xF800)
fb.pixel(1, 1, 0x1234567)
fb.hline(0, 1, 1, 0x07E0)
print(buf.hex(), hex(fb.pixel(1, 1)), hex(fb.pixel(0, 0)))

# The buffer is shared: writes to it show through.
buf[0] = 0x1F
print(hex(fb.pixel(0, 0)))

# Other buffer objects: a memoryview window and an array.
import array

ba = bytearray(6)
fb = framebuf.FrameBuffer(memoryview(ba)[2:], 4, 8, framebuf.MONO_VLSB)
fb.fill(1)
print(ba.hex())
arr = array.array("H", [0, 0])
fb = framebuf.FrameBuffer(arr, 2, 1, framebuf.RGB565)
fb.pixel(1, 0, 0xBEEF)
print(hex(arr[1]))

# Size checks.
for args in [
    (bytearray(7), 8, 8, framebuf.MONO_VLSB),
    (bytearray(8), 8, 9, framebuf.MONO_VLSB),
    (bytearray(9), 9, 8, framebuf.MONO_HLSB),
    (bytearray(4), 4, 4, framebuf.GS2_HMSB),
    (bytearray(3), 4, 1, framebuf.RGB565),
    (bytearray(10), 0, 1, framebuf.GS8),
    (bytearray(10), 2, 1, framebuf.GS8, 1),
    (bytearray(10), 2, 2, 7),
    (bytearray(14), 3, 4, framebuf.GS8, 4),
]:
    try:
        framebuf.FrameBuffer(*args)
        print("ok")
    except ValueError as e:
        print("ValueError", e.args)
for args in [
    (bytearray(16), 8, 9, framebuf.MONO_VLSB),
    (bytearray(4), 9, 2, framebuf.MONO_HMSB),
    (bytearray(6), 2, 3, framebuf.GS8, 2),
    (bytearray(15), 3, 4, framebuf.GS8, 4),
]:
    framebuf.FrameBuffer(*args)
    print("ok")
try:
    framebuf.FrameBuffer(b"1234", 2, 2, framebuf.GS8)
except TypeError:
    print("TypeError")
