# expect: handwritten
# CPython has no `machine` module: this runs on ferropy's simulated board (virtual time).
import machine
import time

led = machine.Pin("LED", machine.Pin.OUT)
print(led)
t0 = time.ticks_ms()
for i in range(6):
    led.toggle()
    print(time.ticks_diff(time.ticks_ms(), t0), led.value())
    time.sleep(0.25)
led.off()
print(led(), time.ticks_diff(time.ticks_ms(), t0))
s = machine.Signal(machine.Pin(2, machine.Pin.OUT), invert=True)
s.on()
print(s.value(), machine.Pin(2).value())
