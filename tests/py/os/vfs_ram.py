# expect: handwritten
# os.VfsRam, os.mount and os.umount are MicroPython's VFS layer; CPython has no counterpart.
import os

fs = os.VfsRam()
os.mount(fs, "/ram")
print(os.listdir("/ram"), os.stat("/ram")[0])
os.mkdir("/ram/d")
with open("/ram/d/a.txt", "w") as f:
    f.write("hello ram\n")
with open("/ram/d/a.txt", "a") as f:
    f.write("more\n")
with open("/ram/b.bin", "wb") as f:
    f.write(b"\x00\x01\x02")
print(sorted(os.listdir("/ram")), os.listdir("/ram/d"))
print(open("/ram/d/a.txt").read().split())
print(os.stat("/ram/d/a.txt")[:1], os.stat("/ram/d/a.txt")[6], os.stat("/ram/b.bin")[6])
print(sorted(os.ilistdir("/ram")))
os.chdir("/ram/d")
print(os.getcwd(), os.listdir(), open("a.txt").readline())
os.rename("a.txt", "../c.txt")
os.chdir("..")
print(os.getcwd(), sorted(os.listdir()))
for bad in (lambda: os.mkdir("d"), lambda: os.rmdir("nope"), lambda: open("d/x/y", "w"),
            lambda: os.remove("d"), lambda: open("missing")):
    try:
        bad()
    except OSError as e:
        print(type(e).__name__, e.errno)
os.rmdir("d")
os.remove("c.txt")
os.remove("b.bin")
print(os.listdir("/ram"))
os.umount("/ram")
try:
    os.listdir("/ram")
except OSError as e:
    print(type(e).__name__, e.errno)
try:
    os.umount("/ram")
except OSError as e:
    print(type(e).__name__, e.errno)
