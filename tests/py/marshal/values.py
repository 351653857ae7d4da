# marshal: values survive dumps/loads with their types (compared by behaviour, not bytes).
import marshal

samples = [
    None, True, False, ...,
    0, 1, -1, 255, 2**31 - 1, 2**31, -2**31, -2**31 - 1, 2**62, 2**64 + 7, -(3**90),
    0.0, -0.0, 1.5, 1e308, float("inf"), -float("inf"),
    1j, 2.5 - 3j,
    "", "a", "hello world", "caf\u00e9 \u2603 \U0001f600", "z" * 1000,
    b"", b"\x00\x01\xff", bytes(range(256)),
    (), (1,), ("a", (b"b", None)), tuple(range(500)),
    [], [1, [2, [3, []]]], list("abc"),
    {}, {"a": 1, 2: "b", (3, 4): [5]}, StopIteration,
    set(), {1, 2, 3}, frozenset(), frozenset({"x", 1}),
]
for v in samples:
    data = marshal.dumps(v)
    assert isinstance(data, bytes)
    back = marshal.loads(data)
    same = back == v or (v != v and back != back)
    print(type(back).__name__, repr(back)[:60], same)

# Float specials keep their sign and NaN-ness.
import math
print(math.copysign(1, marshal.loads(marshal.dumps(-0.0))))
print(math.isnan(marshal.loads(marshal.dumps(float("nan")))))

# bytearray and memoryview marshal as bytes.
print(marshal.loads(marshal.dumps(bytearray(b"xy"))))
print(marshal.loads(marshal.dumps(memoryview(b"mv"))))

# Identity of immutable items is not required, but equality of nested containers is.
d = {"k": [1, {2: (3,)}]}
print(marshal.loads(marshal.dumps(d)) == d)

# A version argument is accepted.
print(marshal.loads(marshal.dumps(42, 2)))

# Trailing data is ignored.
print(marshal.loads(marshal.dumps("first") + b"garbage"))

# loads accepts any bytes-like object.
print(marshal.loads(bytearray(marshal.dumps([1, 2]))))
print(marshal.loads(memoryview(marshal.dumps((3, 4)))))
