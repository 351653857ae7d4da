# A RAM block device with MicroPython's block protocol, shared by the vfs tests.


class RAMBlockDev:
    def __init__(self, blocks, size=512):
        self.size = size
        self.data = bytearray(blocks * size)
        self.reads = 0
        self.writes = 0

    def readblocks(self, n, buf, off=0):
        self.reads += 1
        start = n * self.size + off
        buf[:] = self.data[start : start + len(buf)]

    def writeblocks(self, n, buf, off=0):
        self.writes += 1
        start = n * self.size + off
        self.data[start : start + len(buf)] = buf

    def ioctl(self, op, arg):
        if op == 4:
            return len(self.data) // self.size
        if op == 5:
            return self.size
        return 0


def le16(b, i):
    return b[i] | b[i + 1] << 8


def le32(b, i):
    return le16(b, i) | le16(b, i + 2) << 16


def root_entries(img):
    # A tiny independent FAT12/16 reader: the short names and sizes in the root directory.
    ss = le16(img, 11)
    rsv = le16(img, 14)
    nfats = img[16]
    nroot = le16(img, 17)
    fatsz = le16(img, 22)
    start = (rsv + nfats * fatsz) * ss
    out = []
    for i in range(nroot):
        e = img[start + 32 * i : start + 32 * i + 32]
        if e[0] == 0:
            break
        if e[0] == 0xE5 or e[11] == 0x0F:
            continue
        out.append((bytes(e[:11]), e[11], le32(e, 28)))
    return out
