# Shared by the littlefs tests: a RAM block device with MicroPython's block protocol, and the
# errno of a call that should fail.


class RAMBlockDevice:
    def __init__(self, blocks, bs=512):
        self.bs = bs
        self.data = bytearray(blocks * bs)

    def readblocks(self, block, buf, off=0):
        a = block * self.bs + off
        buf[:] = self.data[a : a + len(buf)]

    def writeblocks(self, block, buf, off=0):
        a = block * self.bs + off
        self.data[a : a + len(buf)] = buf

    def ioctl(self, op, arg):
        if op == 4:
            return len(self.data) // self.bs
        if op == 5:
            return self.bs
        if op == 6:
            return 0


def errno_of(f, *args):
    try:
        f(*args)
    except OSError as e:
        return e.args[0]
    return "no error"

