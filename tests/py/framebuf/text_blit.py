# expect: handwritten
# framebuf has no CPython counterpart: text with MicroPython's 8x8 font, scroll, blit with a key,
# a palette and a (buffer, width, height, format) tuple, FrameBuffer1 and subclassing (as
# MicroPython's ssd1306 driver does).
import framebuf

W, H = 20, 10
buf = bytearray(W * ((H + 7) // 8))
fb = framebuf.FrameBuffer(buf, W, H, framebuf.MONO_VLSB)


def show(title, f=fb, w=W, h=H):
    print(title)
    for y in range(h):
        print("".join(".#23456789"[f.pixel(x, y)] for x in range(w)))


fb.text("Hi!", 0, 0)
show("text")
print(buf.hex())
fb.fill(0)
fb.text("ok", -3, 3, 1)
fb.text("\u00e9", 13, 1)
show("clipped text, non-ASCII")
fb.fill(1)
fb.text("A", 6, -2, 0)
show("text in colour 0")
fb.fill(0)
fb.text("", 0, 0)
fb.text("x" * 1000, -4000, 0)
fb.text("abc", 10**12, 0)
print(sum(buf))

# scroll moves pixels, leaving the uncovered ones as they were.
fb.fill(0)
fb.fill_rect(0, 0, 4, 3, 1)
fb.scroll(3, 2)
show("scroll(3, 2)")
fb.scroll(-2, -1)
show("scroll(-2, -1)")
fb.scroll(100, 0)
fb.scroll(0, -100)
fb.scroll(-(10**15), 10**15)
print(sum(buf))

# blit from another FrameBuffer, with a transparent key.
sbuf = bytearray(3 * 3)
spr = framebuf.FrameBuffer(sbuf, 3, 3, framebuf.GS8)
spr.fill(1)
spr.pixel(1, 1, 0)
fb.fill(0)
fb.blit(spr, 1, 1)
fb.blit(spr, 6, 1, 0)
fb.fill_rect(11, 0, 5, 5, 1)
fb.blit(spr, 12, 1, 1)
fb.blit(spr, -1, 7)
fb.blit(spr, 19, 8)
fb.blit(spr, 20, 0)
fb.blit(spr, -3, 0)
show("blit")

# blit from a tuple, with a palette mapping 0 -> 1, 1 -> 0.
gbuf = bytearray(W * H)
g = framebuf.FrameBuffer(gbuf, W, H, framebuf.GS8)
mono = bytes([0b10100000, 0b01000000])
g.blit((mono, 3, 2, framebuf.MONO_HLSB, 8), 0, 0)
pal = framebuf.FrameBuffer(bytearray(2), 2, 1, framebuf.GS8)
pal.pixel(0, 0, 5)
pal.pixel(1, 0, 7)
g.blit((mono, 3, 2, framebuf.MONO_HLSB, 8), 4, 0, -1, pal)
g.blit((bytearray(b"\x02\x03"), 2, 1, framebuf.GS8), 8, 0, 2)
g.blit([b"\x09", 1, 1, framebuf.GS8], 10, 0)
show("tuple blits", g, 12, 2)
for bad in [(b"", 1, 1, framebuf.GS8), (b"ab", 2, 1), 5]:
    try:
        g.blit(bad, 0, 0)
    except (ValueError, TypeError) as e:
        print(type(e).__name__)

# blit onto itself (same buffer) reads the pixels as they were before.
fb.fill(0)
fb.hline(0, 0, 5, 1)
fb.blit(fb, 1, 0)
show("self blit", fb, 8, 1)

# FrameBuffer1 and subclasses.
b1 = bytearray(8)
f1 = framebuf.FrameBuffer1(b1, 8, 8)
f1.pixel(3, 5, 1)
print(b1.hex())


class Display(framebuf.FrameBuffer):
    def __init__(self, width, height):
        self.width = width
        self.height = height
        self.buffer = bytearray(width * height // 8)
        super().__init__(self.buffer, width, height, framebuf.MONO_VLSB)

    def show(self):
        return self.buffer.hex()


d = Display(8, 8)
d.fill(0)
d.text("1", 0, 0, 1)
d.hline(0, 7, 8, 1)
print(d.show(), d.width, isinstance(d, framebuf.FrameBuffer))
g.blit(d, 0, 0)
print(g.pixel(3, 0), g.pixel(3, 7))
