# expect: handwritten
# The micropython module has no CPython counterpart.
import micropython
from micropython import const

X = const(42)
print(X, const("s"))
print(micropython.opt_level())
micropython.opt_level(2)
print(micropython.opt_level())
micropython.opt_level(0)
print(micropython.heap_locked())
micropython.heap_lock()
micropython.heap_lock()
print(micropython.heap_locked())
print(micropython.heap_unlock(), micropython.heap_unlock(), micropython.heap_unlock())
print(type(micropython.stack_use()), micropython.stack_use() > 0)
micropython.kbd_intr(-1)
micropython.kbd_intr(3)
micropython.alloc_emergency_exception_buf(100)
seen = []


def fill(_):
    # Scheduled from inside a callback, so none of these can run yet: the ninth overflows.
    for i in range(8):
        micropython.schedule(seen.append, i)
    try:
        micropython.schedule(seen.append, 8)
    except RuntimeError as e:
        print("RuntimeError", e)


micropython.schedule(fill, None)
# Callbacks run soon after they are scheduled, at the loop's next safe point.
for _ in range(3000):
    pass
print(seen)
