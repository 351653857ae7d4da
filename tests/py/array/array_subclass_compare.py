# array.array can be subclassed, and arrays support ordering comparisons.
import array


class Bytes8(array.array):
    def total(self):
        return sum(self)


x = Bytes8("b", [1, 2, 3])
print(type(x).__name__, isinstance(x, array.array))
print(x.total(), len(x), x[1], list(x))
x.append(4)
print(x.tolist())
print(bytes(Bytes8("B", [0x61, 0x62])))
print(x == array.array("b", [1, 2, 3, 4]))
print(x != array.array("b", [1, 2, 3]))

for code in "bBhHiIlLqQfd":
    a = array.array(code, [1, 1])
    lo = array.array(code, [1, 0])
    hi = array.array(code, [1, 2])
    short = array.array(code, [1])
    print(code, a < a, a <= a, a > a, a >= a, a < lo, a > lo, a < hi, a >= hi, short < a)

try:
    array.array("b") < 1
except TypeError as e:
    print("TypeError")

# array is not one of the types a class pattern matches positionally against itself
match array.array("b", [7]):
    case array.array(typecode="b"):
        print("typecode b")
try:
    match array.array("b", [7]):
        case array.array(v):
            print("matched", v)
except TypeError:
    print("TypeError")


# a subclass can override methods and call the array ones through super()
class Doubler(array.array):
    def append(self, v):
        super().append(v * 2)


d = Doubler("i")
d.append(3)
array.array.append(d, 1)
print(list(d), type(d + array.array("i", [5])).__name__, type(d[0:1]).__name__)
d += array.array("i", [7])
print(type(d).__name__, list(d))
