# expect: handwritten
# CPython has no `machine` module: the simulated AHT20-style sensor at 0x38 on the I2C bus.
import machine
import time

i2c = machine.I2C(0, scl=machine.Pin(5), sda=machine.Pin(4), freq=400000)
print([hex(a) for a in i2c.scan()])
print(i2c.readfrom_mem(0x38, 0x71, 1))
machine.sim_sensor(25.0, 50.0)
i2c.writeto(0x38, b"\xac\x33\x00")
time.sleep_ms(80)
d = i2c.readfrom(0x38, 7)
print(len(d), hex(d[0]))
hum = ((d[1] << 12) | (d[2] << 4) | (d[3] >> 4)) * 100 / 1048576
tmp = (((d[3] & 0xF) << 16) | (d[4] << 8) | d[5]) * 200 / 1048576 - 50
print(round(hum, 1), round(tmp, 1))
buf = bytearray(3)
i2c.readfrom_into(0x38, buf)
print(buf[0] == 0x18)
try:
    i2c.writeto(0x50, b"x")
except OSError as e:
    print("OSError", e.args[0])
soft = machine.SoftI2C(scl=machine.Pin(1), sda=machine.Pin(0))
print(soft.scan())
