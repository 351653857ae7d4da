# sys.stdout.buffer: the binary stream under sys.stdout (bytes in, byte counts out).
import sys

print(sys.stdout.buffer.fileno(), sys.stderr.buffer.fileno(), sys.stdin.buffer.fileno())
print("FileIO" in str(type(sys.stdout.buffer)), sys.stdout.buffer is sys.stdout.buffer)
sys.stdout.flush()
n = sys.stdout.buffer.write(b"raw bytes\n")
n2 = sys.stdout.buffer.write(bytearray(b"\xce\xb1\n"))
sys.stdout.buffer.flush()
print(n, n2)
try:
    sys.stdout.buffer.write("text")
except TypeError:
    print("TypeError")
