# bytes and bytearray concatenate with any buffer on the right; `in` accepts buffers.
import array

print(b"12" + array.array("b", [1, 2]))
print(b"12" + array.array("h", [0x3131]))
print(b"12" + memoryview(b"34"))
print(b"12" + memoryview(b"3456")[1:3])
print(bytearray(b"ab") + memoryview(b"cd"))
print(array.array("b", [1, 2]) in b"\x01\x02\x03")
print(memoryview(b"bc") in b"abcd", memoryview(b"bd") in b"abcd")
print(memoryview(b"bc") in bytearray(b"abcd"))
try:
    b"1" + 1
except TypeError as e:
    print("TypeError", e)
try:
    b"1" + "2"
except TypeError as e:
    print("TypeError", e)
print(memoryview(b"\x01\xab").hex(), memoryview(b"\x01\xab\x02").hex(":"))
print(memoryview(b"\x01\xab\x02\x03").hex("-", 2))
