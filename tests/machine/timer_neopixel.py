# expect: handwritten
# CPython has no `machine` or `neopixel` module: Timer callbacks in virtual time and a NeoPixel strip.
import machine
import neopixel
import time

count = 0


def tick(t):
    global count
    count += 1


t = machine.Timer(-1, mode=machine.Timer.PERIODIC, period=100, callback=tick)
time.sleep(1.05)
print(count)
t.deinit()
time.sleep(1)
print(count)
fired = []
machine.Timer(mode=machine.Timer.ONE_SHOT, period=300, callback=lambda t: fired.append(time.ticks_ms()))
start = time.ticks_ms()
time.sleep_ms(1000)
print([time.ticks_diff(f, start) for f in fired])
f = machine.Timer(freq=50, callback=tick)
count = 0
time.sleep_ms(100)
f.deinit()
print(count)

np = neopixel.NeoPixel(machine.Pin(22), 4)
print(len(np), np.n)
np.fill((10, 20, 30))
np[1] = (255, 0, 0)
print(np[0], np[1])
print(machine.sim_neopixels(22))
np.write()
print(machine.sim_neopixels(22))
rtc = machine.RTC()
rtc.datetime((2024, 2, 29, 3, 23, 59, 58, 0))
time.sleep(3)
print(rtc.datetime()[:7])
u = machine.UART(0, baudrate=9600)
u.write(b"hello\nworld")
print(u.any(), u.readline(), u.read())
spi = machine.SPI(0)
rb = bytearray(3)
spi.write_readinto(b"abc", rb)
print(rb, spi.read(2, 0x55))
