# Indexing arrays of every typecode: negative indexes, the ends, out-of-range errors, indexes
# from __index__, and items read after the array changed size.
import array


class Idx:
    def __init__(self, i):
        self.i = i

    def __index__(self):
        return self.i


for code, values in (("b", [-128, 0, 127]), ("B", [0, 200, 255]), ("h", [-3, 4, 5]),
                     ("H", [1, 65535, 2]), ("i", [-(2**31), 7, 2**31 - 1]), ("I", [0, 1, 2**32 - 1]),
                     ("l", [-5, 6, 7]), ("q", [-(2**63), 0, 2**63 - 1]), ("Q", [0, 2**64 - 1, 3]),
                     ("f", [1.5, -2.25, 0.0]), ("d", [1e300, -0.5, 3.25])):
    a = array.array(code, values)
    print(code, a[0], a[1], a[-1], a[-3], a[Idx(1)])
    for bad in (3, -4):
        try:
            a[bad]
        except IndexError as e:
            print(code, bad, "IndexError", e)
a = array.array("i", [1, 2, 3])
a.append(4)
print(a[3], a[-1])
a.pop()
try:
    a[3]
except IndexError as e:
    print("IndexError", e)
try:
    a["x"]
except TypeError as e:
    print("TypeError", e)
