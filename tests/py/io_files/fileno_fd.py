# Files of the host file system hold real OS file descriptors: fileno() is one, a closed file's
# descriptor is reused, and open(fd) wraps a descriptor (closefd=False leaves it open).
import io, os

name = "fileno_fd.tmp"

with open(name, "w") as f:
    base = f.fileno()
    print(type(base).__name__, base > 2)

# The descriptor closed with the file is the next one handed out.
f = open(name, "w")
print(f.fileno() == base)
f.close()

# Files open at once have distinct descriptors.
a = open(name)
b = open(name, "rb")
print(a.fileno() != b.fileno(), base in (a.fileno(), b.fileno()))
a.close()
b.close()

# Writing through a wrapped descriptor; closefd=False keeps it usable.
f = open(name, "w")
g = open(f.fileno(), "w", closefd=False)
print(g.name == f.fileno(), g.mode, g.closed)
print(repr(g).replace(str(f.fileno()), "N"))
g.write("first line\n")
g.write("second line\n")
g.close()
print(g.closed)
f.close()
with open(name) as f:
    print(repr(f.read()))

# Binary reads, seeks and tells on a wrapped descriptor.
r = open(name, "rb")
h = open(r.fileno(), "rb", closefd=False)
print(type(h).__name__, h.read(5), h.tell())
print(h.seek(6), h.read(4))
print(h.seek(-5, 2), h.read())
print(h.seek(0), h.readline(), h.readline(), h.readline())
h.close()
r.close()

# Text mode: iteration and readlines.
r = open(name)
h = open(r.fileno(), closefd=False)
print([line for line in h])
h.close()
r.close()

# Errors.
for bad in (-1, 99999):
    try:
        open(bad)
    except (OSError, ValueError) as e:
        print(type(e).__name__, e)
try:
    open(name, closefd=False)
except ValueError as e:
    print("ValueError", e)
try:
    io.BytesIO().fileno()
except io.UnsupportedOperation as e:
    print("UnsupportedOperation", e)
try:
    io.StringIO().fileno()
except io.UnsupportedOperation as e:
    print("UnsupportedOperation", e)

os.remove(name)
print(name in os.listdir())
