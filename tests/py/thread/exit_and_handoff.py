# _thread.exit() ends a thread quietly; a lock held by one thread and released by another
# hands control over (a lock is not owned, unlike RLock).
import _thread
import time

log = []
gate = _thread.allocate_lock()
gate.acquire()
done = _thread.allocate_lock()
done.acquire()


def quitter():
    log.append("quitter start")
    _thread.exit()
    log.append("never")


def waiter():
    gate.acquire()
    log.append("waiter got the gate")
    done.release()


_thread.start_new_thread(quitter, ())
_thread.start_new_thread(waiter, ())
time.sleep(0.02)
log.append("main opens the gate")
gate.release()
done.acquire()
print(log)
