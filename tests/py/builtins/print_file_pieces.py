# print(..., file=f) calls f.write once per piece (each argument, each separator, the end), in
# order; a failing str() stops it midway; flush=True calls f.flush().
import io


class Recorder:
    def __init__(self):
        self.pieces = []

    def write(self, s):
        self.pieces.append(s)
        return len(s)

    def flush(self):
        self.pieces.append("<flush>")


r = Recorder()
print(1, "a", None, 2.5, file=r)
print(file=r)
print("x", "y", sep="", end="", file=r)
print("p", "q", sep="--", end="!\n", file=r, flush=True)
print(r.pieces)


class Bad:
    def __str__(self):
        raise ValueError("no str")


r = Recorder()
try:
    print("before", Bad(), "after", file=r)
except ValueError as e:
    print("ValueError", e, r.pieces)

s = io.StringIO()
print("to", "stringio", sep=",", file=s)
print(repr(s.getvalue()))


class NoWrite:
    pass


try:
    print("x", file=NoWrite())
except AttributeError as e:
    print("AttributeError", e)
