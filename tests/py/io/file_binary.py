import os

NAME = "file_binary_tmp.bin"
with open(NAME, "wb") as f:
    print(type(f).__name__, f.mode)
    print(f.write(bytes(range(10))), f.write(bytearray(b"\xff\xfe")))
with open(NAME, "rb") as f:
    print(type(f).__name__, f.mode)
    print(f.read(4), f.tell())
    f.seek(-2, 2)
    print(f.read())
    f.seek(0)
    buf = bytearray(3)
    print(f.readinto(buf), buf)
    print(f.read())
with open(NAME, "r+b") as f:
    print(type(f).__name__, f.mode)
    f.seek(2)
    f.write(b"AB")
    f.seek(0)
    print(f.read())
with open(NAME, "ab") as f:
    f.write(b"\n\nend")
with open(NAME, "rb") as f:
    print(f.readlines())
print(os.stat(NAME)[6])
os.remove(NAME)
