# expect: handwritten
# Many files in small littlefs blocks (v1 and v2): directory blocks fill, compact, split (v2) or
# continue (v1); CPython has no littlefs, so the expectation is written by hand.
import vfs

from _lfs_common import RAMBlockDevice

for Vfs in (vfs.VfsLfs1, vfs.VfsLfs2):
    print(Vfs.__name__)
    bdev = RAMBlockDevice(200, 256)
    Vfs.mkfs(bdev)
    fs = Vfs(bdev)
    for i in range(50):
        with fs.open("f%02d" % i, "w") as f:
            f.write("file %d " % i * (i % 7))
    for i in range(0, 50, 4):
        fs.remove("f%02d" % i)
    for i in range(5):
        with fs.open("f%02d" % (i * 4), "w") as f:
            f.write("again")
    fs = Vfs(bdev)
    names = sorted(e[0] for e in fs.ilistdir("/"))
    print(len(names), names[:6], names[-3:])
    ok = True
    for n in names:
        i = int(n[1:])
        want = "again" if i % 4 == 0 else "file %d " % i * (i % 7)
        ok = ok and fs.open(n).read() == want
    print(ok)
    for n in names:
        fs.remove(n)
    print(list(fs.ilistdir("/")), fs.statvfs("/")[3])
