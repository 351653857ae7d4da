# Several threads update shared state under a lock; a thread that never sleeps is still
# interrupted so that the others (and the main thread) make progress.
import _thread
import time

counter = [0]
lock = _thread.allocate_lock()
finished = []


def add(times):
    for _ in range(times):
        with lock:
            counter[0] += 1
    with lock:
        finished.append(1)


for _ in range(4):
    _thread.start_new_thread(add, (2500,))

stop = [False]
spins = [0]


def spinner():
    while not stop[0]:
        spins[0] += 1
    with lock:
        finished.append(2)


_thread.start_new_thread(spinner, ())
while True:
    with lock:
        if len(finished) == 4:
            break
    time.sleep(0.001)
stop[0] = True
while len(finished) < 5:
    time.sleep(0.001)
print(counter[0], sorted(finished), spins[0] > 0)
