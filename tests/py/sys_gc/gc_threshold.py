# expect: handwritten
# gc.threshold is MicroPython's (CPython has gc.set_threshold instead): set returns None, the
# value reads back in whole 32-byte allocation blocks, and -1 turns it off.
import gc

print(gc.threshold())
print(gc.threshold(100), gc.threshold())
print(gc.threshold(1), gc.threshold())
print(gc.threshold(-5), gc.threshold())
