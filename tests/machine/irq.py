# expect: handwritten
# CPython has no `machine` module: a Pin IRQ fired by a simulated button press (sim-only hooks).
import machine
import time

btn = machine.Pin(15, machine.Pin.IN, machine.Pin.PULL_UP)
print(btn.value())
events = []


def handler(p):
    events.append((p.value(), time.ticks_ms()))


btn.irq(handler, machine.Pin.IRQ_FALLING | machine.Pin.IRQ_RISING)
time.sleep_ms(100)
machine.sim_press(15, 30)
print(events)
time.sleep_ms(100)
print(events)
# A press scheduled while the program sleeps fires at its virtual time.
machine.sim_set(15, 0, 50000)
machine.sim_set(15, None, 80000)
time.sleep_ms(100)
print(events[2:])
# disable_irq defers handlers until enable_irq.
st = machine.disable_irq()
machine.sim_press(15, 0)
print(len(events))
machine.enable_irq(st)
print(len(events))
btn.irq(None)
machine.sim_press(15, 0)
print(len(events))
# time_pulse_us measures a scheduled pulse.
machine.sim_set(15, 0, 1000)
machine.sim_set(15, None, 1750)
print(machine.time_pulse_us(btn, 0, 10000))
print(machine.time_pulse_us(btn, 0, 500))
