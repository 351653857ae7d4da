# Draw on a 128x64 SSD1306 OLED on I2C0 (address 0x3C) with the ssd1306 driver and framebuf.
import time
from machine import I2C, Pin
import ssd1306

i2c = I2C(0, scl=Pin(5), sda=Pin(4))
print("I2C devices:", [hex(a) for a in i2c.scan()])
oled = ssd1306.SSD1306_I2C(128, 64, i2c)
oled.fill(0)
oled.rect(0, 0, 128, 64, 1)
oled.text("Hello, Ferropy!", 4, 6)
oled.hline(4, 18, 120, 1)
oled.ellipse(30, 40, 14, 10, 1, True)
oled.poly(80, 28, bytearray([0, 24, 12, 0, 24, 24]), 1)
oled.show()
for i in range(5):
    oled.fill_rect(60, 54, 64, 8, 0)
    oled.text("count %d" % i, 60, 54)
    oled.show()
    time.sleep(0.2)
print("OLED pixels lit:", sum(bin(b).count("1") for b in oled.buffer))
