# expect: handwritten
# vfs.VfsPosix mounts a host directory into the VFS (MicroPython's VFS layer; CPython has no
# counterpart).
import os, vfs

base = os.getcwd() + "/_posix_tmp"
try:
    os.mkdir(base)
except OSError:
    pass
with open(base + "/host.txt", "w") as f:
    f.write("from the host")

fs = vfs.VfsPosix(base)
print(fs.getcwd(), sorted(e[0] for e in fs.ilistdir("/")))
vfs.mount(fs, "/host")
print(os.listdir("/host"), open("/host/host.txt").read())
os.mkdir("/host/sub")
with open("/host/sub/new.txt", "w") as f:
    f.write("written through the mount")
print(open(base + "/sub/new.txt").read())
print(os.stat("/host/sub/new.txt")[6], os.stat("/host/sub")[0])
os.rename("/host/sub/new.txt", "/host/moved.txt")
print(sorted(os.listdir("/host")))
os.remove("/host/moved.txt")
os.rmdir("/host/sub")
os.remove("/host/host.txt")
print(os.listdir("/host"))
vfs.umount("/host")
os.rmdir(base)
try:
    vfs.VfsPosix(base)
except OSError as e:
    print("missing root", e.errno)
