# time.sleep in a thread lets the others run; wake-ups come in time order.
import _thread
import time

order = []
lock = _thread.allocate_lock()


def napper(name, secs):
    time.sleep(secs)
    with lock:
        order.append(name)


_thread.start_new_thread(napper, ("slow", 0.15))
_thread.start_new_thread(napper, ("fast", 0.01))
_thread.start_new_thread(napper, ("middle", 0.08))
time.sleep(0.3)
print(order)
