# expect: handwritten
# vfs.VfsFat stores a FAT file system on a block device: MicroPython's VFS layer, which CPython
# does not have. Checked here through open()/os and an independent reader of the raw image.
import os, vfs
from _blockdev import RAMBlockDev, root_entries

dev = RAMBlockDev(200)
vfs.VfsFat.mkfs(dev)
print(dev.data[510:512], dev.data[54:62], dev.data[3:11])
fs = vfs.VfsFat(dev)
print(fs.statvfs("/"))
vfs.mount(fs, "/fat")
print(os.listdir("/fat"), os.stat("/fat")[0])

with open("/fat/hello.txt", "w") as f:
    print(f.write("line one\nline two\n"))
with open("/fat/hello.txt", "a") as f:
    f.write("line three\n")
with open("/fat/hello.txt") as f:
    print(f.readline(), end="")
    print(f.tell())
    print([l.strip() for l in f])
with open("/fat/hello.txt", "rb") as f:
    f.seek(5)
    print(f.read(3))
    f.seek(-6, 2)
    print(f.read())
    buf = bytearray(4)
    f.seek(0)
    print(f.readinto(buf), buf)
with open("/fat/hello.txt", "r+b") as f:
    f.seek(5)
    f.write(b"ONE")
print(open("/fat/hello.txt").read().split("\n"))

# directories, long names, sizes spanning several clusters
os.mkdir("/fat/sub")
long = "A rather long file name.with.dots"
data = bytes(range(256)) * 9
with open("/fat/sub/" + long, "wb") as f:
    f.write(data)
print(os.listdir("/fat/sub"))
print(open("/fat/sub/" + long, "rb").read() == data, os.stat("/fat/sub/" + long)[6])
print(sorted(os.ilistdir("/fat")))
os.chdir("/fat/sub")
print(os.getcwd(), os.listdir())
os.rename(long, "../short.bin")
os.chdir("..")
print(os.getcwd(), sorted(os.listdir()))
print(os.stat("short.bin")[6], os.listdir("sub"))

# errors
for f in (
    lambda: os.mkdir("/fat/sub"),
    lambda: os.rmdir("/fat/hello.txt"),
    lambda: os.remove("/fat/sub"),
    lambda: open("/fat/nope/x", "w"),
    lambda: open("/fat/missing"),
    lambda: os.listdir("/fat/missing"),
    lambda: os.rename("/fat/short.bin", "/elsewhere"),
):
    try:
        f()
    except OSError as e:
        print(type(e).__name__, e.errno)

# the short name and size are on the raw image, read back by an independent reader
print(root_entries(dev.data))

# import a module from the mounted file system
with open("/fat/fatmod.py", "w") as f:
    f.write("X = 42\nprint('fatmod imported')\n")
import sys

sys.path.insert(0, "/fat")
import fatmod

print(fatmod.X)
sys.path.pop(0)

# a second mount of the same device after umount sees the same files
os.chdir("/")
vfs.umount("/fat")
try:
    os.listdir("/fat")
except OSError as e:
    print("unmounted", e.errno)
fs2 = vfs.VfsFat(dev)
print(sorted(fs2.ilistdir("/")))
print(sorted(fs2.ilistdir(b"/")))
fs2.remove("short.bin")
fs2.rmdir("sub")
fs2.remove("fatmod.py")
fs2.remove("hello.txt")
print(list(fs2.ilistdir()), fs2.statvfs("/") == fs.statvfs("/"))
