import io

s = io.StringIO("héllo\nwörld\nlast")
print(s.read(3), s.tell())
print(repr(s.readline()))
print(s.readlines())
print(repr(s.read()), s.tell())
s.seek(0)
print(list(s))
s.seek(0)
print(s.readline(2), s.readline(100))

s = io.StringIO()
print(s.write("abc"), s.write("déf"))
print(repr(s.getvalue()), s.tell())
s.seek(1)
s.write("é")
print(repr(s.getvalue()), s.tell())
s.seek(0, 2)
print(s.tell())
print(s.truncate(2), repr(s.getvalue()), s.tell())
s.seek(5)
s.write("z")
print(repr(s.getvalue()))
print(s.readable(), s.writable(), s.seekable(), s.closed)
s.close()
print(s.closed)
for op in (s.read, s.getvalue, s.tell, lambda: s.write("x"), lambda: s.seek(0)):
    try:
        op()
    except ValueError as e:
        print("ValueError", e)

with io.StringIO("ctx") as c:
    print(c.read())
print(c.closed)

t = io.StringIO()
print("to stringio", 1, 2, file=t, end="!")
print(repr(t.getvalue()))
try:
    t.write(b"x")
except TypeError as e:
    print("TypeError", e)
try:
    t.seek(-1)
except ValueError as e:
    print("ValueError", e)
try:
    t.seek(1, 1)
except OSError as e:
    print("OSError", e)
print(isinstance(t, io.IOBase), type(t).__name__)
t.writelines(["a", "b\n", "c"])
print(repr(t.getvalue()))
