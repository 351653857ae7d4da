# print() to a Python stream subclassing io.IOBase writes each piece separately.
import io


class Recorder(io.IOBase):
    def __init__(self):
        self.parts = []

    def write(self, s):
        self.parts.append(s)
        return len(s)

    def flush(self):
        self.parts.append("<flush>")


r = Recorder()
print("a", 1, None, file=r)
print("x", "y", sep="--", end="!", file=r, flush=True)
print(r.parts)
print(isinstance(r, io.IOBase))
print(int(memoryview(b"42")), int(memoryview(b" -7 ")))
try:
    int(memoryview(b"ff"), 16)
except TypeError as e:
    print("TypeError", e)
