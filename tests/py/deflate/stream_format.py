# expect: handwritten
# deflate is MicroPython-only: compressed output is one final fixed-Huffman block with zlib's
# default-level header (as MicroPython writes it, so its bytes are known), decompression reads
# the source only as far as it needs, and a truncated stream is an EOFError.
import deflate
import io


def compress(data, *args):
    b = io.BytesIO()
    with deflate.DeflateIO(b, *args) as g:
        g.write(data)
    return b.getvalue()


print(compress(b"hello"))
print(compress(b"hello", deflate.ZLIB, 9))
print(compress(b"hello", deflate.ZLIB))
print(compress(b"hello", deflate.GZIP))
print(compress(b"abcabcabcabc", deflate.RAW))
z = compress(b"partial reads of a zlib stream", deflate.ZLIB)
src = io.BytesIO(z)
g = deflate.DeflateIO(src)
print(src.tell())
print(g.read(1), src.tell())
print(g.read(3), src.tell())
print(g.read(), src.tell() == len(z))
try:
    deflate.DeflateIO(io.BytesIO(z[:10]), deflate.ZLIB).read()
except EOFError:
    print("EOFError")
src = io.BytesIO(compress(b"0123456789" * 3, deflate.RAW))
g = deflate.DeflateIO(src, deflate.RAW)
g.read(2)
src.close()
try:
    g.read(2)
except ValueError:
    print("ValueError")
