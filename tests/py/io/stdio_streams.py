# The standard streams with stdin at end of input (the corpus runs with stdin closed): reads
# return empty, writes return their length, .buffer takes and gives bytes.
import sys

print(repr(sys.stdin.read()), repr(sys.stdin.readline()), sys.stdin.readlines())
print(sys.stdin.buffer.read(), sys.stdin.buffer.readline())
b = bytearray(3)
print(sys.stdin.buffer.readinto(b), b)
print(list(sys.stdin))
print(sys.stdin.fileno(), sys.stdout.fileno(), sys.stderr.fileno())
print(sys.stdin.buffer.fileno(), sys.stdout.buffer.fileno(), sys.stderr.buffer.fileno())
n = sys.stdout.write("h\u00e9llo\n")
print(n)
sys.stdout.flush()
n = sys.stdout.buffer.write(b"h\xc3\xa9llo\n")
sys.stdout.buffer.flush()
print(n)
n = sys.stdout.buffer.write(bytearray(b"ba\n"))
sys.stdout.buffer.flush()
print(n)
n = sys.stdout.buffer.write(memoryview(b"mv\n"))
sys.stdout.buffer.flush()
print(n)
for bad in (1, None):
    try:
        sys.stdout.buffer.write(bad)
    except TypeError:
        print("TypeError", type(bad).__name__)
    try:
        sys.stdout.write(bad)
    except TypeError:
        print("TypeError", type(bad).__name__)
print(sys.stdout.buffer is sys.stdout.buffer)
