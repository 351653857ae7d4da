# expect: handwritten
# CPython has no `machine` module: an SSD1306-style OLED at 0x3C on the simulated I2C bus.
import machine

i2c = machine.I2C(0)
ADDR = 0x3C


def cmd(c):
    i2c.writeto(ADDR, bytes([0x80, c]))


for c in (0xAE, 0x20, 0x00, 0x8D, 0x14, 0xAF):
    cmd(c)
buf = bytearray(128 * 8)


def pixel(x, y):
    buf[(y // 8) * 128 + x] |= 1 << (y % 8)


for i in range(64):
    pixel(i, i)
    pixel(127 - i, i)
for x in range(128):
    pixel(x, 0)
    pixel(x, 63)
for c in (0x21, 0, 127, 0x22, 0, 7):
    cmd(c)
i2c.writevto(ADDR, (b"\x40", buf))
fb = machine.sim_oled()
print(len(fb), fb == bytes(buf))
print(sum(bin(b).count("1") for b in fb))
checksum = 0
for b in fb:
    checksum = (checksum * 31 + b) & 0xFFFFFFFF
print(checksum)
# A window write lands in the right place.
for c in (0x21, 10, 11, 0x22, 2, 2):
    cmd(c)
i2c.writeto(ADDR, b"\x40\xff\x81")
fb = machine.sim_oled()
print(fb[2 * 128 + 10], fb[2 * 128 + 11])
