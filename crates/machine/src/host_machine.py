"""machine for a host without hardware, as MicroPython's unix port has it.

mem8/mem16/mem32 check their index (an int, aligned to the access size) and then raise OSError
(EFAULT): a host process has no raw memory to peek at. PinBase is the base of pins written in
Python (Signal and time_pulse_us call their value() method); idle, disable_irq and enable_irq
exist for portable code. There is no Pin, Timer or bus: use `ferropy --board sim` for those.
"""

from time import ticks_us, ticks_diff


class mem:
    def __init__(self, bits):
        self._bits = bits

    def __repr__(self):
        return "<%d-bit memory>" % self._bits

    def _check(self, addr):
        if not isinstance(addr, int):
            raise TypeError("can't convert %s to int" % type(addr).__name__)
        align = self._bits // 8
        addr &= (1 << 64) - 1
        if addr % align:
            raise ValueError("address %08x is not aligned to %d bytes" % (addr, align))
        raise OSError(14, "no raw memory access on this port")

    def __getitem__(self, addr):
        self._check(addr)

    def __setitem__(self, addr, value):
        self._check(addr)


mem8 = mem(8)
mem16 = mem(16)
mem32 = mem(32)


class PinBase:
    pass


class Signal:
    def __init__(self, pin, *, invert=False):
        if not hasattr(pin, "value"):
            raise TypeError("Pin object required")
        self._pin = pin
        self._invert = bool(invert)

    def value(self, v=None):
        if v is None:
            return int(self._pin.value()) ^ self._invert
        self._pin.value(int(bool(v) ^ self._invert))

    __call__ = value

    def on(self):
        self.value(1)

    def off(self):
        self.value(0)


def time_pulse_us(pin, pulse_level, timeout_us=1000000):
    start = ticks_us()
    while pin.value() != pulse_level:
        if ticks_diff(ticks_us(), start) >= timeout_us:
            return -2
    start = ticks_us()
    while pin.value() == pulse_level:
        if ticks_diff(ticks_us(), start) >= timeout_us:
            return -1
    return ticks_diff(ticks_us(), start)


def idle():
    pass


_irq_enabled = [True]


def disable_irq():
    state = _irq_enabled[0]
    _irq_enabled[0] = False
    return state


def enable_irq(state=True):
    _irq_enabled[0] = bool(state)
