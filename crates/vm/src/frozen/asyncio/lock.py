# asyncio.lock: Lock, Semaphore and BoundedSemaphore.

from asyncio import core


class Lock:
    """A mutual-exclusion lock for tasks (usable with `async with`)."""

    def __init__(self):
        # state: 0 = unlocked, 1 = locked, a Task = handed over to that task
        self.state = 0
        self.waiting = []

    def locked(self):
        return self.state == 1

    def release(self):
        if self.state != 1:
            raise RuntimeError("Lock not acquired")
        while self.waiting:
            t = self.waiting.pop(0)
            if t._waiting_on is self:
                # Hand the lock straight to the next waiter.
                self.state = t
                core._wake(t, self)
                return
        self.state = 0

    async def acquire(self):
        if self.state != 0 or self.waiting:
            t = core.cur_task
            try:
                await core._Park(self)
            except BaseException:
                if self.state is t:
                    # The lock was handed to us just as we were cancelled.
                    self.state = 1
                    self.release()
                raise
        self.state = 1
        return True

    async def __aenter__(self):
        return await self.acquire()

    async def __aexit__(self, exc_type, exc, tb):
        self.release()


class Semaphore:
    """A counter tasks acquire and release (usable with `async with`);
    acquire() waits while the counter is zero. A release with tasks waiting
    hands the slot straight to the first of them (first come, first served)."""

    def __init__(self, value=1):
        if value < 0:
            raise ValueError("Semaphore initial value must be >= 0")
        self._value = value
        self.waiting = []
        self._granted = []  # woken tasks that were handed a slot

    def __repr__(self):
        if self.locked():
            extra = "locked"
        else:
            extra = "unlocked, value:%d" % self._value
        if self.waiting:
            extra += ", waiters:%d" % len(self.waiting)
        return "<%s [%s]>" % (type(self).__name__, extra)

    def locked(self):
        """True if acquire() would wait."""
        return self._value == 0 or any(
            t._waiting_on is self for t in self.waiting
        )

    async def acquire(self):
        """Decrement the counter, waiting first while it is zero."""
        if not self.locked():
            self._value -= 1
            return True
        t = core.cur_task
        try:
            await core._Park(self)
        except BaseException:
            if t in self._granted:
                # Handed a slot just as we were cancelled: pass it on.
                self._granted.remove(t)
                self._release()
            raise
        if t in self._granted:
            self._granted.remove(t)
            return True
        return await self.acquire()

    def _release(self):
        w = self.waiting
        while w:
            t = w.pop(0)
            if t._waiting_on is self:
                self._granted.append(t)
                core._wake(t, self)
                return
        self._value += 1

    def release(self):
        """Increment the counter, or hand the slot to the first waiting task."""
        self._release()

    async def __aenter__(self):
        await self.acquire()

    async def __aexit__(self, exc_type, exc, tb):
        self.release()


class BoundedSemaphore(Semaphore):
    """A Semaphore whose release() raises ValueError above the initial value."""

    def __init__(self, value=1):
        self._bound_value = value
        super().__init__(value)

    def release(self):
        if self._value >= self._bound_value:
            raise ValueError("BoundedSemaphore released too many times")
        super().release()
