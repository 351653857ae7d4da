# expect: handwritten
# deflate is MicroPython-only (no CPython counterpart): data compressed by DeflateIO in each
# format and window size decompresses to the original (checked against CPython's zlib by
# tests/py/gzip/zlib_compat.py through the zlib module).
import deflate
import io

samples = [b'', b'a', b'abc' * 1000, bytes(range(256)) * 8,
           b''.join(b'%d,' % (i * i % 1000) for i in range(3000)), b'x' * 70000]
for fmt in (deflate.AUTO, deflate.RAW, deflate.ZLIB, deflate.GZIP):
    for wbits in (0, 5, 9, 15):
        for s in samples:
            b = io.BytesIO()
            w = deflate.DeflateIO(b, fmt, wbits)
            for i in range(0, max(len(s), 1), 1000):
                w.write(s[i:i + 1000])
            w.close()
            c = b.getvalue()
            rfmt = deflate.RAW if fmt == deflate.AUTO else fmt
            back = deflate.DeflateIO(io.BytesIO(c), rfmt, wbits or (8 if rfmt == deflate.RAW else 0)).read()
            assert back == s, (fmt, wbits, len(s))
        print(fmt, wbits, 'ok', len(c) < len(s))
b = io.BytesIO()
with deflate.DeflateIO(b, deflate.ZLIB, 8, True) as w:
    print(w.write(b'hello'), w.write(bytearray(b' world')))
print(b.closed)
try:
    deflate.DeflateIO(io.BytesIO(), 7)
except ValueError as e:
    print('ValueError')
