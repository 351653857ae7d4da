# expect: handwritten
# MicroPython-only (heap lock): open() allocates its file object before it looks for the file,
# so with the heap locked it raises MemoryError, even for a missing file.
import micropython

micropython.heap_lock()
try:
    open("no-such-file-for-the-heap-lock-test")
except MemoryError:
    print("MemoryError")
except OSError:
    print("OSError")
micropython.heap_unlock()
try:
    open("no-such-file-for-the-heap-lock-test")
except OSError as e:
    print("OSError", e.errno)
