# expect: handwritten
# framebuf has no CPython counterpart: lines, rectangles, ellipses and polygons drawn with
# MicroPython's algorithms (Bresenham lines, midpoint ellipses, scan-line polygon fill), clipped.
import framebuf
from array import array

W, H = 16, 12
buf = bytearray(W * H)
fb = framebuf.FrameBuffer(buf, W, H, framebuf.GS8)


def show(title):
    print(title)
    for y in range(H):
        print("".join(".123456789"[fb.pixel(x, y)] for x in range(W)))
    fb.fill(0)


fb.line(0, 0, 15, 5, 1)
fb.line(15, 11, 0, 6, 2)
fb.line(2, 0, 5, 11, 3)
fb.line(7, 7, 7, 7, 4)
show("lines")
fb.line(-20, -3, 30, 14, 1)
fb.line(8, -100, 8, 100, 2)
fb.line(-1000, 5, 1000, 5, 3)
fb.line(100, 100, 200, 200, 4)
show("clipped lines")
fb.rect(1, 1, 6, 4, 1)
fb.rect(8, 2, 5, 5, 2, True)
fb.rect(-2, 8, 5, 10, 3)
fb.rect(14, 9, 1, 1, 4)
fb.rect(3, 3, 0, 5, 5)
show("rects")
fb.ellipse(7, 5, 6, 4, 1)
fb.ellipse(7, 5, 2, 2, 2, True)
show("ellipses")
fb.ellipse(7, 5, 5, 5, 1, False, 0b0101)
fb.ellipse(7, 5, 3, 3, 2, True, 0b1010)
fb.ellipse(0, 0, 0, 0, 3)
fb.ellipse(15, 11, 3, 0, 4)
show("quadrants")
fb.ellipse(-3, 6, 8, 20, 1, True)
show("clipped ellipse")
tri = array("h", [0, 0, 10, 4, 2, 9])
fb.poly(2, 1, tri, 1)
show("triangle")
fb.poly(2, 1, tri, 2, True)
show("filled triangle")
star = array("b", [5, 0, 7, 4, 11, 4, 8, 7, 9, 11, 5, 8, 1, 11, 2, 7, -1, 4, 3, 4])
fb.poly(1, 0, star, 3, True)
show("star")
fb.poly(0, 0, array("h", [3, 3]), 1)
fb.poly(0, 0, array("h", [3]), 1)
fb.poly(0, 0, array("i", [-50, -50, 60, -40, 10, 80]), 2, True)
show("degenerate and clipped polys")
