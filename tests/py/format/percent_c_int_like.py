# %c takes ints, bools and int subclasses; out-of-range values raise OverflowError.
class Code(int):
    pass


print(repr("%c" % False), repr("%c" % True), "%c" % Code(65), "%3c|%-3c|" % (66, "x"))
print(repr(b"%c" % True), b"%c" % Code(67))
for bad in (2**70, -1, 0x110000):
    try:
        "%c" % bad
    except OverflowError as e:
        print("OverflowError", e)
try:
    b"%c" % 2**70
except OverflowError as e:
    print("OverflowError", e)
try:
    "%c" % 1.5
except TypeError as e:
    print("TypeError", e)
