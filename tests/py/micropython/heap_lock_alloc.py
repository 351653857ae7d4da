# expect: handwritten
# micropython.heap_lock() has no CPython counterpart: while the heap is locked, creating
# containers raises MemoryError; calls, loops and raising a prepared exception still work.
import micropython

data = [1, 2, 3]
table = {1: 2}
group = {1, 2}
raw = bytearray(b"ab")
err = ValueError("prepared")
whole = slice(None)


def attempt(label, f):
    micropython.heap_lock()
    try:
        f()
        outcome = "ok"
    except MemoryError as e:
        outcome = e
    micropython.heap_unlock()
    print(label, outcome)


attempt("list display", lambda: [])
attempt("tuple display", lambda: (data,))
attempt("dict display", lambda: {1: data})
attempt("set display", lambda: {data[0]})
attempt("slice", lambda: data[0:1])
attempt("list slice object", lambda: data[whole])
attempt("list()", lambda: list(data))
attempt("extend", lambda: data.extend(data))
attempt("extend nothing", lambda: data.extend(()))
attempt("copy", lambda: data.copy())
attempt("bytearray()", lambda: bytearray(3))
attempt("bytearray +", lambda: raw + b"c")
attempt("bytearray extend", lambda: raw.extend(b"x" * 100))
attempt("memoryview", lambda: memoryview(b"xy"))
attempt("dict.items", lambda: table.items())
attempt("set.copy", lambda: group.copy())
attempt("empty bytes +", lambda: b"" + b"q")
attempt("empty tuple", lambda: ())
attempt("index", lambda: data[1])
attempt("len", lambda: len(data))
attempt("contains", lambda: 2 in table)
print(data, raw)


def work():
    total = 0
    for x in data:
        total += x
    for k in table:
        total += k
    try:
        raise err
    except ValueError:
        total += 100
    return total


micropython.heap_lock()
r = work()
micropython.heap_lock()
depth = micropython.heap_unlock()
micropython.heap_unlock()
print(r, depth, micropython.heap_locked())
print([])
