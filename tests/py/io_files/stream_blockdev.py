# expect: handwritten
# Files on block-device file systems (vfs.VfsLfs2, vfs.VfsLfs1, vfs.VfsFat: MicroPython-only) are
# streamed: a file much larger than what the open file object keeps in memory is written and
# read back in chunks, and the memory held between calls stays bounded (under 100 KiB, the
# allocator's slabs included, for a 300 KiB file). The same operations on
# a host file give this output under CPython (run ops(<dir>) there to check it).
import gc

SIZE = 300 * 1024


def held(base):
    gc.collect()
    return gc.mem_alloc() - base


def ops(d):
    big = d + "/big.bin"
    chunk = bytearray(512)
    # Warm up (first-use allocations of the VM are not the file's).
    for i in range(2):
        with open(big, "wb") as f:
            for k in range(8):
                f.write(chunk)
        with open(big, "rb") as f:
            while f.read(512):
                pass
    gc.collect()
    base = gc.mem_alloc() if hasattr(gc, "mem_alloc") else 0
    most = 0
    with open(big, "wb") as f:
        for i in range(SIZE // 512):
            chunk[0] = i & 255
            chunk[511] = (i >> 8) & 255
            f.write(chunk)
            if base and i % 64 == 0:
                most = max(most, held(base))
    print("written", SIZE, "held small:", most < 100 * 1024)
    ok = True
    n = 0
    most = 0
    with open(big, "rb") as f:
        while True:
            b = f.read(512)
            if not b:
                break
            ok = ok and b[0] == (n & 255) and b[511] == (n >> 8) & 255 and len(b) == 512
            n += 1
            if base and n % 64 == 0:
                most = max(most, held(base))
    print("read back", n * 512, ok, "held small:", most < 100 * 1024)
    # Random access.
    with open(big, "rb") as f:
        print(f.seek(512 * 300), f.read(1), f.tell())
        print(f.seek(-512, 2), f.read(1)[0] == (SIZE // 512 - 1) & 255, f.tell())
        f.seek(1000)
        print(len(f.read(3000)), f.tell())
        buf = bytearray(700)
        f.seek(200)
        print(f.readinto(buf), buf[312], buf[313], f.tell())
    # Overwrite in the middle (r+b), across a block boundary.
    with open(big, "r+b") as f:
        f.seek(1020)
        f.write(b"ABCDEFGH")
        print(f.tell())
        f.seek(1016)
        print(f.read(16))
    with open(big, "rb") as f:
        f.seek(1016)
        print(f.read(16))
    # Append, then truncate.
    with open(big, "ab") as f:
        print(f.tell(), f.write(b"tail"), f.tell())
    with open(big, "r+b") as f:
        print(f.truncate(SIZE + 2), f.seek(0, 2))
        f.seek(SIZE - 2)
        print(f.read())
    with open(big, "r+b") as f:
        print(f.truncate(700), f.seek(0, 2))
    # Text: lines and characters across chunk boundaries.
    txt = d + "/t.txt"
    line = "ligne \u00e9t\u00e9 \u20ac %d\n"
    with open(txt, "w") as f:
        for i in range(200):
            f.write(line % i)
    with open(txt) as f:
        lines = f.readlines()
    print(len(lines), lines[0] == line % 0, lines[199] == line % 199)
    with open(txt) as f:
        parts = []
        while True:
            s = f.read(37)
            if not s:
                break
            parts.append(s)
    print(len(parts), "".join(parts) == "".join(line % i for i in range(200)))
    with open(txt) as f:
        n = 0
        for ln in f:
            n += ln == line % n
        print(n)
    # Writing past the end leaves zeros.
    gap = d + "/gap.bin"
    with open(gap, "wb") as f:
        f.write(b"x")
        f.seek(1500)
        f.write(b"y")
    with open(gap, "rb") as f:
        data = f.read()
    print(len(data), data[:2], data[1499:], data.count(0))


if __name__ == "__main__":
    import vfs

    class Dev:
        def __init__(self, blocks):
            self.data = bytearray(blocks * 512)
            self.mv = memoryview(self.data)

        def readblocks(self, n, buf, off=0):
            a = n * 512 + off
            buf[:] = self.mv[a : a + len(buf)]

        def writeblocks(self, n, buf, off=0):
            a = n * 512 + off
            self.mv[a : a + len(buf)] = buf

        def ioctl(self, op, arg):
            if op == 4:
                return len(self.data) // 512
            if op == 5:
                return 512
            if op == 6:
                return 0

    for cls in (vfs.VfsLfs2, vfs.VfsLfs1, vfs.VfsFat):
        dev = Dev(SIZE // 512 * 2 + 128)
        cls.mkfs(dev)
        vfs.mount(cls(dev), "/v")
        print(cls.__name__)
        ops("/v")
        vfs.umount("/v")
