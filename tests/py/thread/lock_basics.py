# _thread locks on their own: acquire/release, non-blocking and timed acquires, `with`, errors.
import _thread

lock = _thread.allocate_lock()
print(type(lock) is _thread.LockType, lock.locked())
print(lock.acquire(), lock.locked())
print(lock.acquire(False), lock.acquire(0), lock.acquire(True, 0.01))
print(lock.acquire(blocking=False))
lock.release()
print(lock.locked())
with lock:
    print("inside", lock.locked())
print("after", lock.locked())
try:
    lock.release()
except RuntimeError as e:
    print("RuntimeError", e)
try:
    lock.acquire(False, 1)
except ValueError as e:
    print("ValueError", e)
try:
    lock.acquire(True, -5)
except ValueError as e:
    print("ValueError", e)
print(_thread.error is RuntimeError)
print(isinstance(_thread.get_ident(), int))
print(_thread.stack_size(), _thread.stack_size(65536), _thread.stack_size(), _thread.stack_size())
for args in [(1, ()), (print, [1]), (print, (), 5)]:
    try:
        _thread.start_new_thread(*args)
    except TypeError as e:
        print("TypeError", e)
