# expect: handwritten
# A FAT volume (vfs.VfsFat, MicroPython-only) that fills up: the write() that does not fit raises
# ENOSPC itself (MicroPython's files write into the volume), the bytes that fit stay, close()
# succeeds.
import errno, os, vfs


class Ram:
    def __init__(self, n):
        self.data = bytearray(n * 512)

    def readblocks(self, n, buf):
        buf[:] = self.data[n * 512 : n * 512 + len(buf)]

    def writeblocks(self, n, buf):
        self.data[n * 512 : n * 512 + len(buf)] = buf

    def ioctl(self, op, arg):
        if op == 4:
            return len(self.data) // 512
        if op == 5:
            return 512


dev = Ram(64)
vfs.VfsFat.mkfs(dev)
fs = vfs.VfsFat(dev)
vfs.mount(fs, "/fat")
bsize, _, free = fs.statvfs("/")[:3]
print(bsize, free > 10)
f = open("/fat/small", "w")
f.write("hello")
# As with FatFs, a small write waits in the file's buffer; close() writes it.
print(os.stat("/fat/small")[6])
f.close()
print(os.stat("/fat/small")[6])
f = open("/fat/big", "wb")
f.write(bytes(bsize * 2))
print(os.stat("/fat/big")[6])
try:
    f.write(bytes(bsize * free))
    print("no error")
except OSError as e:
    print("ENOSPC", e.errno == errno.ENOSPC)
f.close()
print(os.stat("/fat/big")[6] == bsize * (free - 1), fs.statvfs("/")[3])
os.remove("/fat/big")
with open("/fat/small", "a") as f:
    f.write(" again")
print(open("/fat/small").read())
vfs.umount("/fat")
