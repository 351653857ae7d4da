# An exception that escapes a thread ends only that thread (its report goes to stderr);
# `finally` and `with` blocks in it still run. An uncaught exception in the main thread ends
# the program even while other threads wait.
import _thread
import time

lock = _thread.allocate_lock()
log = []


def failing(n):
    try:
        with lock:
            log.append("holding")
            raise ValueError("bad %d" % n)
    finally:
        log.append("finally")


def sleeper():
    time.sleep(10)
    log.append("sleeper woke")


_thread.start_new_thread(failing, (7,))
time.sleep(0.02)
print(log, lock.locked())
_thread.start_new_thread(sleeper, ())
time.sleep(0.01)
raise KeyError("main fails")
