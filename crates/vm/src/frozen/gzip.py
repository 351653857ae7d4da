"""gzip: gzip-format compression and decompression over the deflate module (as
micropython-lib's gzip), with CPython's compress/decompress/open signatures."""

import builtins
import deflate
import io

_WBITS = 15


class BadGzipFile(OSError):
    pass


def GzipFile(filename=None, mode='rb', compresslevel=9, fileobj=None, mtime=None):
    """A stream reading or writing gzip data on fileobj (or the file named filename)."""
    close = False
    if fileobj is None:
        fileobj = builtins.open(filename, mode if 'b' in mode else mode + 'b')
        close = True
    return deflate.DeflateIO(fileobj, deflate.GZIP, _WBITS, close)


def open(filename, mode='rb', compresslevel=9):
    """Open a gzip file for reading ('r', 'rb') or writing ('w', 'wb', 'a', 'ab')."""
    if 't' in mode:
        raise ValueError('text mode is not supported')
    return GzipFile(filename, mode, compresslevel)


def compress(data, compresslevel=9, *, mtime=None):
    """The gzip-format compression of data."""
    f = io.BytesIO()
    with GzipFile(fileobj=f, mode='wb') as g:
        g.write(data)
    return f.getvalue()


def decompress(data):
    """The data of a gzip-format bytes object."""
    try:
        with GzipFile(fileobj=io.BytesIO(data)) as g:
            return g.read()
    except EOFError:
        raise EOFError('Compressed file ended before the end-of-stream marker was reached') from None
    except OSError as e:
        if isinstance(e, BadGzipFile):
            raise
        raise BadGzipFile('Not a gzipped file or corrupt data') from None
