# A push button on GP14 (to ground, internal pull-up) toggles the LED from a Pin IRQ handler.
# On the simulated board, click the button on the page (or use machine.sim_press natively).
import sys
import time
import machine
from machine import Pin

led = Pin(25, Pin.OUT)
button = Pin(14, Pin.IN, Pin.PULL_UP)
presses = 0


def pressed(pin):
    global presses
    presses += 1
    led.toggle()
    print("button pressed", presses)


button.irq(trigger=Pin.IRQ_FALLING, handler=pressed)

if hasattr(machine, "sim_press") and sys.platform != "webassembly":
    # Natively there is nobody to click: press the button three times in virtual time.
    for t in (100, 400, 700):
        machine.sim_set(14, 0, t * 1000)
        machine.sim_set(14, None, (t + 50) * 1000)

print("waiting for presses...")
for _ in range(100):
    time.sleep_ms(100)
    if presses >= 3:
        break
button.irq(handler=None)
print("done:", presses, "presses")
