# expect: handwritten
# machine on the plain ferropy command is MicroPython's unix-port machine (no CPython
# counterpart): raw-memory objects that check their index, PinBase, Signal over pins written in
# Python, time_pulse_us, idle, disable_irq/enable_irq.
import machine
import umachine

print(machine is umachine)
print(machine.mem8, machine.mem16, machine.mem32)
for mem, addr in [(machine.mem16, 1), (machine.mem32, 2), (machine.mem32, 0x1003)]:
    try:
        mem[addr]
    except ValueError as e:
        print("ValueError", e)
for bad in ["x", slice(0, 1), 1.5]:
    try:
        machine.mem8[bad]
    except TypeError:
        print("TypeError", type(bad).__name__)
try:
    del machine.mem8[0]
except TypeError:
    print("TypeError del")
try:
    machine.mem32[0x1000]
except OSError as e:
    print("OSError", e.errno)
try:
    machine.mem8[16] = 1
except OSError as e:
    print("OSError", e.errno)


class Latch(machine.PinBase):
    def __init__(self):
        self.v = 0

    def value(self, v=None):
        if v is None:
            return self.v
        self.v = v


p = Latch()
print(isinstance(p, machine.PinBase))
s = machine.Signal(p, invert=True)
s.on()
print(p.value(), s.value(), s())
s(0)
print(p.value(), s.value())
s2 = machine.Signal(p)
s2.value(5)
print(p.value(), s2.value())
try:
    machine.Signal(42)
except TypeError as e:
    print("TypeError", e)


class Pulse(machine.PinBase):
    """Low for 3 reads, high for 4 reads, then low again."""

    def __init__(self):
        self.n = 0

    def value(self):
        self.n += 1
        return 1 if 3 < self.n <= 7 else 0


t = machine.time_pulse_us(Pulse(), 1)
print(type(t).__name__, t >= 0)
print(machine.time_pulse_us(Latch(), 1, 50))
print(machine.time_pulse_us(Latch(), 0, 50))
print(machine.idle())
st = machine.disable_irq()
inner = machine.disable_irq()
machine.enable_irq(inner)
machine.enable_irq(st)
print(st, inner)


class Answer(machine.PinBase):
    def value(self, v=None):
        return 42


class MySignal(machine.Signal):
    pass


print(MySignal(Answer())(), machine.Signal(Answer(), invert=True).value())
