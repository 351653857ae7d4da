"""zlib: one-shot compression and decompression over the deflate module (as micropython-lib's
zlib), with CPython's signatures, plus crc32 and adler32 checksums."""

import deflate
import io
from binascii import crc32

MAX_WBITS = 15
DEFLATED = 8
DEF_BUF_SIZE = 16384
Z_DEFAULT_COMPRESSION = -1
Z_NO_COMPRESSION = 0
Z_BEST_SPEED = 1
Z_BEST_COMPRESSION = 9


class error(Exception):
    pass


def _decode_wbits(wbits, decompress):
    if -15 <= wbits <= -5:
        return deflate.RAW, -wbits
    if 5 <= wbits <= 15:
        return deflate.ZLIB, wbits
    if decompress and wbits == 0:
        return deflate.ZLIB, 0
    if 21 <= wbits <= 31:
        return deflate.GZIP, wbits - 16
    if decompress and 35 <= wbits <= 47:
        return deflate.AUTO, wbits - 32
    if decompress:
        raise error('Error -2 while preparing to decompress data: inconsistent stream state')
    raise error('Bad compression level')


def compress(data, level=-1, wbits=MAX_WBITS):
    """Compress data (the level is accepted for compatibility; the window is 2**wbits)."""
    if not -1 <= level <= 9:
        raise error('Bad compression level')
    fmt, w = _decode_wbits(wbits, False)
    f = io.BytesIO()
    with deflate.DeflateIO(f, fmt, w) as g:
        g.write(data)
    return f.getvalue()


def decompress(data, wbits=MAX_WBITS, bufsize=DEF_BUF_SIZE):
    """Decompress data; wbits selects the format as in CPython (negative: raw, 16+: gzip,
    32+: zlib or gzip)."""
    fmt, w = _decode_wbits(wbits, True)
    try:
        with deflate.DeflateIO(io.BytesIO(data), fmt, w) as g:
            return g.read()
    except EOFError:
        raise error('Error -5 while decompressing data: incomplete or truncated stream') from None
    except OSError:
        raise error('Error -3 while decompressing data: invalid or incomplete data') from None


def adler32(data, value=1):
    """The Adler-32 checksum of data, continuing from value."""
    a = value & 0xFFFF
    b = (value >> 16) & 0xFFFF
    i = 0
    n = len(data)
    while i < n:
        end = min(i + 5552, n)
        for c in data[i:end]:
            a += c
            b += a
        a %= 65521
        b %= 65521
        i = end
    return (b << 16) | a
