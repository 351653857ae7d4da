# expect: handwritten
# execfile() is a builtin of MicroPython's unix port (CPython 3 has none); here it runs a file
# stored on a FAT file system mounted with vfs.
import vfs
from _blockdev import RAMBlockDev

dev = RAMBlockDev(64)
vfs.VfsFat.mkfs(dev)
vfs.mount(vfs.VfsFat(dev), "/x")
with open("/x/script.py", "w") as f:
    f.write("y = 6 * 7\nprint('script ran', y)\n")
execfile("/x/script.py")
print(y)
g = {}
execfile("/x/script.py", g)
print(g["y"])
for bad in (b"/x/script.py", "/x/missing.py"):
    try:
        execfile(bad)
    except (TypeError, OSError) as e:
        print(type(e).__name__)
vfs.umount("/x")
