# expect: handwritten
# vfs.mount()/vfs.umount() and Python-defined file systems are MicroPython's VFS layer, which
# CPython does not have.
import os, vfs


class LogFS:
    def __init__(self, name, files=()):
        self.name = name
        self.files = dict(files)

    def mount(self, readonly, mkfs):
        print(self.name, "mount", readonly, mkfs)

    def umount(self):
        print(self.name, "umount")

    def stat(self, path):
        print(self.name, "stat", path)
        if path in self.files:
            return (0x8000, 0, 0, 0, 0, 0, len(self.files[path]), 0, 0, 0)
        if path in ("/", ""):
            return (0x4000, 0, 0, 0, 0, 0, 0, 0, 0, 0)
        raise OSError(2)

    def ilistdir(self, path):
        print(self.name, "ilistdir", repr(path))
        return iter([(n.lstrip("/"), 0x8000, 0) for n in sorted(self.files)])

    def chdir(self, path):
        print(self.name, "chdir", path)

    def getcwd(self):
        return "/"

    def mkdir(self, path):
        print(self.name, "mkdir", path)

    def statvfs(self, path):
        return (1024, 1024, 10, 5, 5, 0, 0, 0, 0, 255)

    def __repr__(self):
        return "LogFS(%s)" % self.name


# the table starts with whatever the port mounted at "/"
table = vfs.mount()
print(type(table), [p for _, p in table])
a = LogFS("a", {"/x.txt": b"xx"})
vfs.mount(a, "/a")
vfs.mount(LogFS("b"), "/b/deep", readonly=True)
print([(fs, p) for fs, p in vfs.mount() if p != "/"])
try:
    vfs.mount(LogFS("c"), "/a")
except OSError as e:
    print("taken", e.errno)
print(os.listdir("/a"))
print(os.stat("/a/x.txt")[6], os.statvfs("/a")[:4])
os.mkdir("/a/newdir")
try:
    os.mkdir("/a")
except OSError as e:
    print("mkdir mount point", e.errno)
os.chdir("/a")
print(os.getcwd())
os.mkdir("rel")
os.chdir("/")
vfs.umount(a)
vfs.umount("/b/deep")
print([p for _, p in vfs.mount()] == [p for _, p in table])
try:
    vfs.umount("/a")
except OSError as e:
    print("not mounted", e.errno)
# os keeps the old names
print(os.mount is vfs.mount, os.umount is vfs.umount, os.VfsFat is vfs.VfsFat)
