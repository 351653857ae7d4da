# Threads started with positional and keyword arguments; the main thread waits for them
# with locks, then prints what they did.
import _thread

results = []
results_lock = _thread.allocate_lock()
done = []


def worker(name, n, scale=1):
    total = 0
    for i in range(n):
        total += i * scale
    with results_lock:
        results.append((name, total))
        done.append(_thread.get_ident())


_thread.start_new_thread(worker, ("a", 1000))
_thread.start_new_thread(worker, ("b", 2000), {"scale": 3})
_thread.start_new_thread(worker, ("c",), {"n": 10})

waiter = _thread.allocate_lock()
while True:
    with results_lock:
        if len(results) == 3:
            break
    waiter.acquire(True, 0.001)

print(sorted(results))
print(len(set(done)), _thread.get_ident() not in done)
