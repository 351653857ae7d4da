# expect: handwritten
# vfs.VfsLfs2 is MicroPython's littlefs v2 driver; CPython has no counterpart. This image was made
# by littlefs 2.11 (128-byte blocks): a directory, an inline file and a 300-byte CTZ file.
import vfs
from binascii import unhexlify

from _lfs_common import RAMBlockDevice

IMG = unhexlify(
    "03000000f00ffff76c6974746c6566732fe0001001000200800000000c000000ff000000ffffff7ffe030000400ffc10"
    "0a0000000b0000003fe0000010000000e5394cc00ff000007b8de0f7ffffffffffffffffffffffffffffffffffffffff"
    "ffffffffffffffffffffffffffffffffffffffffffffffffffffffffffffffff02000000f00ffff76c6974746c656673"
    "2fe0001001000200800000000c000000ff000000ffffff7ffe0300007feffc1010000000e5394cc00ff0000cc2b15883"
    "101ff80440300004646f63732020000c0800000009000000400ff800080000000900000030000010dd132dfcffffffff"
    "ffffffffffffffffffffffffffffffff000102030405060708090a0b0c0d0e0f101112131415161718191a1b1c1d1e1f"
    "202122232425262728292a2b2c2d2e2f303132333435363738393a3b3c3d3e3f404142434445464748494a4b4c4d4e4f"
    "505152535455565758595a5b5c5d5e5f606162636465666768696a6b6c6d6e6f707172737475767778797a7b7c7d7e7f"
    "02000000808182838485868788898a8b8c8d8e8f909192939495969798999a9b9c9d9e9fa0a1a2a3a4a5a6a7a8a9aaab"
    "acadaeafb0b1b2b3b4b5b6b7b8b9babbbcbdbebfc0c1c2c3c4c5c6c70000000000000000000000000000000000000000"
    "000000000000000000000000000000000000000000000000000000000000000003000000020000000000000000000000"
    "00000000000000000000000000000000000000000000000000000000000000000000000000000000ffffffffffffffff"
    "ffffffffffffffffffffffffffffffffffffffffffffffffffffffffffffffffffffffffffffffffffffffffffffffff"
    "ffffffffffffffffffffffffffffffffffffffffffffffffffffffffffffffffffffffffffffffffffffffffffffffff"
    "ffffffffffffffffffffffffffffffffffffffffffffffffffffffffffffffffffffffffffffffffffffffffffffffff"
    "ffffffffffffffffffffffffffffffffffffffffffffffffffffffffffffffffffffffffffffffffffffffffffffffff"
    "ffffffffffffffffffffffffffffffffffffffffffffffffffffffffffffffffffffffffffffffffffffffffffffffff"
    "ffffffffffffffffffffffffffffffffffffffffffffffffffffffffffffffffffffffffffffffffffffffffffffffff"
    "ffffffffffffffffffffffffffffffffffffffffffffffffffffffffffffffffffffffffffffffffffffffffffffffff"
    "ffffffffffffffffffffffffffffffffffffffffffffffffffffffffffffffffffffffffffffffffffffffffffffffff"
    "ffffffffffffffffffffffffffffffffffffffffffffffffffffffffffffffffffffffffffffffffffffffffffffffff"
    "ffffffffffffffffffffffffffffffff01000000a00003f710000000e5394cc00ff0000486109544ffffffffffffffff"
    "101ffc0c4000000a726561646d652e7478742000000a7feffc0810000000e5394cc00ff000022558ad66ffffffffffff"
    "701ffc1a6d616465206279206c6974746c656673701ffc08c83aaba3ffffffffffffffffffffffffffffffffffffffff"
    "ffffffffffffffffffffffffffffffffffffffffffffffffffffffffffffffffffffffffffffffffffffffffffffffff"
    "ffffffffffffffffffffffffffffffffffffffffffffffffffffffffffffffffffffffffffffffffffffffffffffffff"
    "ffffffffffffffffffffffffffffffffffffffffffffffffffffffffffffffff01000000ffdffffb646f63732020000c"
    "08000000090000002010040e68692e74787420000006401ff80808000000090000003ff0000010000000e5394cc00ff0"
    "0006ba02c924ffffffffffffffffffff701ff80c68697feff80a10000000e5394cc00ff0000299c0bb81ffffffffffff"
    "ffffffffffffffffffffffffffffffff02000000ffdffbfb646f63732020000c080000000900000020100c0e68692e74"
    "78742000000468692000080a646174612e62696e20000008401ffc0808000000090000003ff0000010000000e5394cc0"
    "0ff00004a35e1202ffffffffffffffff702ffc04040000002c010000702ffc18d88ddc6bffffffffffffffffffffffff")


dev = RAMBlockDevice(len(IMG) // 128, 128)
dev.data[:] = IMG
fs = vfs.VfsLfs2(dev, mtime=False)
print(list(fs.ilistdir("/")))
print(list(fs.ilistdir("/docs")))
with fs.open("/docs/readme.txt") as f:
    print(f.read())
with fs.open("/data.bin", "rb") as f:
    d = f.read()
print(len(d), d[:5], d[195:205], sum(d))
print(fs.statvfs("/"))

# Change it, then mount again from the same bytes.
with fs.open("/hi.txt", "a") as f:
    f.write(" there, a longer text now")
fs.rename("/docs/readme.txt", "/readme.txt")
fs.rmdir("/docs")
fs = vfs.VfsLfs2(dev, mtime=False)
print(sorted(fs.ilistdir("/")))
print(fs.open("/hi.txt").read())

# Auto-detection from the superblock when a block device is mounted.
vfs.mount(dev, "/img")
import os

print(sorted(os.listdir("/img")))
vfs.umount("/img")
