# expect: handwritten
# vfs.VfsLfs1 is MicroPython's littlefs v1 driver; CPython has no counterpart. Free block counts
# follow littlefs's own accounting, as MicroPython reports them.
import vfs
from _lfs_basic import run

run(vfs.VfsLfs1)
