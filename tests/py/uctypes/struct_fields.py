# expect: handwritten
# uctypes is MicroPython-only (no CPython counterpart). Fields of a buffer read and written
# through a descriptor: scalars in both byte orders, bit fields, nested structs, arrays of
# scalars and of structs, pointers between buffers, sizeof with native alignment, and
# addresses that lie in no known buffer (an OSError, never a crash).
import uctypes

buf = bytearray(b"\x01\x02\x03\x04\x05\x06\x07\x08")
desc = {
    "u16": uctypes.UINT16 | 0,
    "i8": uctypes.INT8 | 7,
    "u32": uctypes.UINT32 | 4,
    "lo": uctypes.BFUINT8 | 2 | 0 << uctypes.BF_POS | 4 << uctypes.BF_LEN,
    "hi": uctypes.BFUINT8 | 2 | 4 << uctypes.BF_POS | 4 << uctypes.BF_LEN,
    "sub": (4, {"a": uctypes.UINT8 | 0, "b": uctypes.UINT8 | 1}),
    "bytes": (uctypes.ARRAY | 0, uctypes.UINT8 | 4),
    "words": (uctypes.ARRAY | 0, uctypes.UINT16 | 4),
    "pairs": (uctypes.ARRAY | 0, 2, {"x": uctypes.UINT8 | 0, "y": uctypes.UINT8 | 1}),
}
le = uctypes.struct(uctypes.addressof(buf), desc, uctypes.LITTLE_ENDIAN)
be = uctypes.struct(uctypes.addressof(buf), desc, uctypes.BIG_ENDIAN)
print(hex(le.u16), hex(be.u16), hex(le.u32), hex(be.u32), le.i8)
print(le.lo, le.hi, le.sub.a, le.sub.b, le.bytes, le.words[3], be.words[3])
print([(p.x, p.y) for p in (le.pairs[0], le.pairs[1])])
le.i8 = -1
le.hi = 0xA
le.sub.b = 0x66
le.words[1] = 0xBEEF
le.bytes[0] = 0x99
print(buf)
try:
    le.words[4]
except IndexError as e:
    print("IndexError", e)
try:
    le.sub = 1
except TypeError as e:
    print("TypeError", e)
try:
    le[0]
except TypeError as e:
    print("TypeError", e)
print(uctypes.sizeof(desc), uctypes.sizeof(desc, uctypes.LITTLE_ENDIAN), uctypes.sizeof(le.pairs))
print(uctypes.sizeof({"a": uctypes.UINT8 | 0, "b": uctypes.UINT32 | 1}))
print(uctypes.sizeof({"a": uctypes.UINT8 | 0, "b": uctypes.UINT32 | 1}, uctypes.LITTLE_ENDIAN))

target = b"ABCD"
cell = bytearray(uctypes.addressof(target).to_bytes(8, "little"))
p = uctypes.struct(uctypes.addressof(cell), {"p": (uctypes.PTR | 0, uctypes.UINT8)})
print(int(p.p) == uctypes.addressof(target), p.p[0], p.p[3])
print(uctypes.bytes_at(uctypes.addressof(target) + 1, 2))
print(uctypes.struct(0, desc))
try:
    uctypes.bytes_at(12345678, 4)
except OSError as e:
    print("OSError", e.errno)
