# asyncio.event: Event and ThreadSafeFlag.

from asyncio import core


class Event:
    """A flag tasks can wait for."""

    def __init__(self):
        self.state = False
        self.waiting = []

    def is_set(self):
        return self.state

    def set(self):
        self.state = True
        waiting = self.waiting
        self.waiting = []
        for t in waiting:
            core._wake(t, self)

    def clear(self):
        self.state = False

    async def wait(self):
        if not self.state:
            await core._Park(self)
        return True


class ThreadSafeFlag:
    """A flag that may be set from outside asyncio (an interrupt handler or a
    host callback); wait() clears it when it returns."""

    def __init__(self):
        self.state = False
        self.waiting = []

    def set(self):
        # The waiting task is woken when the loop next polls for outside events (after the
        # tasks already due), as a flag set from an interrupt would be seen.
        self.state = True
        waiting = self.waiting
        self.waiting = []
        for t in waiting:
            core._flagged.append((t, self))

    def clear(self):
        self.state = False

    async def wait(self):
        if not self.state:
            core._polling += 1
            try:
                await core._Park(self)
            finally:
                core._polling -= 1
        self.state = False
