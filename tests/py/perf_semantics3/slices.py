# Slicing list, tuple, str, bytes and user classes with int, None, negative, huge and
# __index__ bounds, with and without a step; slice assignment and deletion.


class Idx:
    def __init__(self, v):
        self.v = v

    def __index__(self):
        return self.v

    def __repr__(self):
        return "Idx(%d)" % self.v


class Show:
    def __getitem__(self, k):
        return (type(k).__name__, k.start, k.stop, k.step) if isinstance(k, slice) else k

    def __setitem__(self, k, v):
        print("set", k, v)

    def __delitem__(self, k):
        print("del", k)


def cuts(s, a, b):
    return [s[a:b], s[:b], s[a:], s[:], s[a:b:2], s[b:a:-1], s[::-1], s[a::-2]]


bounds = [(1, 4), (-3, -1), (0, 100), (-100, 2), (5, 2), (None, None), (2**70, -(2**70)),
          (-(2**70), 2**70), (True, 3), (Idx(1), Idx(-1))]
for s in ([0, 1, 2, 3, 4, 5], (0, 1, 2, 3, 4, 5), "abcdef", b"abcdef", range(6)):
    for a, b in bounds:
        print(cuts(s, a, b))
print(cuts(Show(), 1, None))
print(Show()[Idx(2):"x"])
for bad in [(1.5, 2), ("a", None), (None, [])]:
    try:
        print([0, 1, 2][bad[0]:bad[1]])
    except TypeError as e:
        print("TypeError", e)
try:
    print("abc"[::0])
except ValueError as e:
    print("ValueError", e)

x = list(range(10))
x[2:5] = "ab"
print(x)
x[:0] = (7, 8)
print(x)
x[-2:] = []
print(x)
x[::3] = [0] * len(x[::3])
print(x)
try:
    x[::2] = [1]
except ValueError as e:
    print("ValueError", e)
del x[1:3]
print(x)
del x[::-2]
print(x)
x[Idx(0):Idx(1)] = [42]
print(x)
y = x
y[1:] = y
print(x)
s = Show()
s[1:2] = 5
del s[::3]
try:
    (1, 2)[0:1] = [3]
except TypeError as e:
    print("TypeError", e)
