# marshal: errors for unmarshallable values and bad data.
import marshal


def attempt(f, *args):
    try:
        print(repr(f(*args))[:50])
    except Exception as e:
        print(type(e).__name__, e)


class C:
    pass


for v in [type, C, C(), print, len, object(), range(3), slice(1), [1, C()], {"a": C}, NotImplemented]:
    attempt(marshal.dumps, v)

# Truncated data: every prefix of a valid encoding fails cleanly.
whole = marshal.dumps({"key": [1, 2.5, 2**70, "text", b"raw", (None, True)]})
errors = set()
for n in range(len(whole)):
    try:
        marshal.loads(whole[:n])
        errors.add("no error")
    except (EOFError, ValueError) as e:
        errors.add(type(e).__name__)
print(sorted(errors))

attempt(marshal.loads, b"")
attempt(marshal.loads, b"\x01")
attempt(marshal.loads, b"0")
attempt(marshal.loads, b"r\x05\x00\x00\x00")
attempt(marshal.loads, b"l\x01\x00\x00\x00\x00\x00")
attempt(marshal.loads, b"l\x01\x00\x00\x00\x00\x80")
attempt(marshal.loads, b"i\x01\x02")
attempt(marshal.loads, b"[\x02\x00\x00\x00N")
attempt(marshal.loads, b"{N")
attempt(marshal.loads, b"{[\x00\x00\x00\x00N0")
attempt(marshal.loads, "str")
attempt(marshal.loads, 5)
attempt(marshal.dumps)
