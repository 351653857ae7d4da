# Iterating a memoryview reads the live buffer: writes made during the iteration are seen.
buf = bytearray(b"abcdef")
mv = memoryview(buf)
it = iter(mv)
print(next(it), next(it))
buf[2] = 0x41
mv[3] = 0x42
print(list(it))
print(list(mv[1:5]), list(mv[::2]), list(mv[::-1]))
print(sum(memoryview(bytes(range(100)))))
import array

a = array.array("i", [1, -2, 300000])
print([x * 2 for x in memoryview(a)])
print(list(memoryview(b"")))
print(tuple(memoryview(bytearray(3))), 66 in memoryview(b"ABC"))
