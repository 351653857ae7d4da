# expect: handwritten
# CPython has no `machine` module: ADC and PWM on the simulated board.
import machine

pot = machine.ADC(machine.Pin(26))
print(pot.read_u16())
machine.sim_adc(26, 0.25)
print(pot.read_u16())
machine.sim_adc(26, 1.0)
print(pot.read_u16())
print(machine.ADC(4).read_u16())
try:
    machine.ADC(5)
except ValueError as e:
    print("ValueError", e)
pwm = machine.PWM(machine.Pin(16), freq=1000, duty_u16=32768)
print(pwm.freq(), pwm.duty_u16(), pwm.duty_ns())
pwm.duty_ns(250000)
print(pwm.duty_u16())
pwm.freq(50)
print(pwm.freq())
pwm.deinit()
print(len(machine.unique_id()), machine.freq())
