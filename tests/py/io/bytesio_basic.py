import io

b = io.BytesIO(b"hello\nworld\n")
print(b.read(3), b.tell())
print(b.readline(), b.readlines())
b.seek(0)
print(list(b))
b.seek(-3, 2)
print(b.read(), b.tell())
print(b.seek(2, 0), b.seek(1, 1), b.tell())

w = io.BytesIO()
print(w.write(b"abc"), w.write(bytearray(b"de")))
print(w.getvalue())
w.seek(1)
w.write(b"XY")
print(w.getvalue(), w.tell())
w.seek(8)
w.write(b"!")
print(w.getvalue())
print(w.truncate(3), w.getvalue(), w.tell())
buf = bytearray(2)
w.seek(0)
print(w.readinto(buf), buf)
try:
    w.write("str")
except TypeError as e:
    print("TypeError", e)
try:
    w.seek(-1)
except ValueError as e:
    print("ValueError", e)
with io.BytesIO(b"ctx") as c:
    print(c.read(), c.closed)
print(c.closed)
try:
    c.read()
except ValueError as e:
    print("ValueError", e)
print(isinstance(w, io.IOBase), type(w).__name__)
