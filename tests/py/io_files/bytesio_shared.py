# io.BytesIO(bytes): the initial bytes are used as they are until the stream changes (then it
# has its own copy); everything behaves as with a copy.
import io

data = b"hello world"
b = io.BytesIO(data)
print(b.read(5), b.tell(), b.getvalue())
print(b.seek(0, 2), b.read())
b.seek(6)
print(b.write(b"there"), b.getvalue(), data)
b.seek(0)
print(b.read())

# A write past the end fills the gap with zeros.
b = io.BytesIO(b"abc")
b.seek(6)
b.write(b"z")
print(b.getvalue())

# truncate, readline, readinto, iteration on shared bytes.
b = io.BytesIO(b"one\ntwo\nthree\n")
print(b.readline(), list(b))
b.seek(0)
buf = bytearray(5)
print(b.readinto(buf), buf)
print(b.truncate(6), b.getvalue(), b.tell())
b.seek(0)
print(b.read())

b = io.BytesIO(b"abcdef")
print(b.truncate(), b.getvalue())

# A bytearray is copied at once: changing it later does not change the stream.
ba = bytearray(b"mutable")
b = io.BytesIO(ba)
ba[0] = ord("M")
print(b.getvalue(), ba)

# Two streams over the same bytes are independent.
src = b"shared"
x = io.BytesIO(src)
y = io.BytesIO(src)
x.write(b"S")
print(x.getvalue(), y.getvalue(), src)

# Empty and keyword forms.
print(io.BytesIO(b"").getvalue(), io.BytesIO(initial_bytes=b"kw").read())
b = io.BytesIO(b"xyz")
b.close()
try:
    b.getvalue()
except ValueError as e:
    print("ValueError", e)
