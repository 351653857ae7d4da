# expect: handwritten
# Viper (@micropython.viper) has no CPython counterpart: these expectations follow
# MicroPython's viper emitter (int/uint/bool casts of arguments and results).
import micropython


@micropython.viper
def add(x: int, y: int) -> int:
    return x + y + 1


print(add(2, 3), add(True, 4))


@micropython.viper
def none_as_int() -> int:
    return None


print(none_as_int())


@micropython.viper
def truth(x: bool) -> bool:
    return x


print(truth([]), truth([0]), truth(""), truth("a"))


@micropython.viper
def as_bool(x) -> bool:
    return bool(x)


print(as_bool(0), as_bool(-3))


@micropython.viper
def umul(x: uint, y: uint):
    return x * y


print(umul(3, 4), umul(-2, -3), hex(umul(-1, 2)))


@micropython.viper
def usub(x: uint, y: uint) -> uint:
    return x - y


print(hex(usub(1, 2)))


@micropython.viper
def ucast(x) -> int:
    u = uint(x)
    return u + 1


print(ucast(41))


@micropython.viper
def untyped(x, y):
    return x * y


print(untyped("ab", 3))


@micropython.viper
def wide(x: int) -> int:
    return x


print(wide(1 << 70), wide(-(1 << 64) - 5))


try:
    add("a", 1)
except TypeError:
    print("TypeError")


# annotations must name viper types (MicroPython raises ViperTypeError for an unknown name;
# ferropy reports every compile-time error as SyntaxError, so only the message is shown)
for src in (
    "@micropython.viper\ndef f(a: 1): pass",
    "@micropython.viper\ndef f() -> 1: pass",
    "@micropython.viper\ndef f(x: no_such_type): pass",
    "@micropython.viper\ndef f(x: object, y: ptr) -> ptr32: pass",
):
    try:
        exec(src)
        print("compiled")
    except Exception as e:
        print(e.args[0])


@micropython.viper
def uacc(x: uint) -> object:
    x += 1
    y = x - 2
    return x, y


print(uacc(-1))


# int products and shifts wrap to a 64-bit word (as on MicroPython's 64-bit ports)
@micropython.viper
def djb(src: ptr8, n: int) -> int:
    acc = 5381
    for k in range(n):
        acc = acc * 33 + src[k]
    return acc


print(djb(b"a string long enough to overflow a machine word", 47))


@micropython.viper
def shifts(x: int) -> int:
    y = x << 60
    y <<= 4
    return y + (x << 63)


print(shifts(3))


@micropython.viper
def objects(x) -> object:
    return 2 * x, 3 << 2


print(objects(1.5))
