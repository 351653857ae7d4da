# The basic littlefs test, run by lfs1_basic.py and lfs2_basic.py for each version.
import os
import vfs

from _lfs_common import RAMBlockDevice, errno_of


def run(Vfs):
    print(Vfs.__name__)
    bdev = RAMBlockDevice(40)
    print(errno_of(Vfs, bdev))
    Vfs.mkfs(bdev)
    fs = Vfs(bdev)
    print(fs.statvfs("/"))

    with fs.open("a.txt", "w") as f:
        f.write("hello littlefs\n")
    fs.mkdir("dir")
    fs.mkdir("dir/sub")
    with fs.open("dir/b.bin", "wb") as f:
        f.write(bytes(range(256)) * 6)
    with fs.open("dir/b.bin", "ab") as f:
        f.write(b"appended")
    print(list(fs.ilistdir("/")))
    print(list(fs.ilistdir("dir")))
    print(fs.open("a.txt").read().strip())
    d = fs.open("dir/b.bin", "rb").read()
    print(len(d), d[-10:], sum(d))
    print(fs.stat("dir")[0], fs.stat("dir/b.bin")[6])
    print(fs.statvfs("/"))

    # errors
    print(errno_of(fs.mkdir, "dir"))
    print(errno_of(fs.rmdir, "dir"))
    print(errno_of(fs.stat, "missing"))
    print(errno_of(fs.remove, "nodir/x"))
    print(errno_of(fs.open, "dir", "r"))
    print(errno_of(fs.chdir, "a.txt"))

    # rename within and across directories, over an existing file
    fs.rename("a.txt", "c.txt")
    fs.rename("dir/b.bin", "b2.bin")
    with fs.open("x", "w") as f:
        f.write("x")
    fs.rename("c.txt", "x")
    print(sorted(fs.ilistdir("/")))
    print(fs.open("x").read().strip(), len(fs.open("b2.bin", "rb").read()))

    # chdir and relative paths
    fs.chdir("dir/sub")
    with fs.open("rel.txt", "w") as f:
        f.write("relative")
    print(fs.getcwd(), fs.open("/dir/sub/rel.txt").read())
    fs.chdir("/")

    # remount from the device, then read-only through vfs.mount
    fs = Vfs(bdev)
    print(sorted(fs.ilistdir("/")), fs.open("/dir/sub/rel.txt").read())
    vfs.mount(fs, "/lfs", readonly=True)
    print(sorted(os.listdir("/lfs")))
    print(errno_of(os.mkdir, "/lfs/new"))
    vfs.umount("/lfs")
    vfs.mount(bdev, "/lfs")
    print(sorted(os.listdir("/lfs/dir")))
    vfs.umount("/lfs")

    # remove everything (a new object: the old one stays read-only, as on MicroPython); the free
    # count comes back to the empty file system's
    print(errno_of(fs.remove, "/x"))
    fs = Vfs(bdev)
    fs.remove("/dir/sub/rel.txt")
    fs.rmdir("/dir/sub")
    fs.rmdir("/dir")
    fs.remove("/x")
    fs.remove("/b2.bin")
    print(list(fs.ilistdir("/")), fs.statvfs("/"))
