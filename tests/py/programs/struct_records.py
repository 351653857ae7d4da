# Binary records with struct, bytes/bytearray manipulation, a checksum and
# a hexdump, like a small file-format tutorial.
import struct

HEADER = "<4sHHI"
RECORD = "<IhBx8sd"
print(struct.calcsize(HEADER), struct.calcsize(RECORD), struct.calcsize(">iq"), struct.calcsize("@bi"))
people = [(1, -40, 7, b"ann", 1.5), (2, 300, 255, b"bartholomew", -2.25), (3, 0, 0, b"", 1e10)]
body = bytearray()
for rec in people:
    body += struct.pack(RECORD, *rec)
header = struct.pack(HEADER, b"RECS", 1, len(people), len(body))
blob = bytes(header) + bytes(body)
print(len(blob), blob[:4], blob[4:8].hex())


def checksum(data):
    s = 0
    for b in data:
        s = (s * 31 + b) & 0xFFFFFFFF
    return s


print(hex(checksum(blob)))


def hexdump(data, width=16):
    for off in range(0, len(data), width):
        chunk = data[off:off + width]
        hexpart = " ".join(f"{b:02x}" for b in chunk)
        text = "".join(chr(b) if 32 <= b < 127 else "." for b in chunk)
        print(f"{off:08x}  {hexpart:<{width * 3}} |{text}|")


hexdump(blob)
magic, version, count, size = struct.unpack_from(HEADER, blob, 0)
print(magic, version, count, size)
off = struct.calcsize(HEADER)
for i in range(count):
    rid, temp, level, name, score = struct.unpack_from(RECORD, blob, off)
    off += struct.calcsize(RECORD)
    print(rid, temp, level, name.rstrip(b"\0").decode(), score)
print(struct.unpack(">I", b"\x00\x00\x01\x00"), struct.unpack("<I", b"\x00\x00\x01\x00"))
print(struct.pack(">h", -2), struct.pack("<q", -1), struct.pack(">f", 1.5), struct.pack("?", True))
print(struct.unpack("<3B", b"abc"), struct.unpack(">2H", b"\x01\x02\x03\x04"))
for fmt, val in [("B", 256), ("b", -129), ("H", -1), ("I", 2 ** 32)]:
    try:
        struct.pack(fmt, val)
    except struct.error as e:
        print("struct.error for", fmt, val)
try:
    struct.unpack("<I", b"\x00")
except struct.error:
    print("struct.error: short buffer")
ba = bytearray(b"hello world")
ba[0] = ord("H")
ba[6:11] = b"WORLD"
ba.extend(b"!!")
del ba[-1]
print(ba, ba.upper() if hasattr(ba, "upper") else ba, len(ba), ba.find(b"WORLD"), ba.count(b"l"))
print(bytes(range(5)), bytes(3), b"ab" + b"cd", b"x" in b"xyz", b"abc"[1], b"abc"[1:], list(b"hi"))
print(b"a,b,,c".split(b","), b"  pad ".strip(), b"-".join([b"a", b"b"]), b"abc".replace(b"b", b"B"))
print(int.from_bytes(b"\x12\x34", "big"), (4660).to_bytes(2, "little"), b"\xde\xad".hex(), bytes.fromhex("de ad be ef"))
print(b"caf\xc3\xa9".decode("utf-8"), "é".encode("utf-8"), b"abc".decode(), bytes("xyz", "utf-8"))
xor_key = 0x5A
enc = bytes(b ^ xor_key for b in b"secret message")
print(enc.hex(), bytes(b ^ xor_key for b in enc))
print(memoryview(blob)[0:4].tobytes(), memoryview(b"abc")[1], bytes(memoryview(bytearray(b"xy"))))
