# expect: handwritten
# Viper (@micropython.viper) has no CPython counterpart: these expectations follow
# MicroPython's viper emitter (typed arguments, ptr8/ptr16/ptr32 casts over buffers).
import micropython
import array


@micropython.viper
def fill(dst: ptr8, n: int, v: int):
    for k in range(n):
        dst[k] = v + k


@micropython.viper
def total(src: ptr8, n: int) -> int:
    acc = 0
    for k in range(n):
        acc += src[k]
    return acc


buf = bytearray(6)
fill(buf, 6, 250)
print(buf)
print(total(buf, 6))
print(total(b"\x05\x06\x07", 3))


@micropython.viper
def halves(src_obj) -> int:
    p = ptr16(src_obj)
    return p[0] + (p[1] << 16)


print(hex(halves(bytearray(b"\x34\x12\x78\x56"))))


@micropython.viper
def put32(dst: ptr32, k: int, v: int):
    dst[k] = v


words = bytearray(8)
put32(words, 1, 0x11223344)
put32(words, 0, -1)
print(words)

arr = array.array("H", [1, 2, 3])


@micropython.viper
def bump(a) -> int:
    p = ptr16(a)
    p[2] = p[2] + 100
    return p[2]


print(bump(arr), arr)


@micropython.viper
def view_write(m):
    p = ptr8(m)
    p[0] = 65


backing = bytearray(b"xyz")
view_write(memoryview(backing)[1:])
print(backing)


@micropython.viper
def addr_of(b: ptr) -> ptr:
    return b


@micropython.viper
def first(p: ptr8) -> int:
    return p[0]


data = bytearray(b"\x01\x02\x03\x04")
a = addr_of(data)
print(type(a))
print(first(a), first(a + 3))

# an address that never came from a buffer is refused (MicroPython would read raw memory;
# ferropy only knows addresses of buffers it handed out)
try:
    first(12345)
except ValueError:
    print("ValueError")

# out-of-range access raises instead of touching other memory
try:
    first(a + 4)
except (IndexError, ValueError):
    print("out of range")


@micropython.viper
def read_far(p: ptr8) -> int:
    return p[100]


try:
    read_far(data)
except IndexError:
    print("IndexError")

# read-only buffers refuse stores
try:
    fill(b"abc", 1, 0)
except TypeError:
    print("TypeError")

try:
    total(42, 1)
except (TypeError, ValueError):
    print("not a buffer")
