# expect: handwritten
# CPython has no `machine`/`framebuf`: the ssd1306 driver (a framebuf.FrameBuffer subclass writing
# through I2C) drives the simulated OLED; what the display holds must equal the driver's buffer.
import framebuf
import machine
import ssd1306

i2c = machine.I2C(0)
oled = ssd1306.SSD1306_I2C(128, 64, i2c)
print(isinstance(oled, framebuf.FrameBuffer), oled.width, oled.height, len(oled.buffer))
# init_display switched the panel on and cleared it.
print(i2c.readfrom(0x3C, 1), machine.sim_oled() == bytes(1024))
oled.fill(0)
oled.text("Hi", 0, 0)
oled.pixel(127, 63, 1)
oled.hline(10, 20, 5, 1)
oled.show()
fb = machine.sim_oled()
print(fb == bytes(oled.buffer))
# 'H' is columns 00 7f 7f 08 08 7f 7f 00, 'i' is 00 00 00 7d 7d 00 00 00 (bit 0 at the top).
print(fb[0:16].hex())
print(fb[7 * 128 + 127], fb[2 * 128 + 10 : 2 * 128 + 16].hex())
# A second frame replaces the first.
oled.fill(0)
oled.rect(0, 0, 128, 64, 1)
oled.show()
fb = machine.sim_oled()
print(fb == bytes(oled.buffer), fb[0], fb[1], fb[128], fb[7 * 128 + 5], sum(bin(b).count("1") for b in fb))
oled.poweroff()
print(i2c.readfrom(0x3C, 1))
oled.poweron()
print(i2c.readfrom(0x3C, 1))
