# expect: handwritten
# Edge cases of vfs.VfsFat (MicroPython's VFS layer; CPython has no counterpart): mounting a bare
# block device, read-only mounts, a full disk, unformatted and corrupt images, other sector sizes.
import os, vfs
from _blockdev import RAMBlockDev

# a block device given to mount() is detected as FAT
dev = RAMBlockDev(64)
vfs.VfsFat.mkfs(dev)
vfs.mount(dev, "/d")
print([type(fs).__name__ for fs, p in vfs.mount() if p == "/d"])
with open("/d/f", "w") as f:
    f.write("abc")
vfs.umount("/d")

# read-only
vfs.mount(vfs.VfsFat(dev), "/ro", readonly=True)
print(open("/ro/f").read())
for f in (lambda: open("/ro/g", "w"), lambda: os.mkdir("/ro/x"), lambda: os.remove("/ro/f")):
    try:
        f()
    except OSError as e:
        print("read-only", e.errno)
vfs.umount("/ro")

# a full disk
fs = vfs.VfsFat(dev)
free = fs.statvfs("/")[3]
try:
    with fs.open("big", "wb") as f:
        f.write(bytes(512 * (free + 1)))
except OSError as e:
    print("full", e.errno)
print(fs.statvfs("/")[3], fs.stat("big")[6] == 512 * free)
fs.remove("big")
print(fs.statvfs("/")[3] == free)

# many files in a subdirectory make it grow past one cluster
dev2 = RAMBlockDev(300)
vfs.VfsFat.mkfs(dev2)
fs = vfs.VfsFat(dev2)
fs.mkdir("many")
for i in range(40):
    with fs.open("many/entry number %d" % i, "w") as f:
        f.write(str(i))
names = [e[0] for e in fs.ilistdir("many")]
print(len(names), names[:2], fs.open("many/ENTRY NUMBER 39").read())

# unformatted and corrupt devices
blank = RAMBlockDev(64)
bfs = vfs.VfsFat(blank)
try:
    bfs.statvfs("/")
except OSError as e:
    print("unformatted", e.errno)
try:
    vfs.mount(bfs, "/blank")
except OSError as e:
    print("mount unformatted", e.errno)
bfs.mount(False, True)
print(bfs.statvfs("/")[2])
dev.data[11] = 0x12
try:
    vfs.VfsFat(dev).ilistdir("/")
except OSError as e:
    print("corrupt", e.errno)

# a device with 1024-byte sectors
big = RAMBlockDev(100, 1024)
vfs.VfsFat.mkfs(big)
bigfs = vfs.VfsFat(big)
print(bigfs.statvfs("/")[:3])
with bigfs.open("x.bin", "wb") as f:
    f.write(b"\xff" * 3000)
print(bigfs.stat("x.bin")[6], len(bigfs.open("x.bin", "rb").read()))

# a device whose readblocks raises: the exception reaches the caller
class Broken(RAMBlockDev):
    def readblocks(self, n, buf, off=0):
        raise ValueError("broken device")

try:
    vfs.VfsFat(Broken(64))
except ValueError as e:
    print(e)
