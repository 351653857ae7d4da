# asyncio.lock: Lock.

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
