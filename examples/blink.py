# Blink the on-board LED (pin 25, also Pin("LED")) once a second.
# Runs on a Pico-like board, on `ferropy --board sim` and on the web page's simulated board.
import time
from machine import Pin

led = Pin("LED", Pin.OUT)
for i in range(10):
    led.toggle()
    print("LED", "on" if led.value() else "off")
    time.sleep(0.5)
led.off()
