# Setting an attribute of a builtin object without a __dict__ is an AttributeError (it once
# recursed through object.__setattr__ until the stack overflowed).
import array
for obj in (memoryview(b"a"), memoryview(bytearray(2)), array.array("i"), iter([])):
    for name in ("itemsize", "nbytes", "x", "__doc__"):
        try:
            setattr(obj, name, 1)
            print("set", type(obj).__name__, name)
        except AttributeError:
            print("AttributeError", type(obj).__name__, name)
        except TypeError:
            print("TypeError", type(obj).__name__, name)
