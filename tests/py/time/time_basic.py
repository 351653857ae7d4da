import time

print(type(time.time()), type(time.time_ns()), type(time.monotonic()), type(time.perf_counter()))
t0 = time.monotonic()
time.sleep(0.01)
time.sleep(0)
print(time.monotonic() - t0 >= 0.009)
print(time.time() > 1600000000)
print(tuple(time.gmtime(0))[:8])
print(tuple(time.gmtime(951782400))[:8])
print(tuple(time.gmtime(1234567890))[:8])
print(tuple(time.gmtime(-86400))[:8])
print(tuple(time.gmtime(4102444800))[:8])
