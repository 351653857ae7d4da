# expect: handwritten
# CPython has no ticks_* functions, mktime with 8-tuples, or 8-tuple gmtime: these are
# MicroPython's time module semantics (TICKS_PERIOD = 2**30).
import time

print(time.ticks_diff(5, 3), time.ticks_diff(3, 5))
print(time.ticks_diff(0, 2**30 - 1), time.ticks_diff(2**30 - 1, 0))
print(time.ticks_diff(2**29, 0), time.ticks_diff(2**29 + 1, 0))
print(time.ticks_add(2**30 - 1, 1), time.ticks_add(0, -1), time.ticks_add(100, 23))
try:
    time.ticks_add(0, 2**30)
except OverflowError as e:
    print("OverflowError", e)
t = time.ticks_ms()
print(0 <= t < 2**30, 0 <= time.ticks_us() < 2**30, 0 <= time.ticks_cpu() < 2**30)
t0 = time.ticks_ms()
time.sleep_ms(20)
print(time.ticks_diff(time.ticks_ms(), t0) >= 19)
t0 = time.ticks_us()
time.sleep_us(1000)
print(time.ticks_diff(time.ticks_us(), t0) >= 900)
print(time.gmtime(0), time.localtime(0))
print(time.mktime((2000, 2, 29, 12, 30, 15, 0, 0)), time.mktime(time.gmtime(1234567890)))
print(time.mktime((1970, 13, 1, 0, 0, 0, 0, 0)))

# ticks_add takes steps no larger than the largest interval ticks_diff reports.
half = time.ticks_add(0, -1) // 2
for step in (-half - 1, -half, half, half + 1):
    try:
        print(time.ticks_diff(time.ticks_add(7, step), 7) == step)
    except OverflowError as e:
        print("OverflowError", step)
