"""uctypes: structured access to binary data, with MicroPython's descriptor format.

A descriptor is a dict of field name -> scalar (type | offset, bit fields add BF_POS/BF_LEN) or
aggregate ((ARRAY | offset, type | count[, item descriptor]), (PTR | offset, type or
descriptor), (offset, descriptor) for a nested struct).

Memory safety: there is no raw memory here. addressof(obj) gives each buffer object (bytes,
bytearray, memoryview, array) a stable address in a private address space and remembers the
object; struct(), bytes_at() and bytearray_at() and pointer fields reach memory only through
those objects, so an address that lies in no known buffer is an OSError (EFAULT) rather than
a crash. Byte arrays (UINT8 arrays, bytearray_at) are bytearrays that write through to the
memory they came from.
"""

import struct as _st
import sys as _sys

LITTLE_ENDIAN = 0
BIG_ENDIAN = 1
NATIVE = 2

_VAL_BITS = 4
_AGG_BITS = 2
_OFFSET_BITS = 17
_LEN_BITS = _OFFSET_BITS + 5


def _type_const(x, nbits):
    # The type in the top bits of a 31-bit small int (negative when its top bit is set).
    v = (x << (32 - nbits)) & 0xFFFFFFFF
    if v & 0x80000000:
        v -= 1 << 32
    return v >> 1


(UINT8, INT8, UINT16, INT16, UINT32, INT32, UINT64, INT64) = [_type_const(i, 4) for i in range(8)]
(BFUINT8, BFINT8, BFUINT16, BFINT16, BFUINT32, BFINT32) = [_type_const(i, 4) for i in range(8, 14)]
FLOAT32 = _type_const(14, 4)
FLOAT64 = _type_const(15, 4)
VOID = UINT8
BF_POS = _OFFSET_BITS
BF_LEN = _LEN_BITS
CHAR = UINT8
SHORT = INT16
USHORT = UINT16
INT = INT32
UINT = UINT32
LONG = INT64
ULONG = UINT64
LONGLONG = INT64
ULONGLONG = UINT64
PTR = _type_const(1, 2)
ARRAY = _type_const(2, 2)

_STRUCT, _PTR, _ARRAY = 0, 1, 2
_PTR_SIZE = 8 if _sys.maxsize > 2**32 else 4
_FMT = "BbHhIiQq------fd"


def _get_type(x, nbits):
    return (x >> (31 - nbits)) & ((1 << nbits) - 1)


def _value(x, nbits):
    return x & (0x7FFFFFFF >> nbits)


def _syntax():
    raise TypeError("syntax error in uctypes descriptor")


def _scalar_size(vt):
    if vt == 14:
        return 4
    return 1 << ((vt & 7) >> 1)


# ----- the private address space ----------------------------------------------------------

_regions = []  # [base, object, memoryview]
_next = [0x10000]


def _register(obj):
    for r in _regions:
        if r[1] is obj:
            return r[0]
    try:
        mv = memoryview(obj)
    except TypeError:
        raise TypeError("object with buffer protocol required")
    base = _next[0]
    _next[0] = (base + len(mv) + 0x1F) & ~0xF
    _regions.append([base, obj, mv])
    return base


def _locate(addr, n):
    for base, obj, mv in _regions:
        if base <= addr and addr + n <= base + len(mv):
            return mv, addr - base
    raise OSError(14)  # EFAULT: no known buffer holds this memory


def _read(addr, n):
    mv, off = _locate(addr, n)
    return bytes(mv[off:off + n])


def _write(addr, data):
    mv, off = _locate(addr, len(data))
    mv[off:off + len(data)] = data


class _RefBytes(bytearray):
    # A bytearray copy of some memory that writes item changes back to it.
    def __new__(cls, data, addr, back=True):
        self = bytearray.__new__(cls, data)
        self._addr = addr
        self._back = back
        return self

    def __init__(self, data, addr, back=True):
        pass

    def __setitem__(self, i, v):
        if isinstance(v, int):
            v &= 0xFF  # memory takes the low byte, as a C store does
        bytearray.__setitem__(self, i, v)
        if self._back:
            _write(self._addr, bytes(self))

    def __repr__(self):
        return "bytearray(%r)" % bytes(self)


def _load(vt, addr, big):
    size = _scalar_size(vt)
    b = _read(addr, size)
    return _st.unpack((">" if big else "<") + _FMT[vt], b)[0]


def _store(vt, addr, big, v):
    size = _scalar_size(vt)
    e = ">" if big else "<"
    if vt >= 14:
        b = _st.pack(e + _FMT[vt], v)
    else:
        b = _st.pack(e + _FMT[vt & 6], int(v) & ((1 << (8 * size)) - 1))
    _write(addr, b)


# ----- sizes ------------------------------------------------------------------------------


def _agg_size(t, layout, mx):
    if not t:
        _syntax()
    agg = _get_type(t[0], _AGG_BITS)
    if agg == _STRUCT:
        if len(t) != 2:
            _syntax()
        return _size(t[1], layout, mx)
    if agg == _PTR:
        if len(t) != 2:
            _syntax()
        mx[0] = max(mx[0], _PTR_SIZE)
        return _PTR_SIZE
    if agg == _ARRAY:
        if len(t) < 2:
            _syntax()
        n = t[1]
        vt = _get_type(n, _VAL_BITS)
        n = _value(n, _VAL_BITS)
        if len(t) == 2:
            item = _scalar_size(vt)
            mx[0] = max(mx[0], item)
        elif len(t) == 3:
            item = _size(t[2], layout, mx)
        else:
            _syntax()
        return item * n
    _syntax()


def _size(desc, layout, mx):
    if not isinstance(desc, dict):
        if isinstance(desc, tuple):
            return _agg_size(desc, layout, mx)
        if isinstance(desc, int):
            raise TypeError("can't unambiguously get sizeof scalar")
        _syntax()
    total = 0
    for v in desc.values():
        if isinstance(v, int):
            vt = _get_type(v, _VAL_BITS)
            off = _value(v, _VAL_BITS)
            if 8 <= vt <= 13:
                off &= (1 << _OFFSET_BITS) - 1
            s = _scalar_size(vt)
            mx[0] = max(mx[0], s)
            total = max(total, off + s)
        elif isinstance(v, tuple):
            off = _value(v[0], _AGG_BITS)
            total = max(total, off + _agg_size(v, layout, mx))
        else:
            _syntax()
    if layout == NATIVE and mx[0]:
        total = (total + mx[0] - 1) & ~(mx[0] - 1)
    return total


def sizeof(obj, layout=None):
    """The size in bytes of a descriptor, a struct or a bytearray."""
    if isinstance(obj, bytearray):
        return len(obj)
    if isinstance(obj, struct):
        if layout is not None:
            raise TypeError
        desc = object.__getattribute__(obj, "_u_desc")
        layout = object.__getattribute__(obj, "_u_layout")
    else:
        desc = obj
        if layout is None:
            layout = NATIVE
    return _size(desc, layout, [0])


# ----- struct objects ---------------------------------------------------------------------


def _make(addr, desc, layout):
    s = object.__new__(struct)
    object.__setattr__(s, "_u_addr", addr)
    object.__setattr__(s, "_u_desc", desc)
    object.__setattr__(s, "_u_layout", layout)
    return s


class struct:
    """struct(addr, descriptor, layout=NATIVE): fields of the memory at addr."""

    __hash__ = None

    def __init__(self, addr, desc, layout=NATIVE):
        if not isinstance(addr, int):
            raise TypeError("can't convert %s to int" % type(addr).__name__)
        object.__setattr__(self, "_u_addr", addr)
        object.__setattr__(self, "_u_desc", desc)
        object.__setattr__(self, "_u_layout", int(layout))

    def __repr__(self):
        desc = object.__getattribute__(self, "_u_desc")
        if isinstance(desc, dict):
            kind = "STRUCT"
        elif isinstance(desc, tuple):
            kind = {_PTR: "PTR", _ARRAY: "ARRAY"}.get(_get_type(desc[0], _AGG_BITS), "unk")
        else:
            kind = "ERROR"
        return "<struct %s %x>" % (kind, object.__getattribute__(self, "_u_addr"))

    def _field(self, name, setting, value=None):
        desc = object.__getattribute__(self, "_u_desc")
        addr = object.__getattribute__(self, "_u_addr")
        layout = object.__getattribute__(self, "_u_layout")
        if not isinstance(desc, dict):
            _syntax()
        try:
            d = desc[name]
        except KeyError:
            raise AttributeError("'struct' object has no attribute '%s'" % name)
        big = layout == BIG_ENDIAN
        if isinstance(d, int):
            vt = _get_type(d, _VAL_BITS)
            off = _value(d, _VAL_BITS)
            if vt <= 7 or vt >= 14:
                if setting:
                    _store(vt, addr + off, big, value)
                    return None
                return _load(vt, addr + off, big)
            bit_off = (off >> _OFFSET_BITS) & 31
            bit_len = (off >> _LEN_BITS) & 31
            off &= (1 << _OFFSET_BITS) - 1
            base_t = vt & 6
            word = _load(base_t, addr + off, big)
            mask = (1 << bit_len) - 1
            if not setting:
                return (word >> bit_off) & mask
            word = (word & ~(mask << bit_off)) | ((int(value) & mask) << bit_off)
            _store(base_t, addr + off, big, word)
            return None
        if not isinstance(d, tuple) or len(d) < 2:
            _syntax()
        if setting:
            _syntax()
        agg = _get_type(d[0], _AGG_BITS)
        off = _value(d[0], _AGG_BITS)
        if agg == _STRUCT:
            return _make(addr + off, d[1], layout)
        if agg == _ARRAY and len(d) == 2 and _get_type(d[1], _VAL_BITS) == 0:
            n = _agg_size(d, layout, [0])
            return _RefBytes(_read(addr + off, n), addr + off)
        return _make(addr + off, d, layout)

    def __getattr__(self, name):
        return self._field(name, False)

    def __setattr__(self, name, value):
        self._field(name, True, value)

    def _index(self, i, setting, value=None):
        desc = object.__getattribute__(self, "_u_desc")
        addr = object.__getattribute__(self, "_u_addr")
        layout = object.__getattribute__(self, "_u_layout")
        if not isinstance(desc, tuple):
            raise TypeError("struct: can't index")
        if len(desc) < 2:
            _syntax()
        i = int(i)
        agg = _get_type(desc[0], _AGG_BITS)
        big = layout == BIG_ENDIAN
        if agg == _ARRAY:
            n = desc[1]
            vt = _get_type(n, _VAL_BITS)
            if i < 0 or i >= _value(n, _VAL_BITS):
                raise IndexError("struct: index out of range")
            if len(desc) == 2:
                p = addr + _scalar_size(vt) * i
                if setting:
                    _store(vt, p, big, value)
                    return None
                return _load(vt, p, big)
            if setting:
                raise TypeError("'struct' object does not support item assignment")
            size = _size(desc[2], layout, [0])
            return _make(addr + size * i, desc[2], layout)
        if agg == _PTR:
            p = self.__int__()
            target = desc[1]
            if isinstance(target, int):
                vt = _get_type(target, _VAL_BITS)
                q = p + _scalar_size(vt) * i
                if setting:
                    _store(vt, q, False, value)
                    return None
                return _load(vt, q, False)
            if setting:
                raise TypeError("'struct' object does not support item assignment")
            size = _size(target, layout, [0])
            return _make(p + size * i, target, layout)
        raise TypeError("struct: can't index")

    def __getitem__(self, i):
        return self._index(i, False)

    def __setitem__(self, i, v):
        self._index(i, True, v)

    def __int__(self):
        desc = object.__getattribute__(self, "_u_desc")
        if isinstance(desc, tuple) and _get_type(desc[0], _AGG_BITS) == _PTR:
            addr = object.__getattribute__(self, "_u_addr")
            return int.from_bytes(_read(addr, _PTR_SIZE), _sys.byteorder)
        raise TypeError("can't convert struct to int")

    def __bytes__(self):
        addr = object.__getattribute__(self, "_u_addr")
        return _read(addr, sizeof(self))

    def __buffer__(self, flags):
        # The struct's own memory, writable (bytearray(S), memoryview(S)).
        n = sizeof(self)
        mv, off = _locate(object.__getattribute__(self, "_u_addr"), n)
        return mv[off:off + n]


struct.__module__ = "builtins"


def addressof(obj):
    """The address of a buffer object's data (a struct's is its own address)."""
    if isinstance(obj, struct):
        return object.__getattribute__(obj, "_u_addr")
    if isinstance(obj, _RefBytes):
        return obj._addr
    return _register(obj)


def bytes_at(addr, size):
    """A bytes copy of size bytes of memory at addr."""
    return _read(addr, size)


def bytearray_at(addr, size):
    """A bytearray of size bytes of memory at addr (item writes go to that memory; memory in
    no known buffer reads as zeros and is not written back)."""
    try:
        return _RefBytes(_read(addr, size), addr)
    except OSError:
        return _RefBytes(bytes(size), addr, False)
