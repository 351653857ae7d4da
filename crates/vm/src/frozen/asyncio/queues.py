# asyncio.queues: Queue, LifoQueue, PriorityQueue (CPython's API; MicroPython
# has no queues).
#
# Design: waiting getters and putters park on two small wait lists (objects
# with a `waiting` list, as core._Park expects). A put wakes one getter and a
# get wakes one putter; a woken task re-checks the queue, so a task that was
# cancelled or overtaken just parks again.

from asyncio import core
from asyncio.event import Event
from heapq import heappush, heappop


class QueueEmpty(Exception):
    """Raised by get_nowait() on an empty queue."""


class QueueFull(Exception):
    """Raised by put_nowait() on a full queue."""


class _Waiters:
    # A FIFO of parked tasks; wake_one() wakes the first one still parked here.
    __slots__ = ("waiting",)

    def __init__(self):
        self.waiting = []

    def wake_one(self):
        w = self.waiting
        while w:
            t = w.pop(0)
            if t._waiting_on is self:
                core._wake(t, self)
                return


class Queue:
    """A FIFO queue for tasks; maxsize <= 0 means unbounded."""

    def __init__(self, maxsize=0):
        self._maxsize = maxsize
        self._init()
        self._getters = _Waiters()
        self._putters = _Waiters()
        self._unfinished = 0
        self._finished = Event()
        self._finished.set()

    def _init(self):
        self._queue = []
        self._head = 0

    def _put(self, item):
        self._queue.append(item)

    def _get(self):
        q = self._queue
        h = self._head
        item = q[h]
        q[h] = None
        h += 1
        if h >= 32 and h * 2 >= len(q):
            del q[:h]
            h = 0
        self._head = h
        return item

    def _len(self):
        return len(self._queue) - self._head

    def __repr__(self):
        return "<%s maxsize=%r>" % (type(self).__name__, self._maxsize)

    @property
    def maxsize(self):
        return self._maxsize

    def qsize(self):
        """The number of items in the queue."""
        return self._len()

    def empty(self):
        """True if the queue is empty."""
        return self._len() == 0

    def full(self):
        """True if the queue holds maxsize items (never for maxsize <= 0)."""
        if self._maxsize <= 0:
            return False
        return self._len() >= self._maxsize

    def put_nowait(self, item):
        """Put item without waiting; raise QueueFull if the queue is full."""
        if self.full():
            raise QueueFull
        self._put(item)
        self._unfinished += 1
        self._finished.clear()
        self._getters.wake_one()

    def get_nowait(self):
        """Remove and return an item; raise QueueEmpty if there is none."""
        if self._len() == 0:
            raise QueueEmpty
        item = self._get()
        self._putters.wake_one()
        return item

    async def put(self, item):
        """Put item into the queue, waiting while it is full."""
        while self.full():
            try:
                await core._Park(self._putters)
            except BaseException:
                if not self.full():
                    self._putters.wake_one()
                raise
        return self.put_nowait(item)

    async def get(self):
        """Remove and return an item, waiting while the queue is empty."""
        while self._len() == 0:
            try:
                await core._Park(self._getters)
            except BaseException:
                if self._len():
                    self._getters.wake_one()
                raise
        return self.get_nowait()

    def task_done(self):
        """Mark one item fetched earlier as processed (for join())."""
        if self._unfinished <= 0:
            raise ValueError("task_done() called too many times")
        self._unfinished -= 1
        if self._unfinished == 0:
            self._finished.set()

    async def join(self):
        """Wait until every item put has been marked done with task_done()."""
        if self._unfinished > 0:
            await self._finished.wait()


class PriorityQueue(Queue):
    """A queue that returns the smallest item first (a heap)."""

    def _init(self):
        self._queue = []

    def _put(self, item):
        heappush(self._queue, item)

    def _get(self):
        return heappop(self._queue)

    def _len(self):
        return len(self._queue)


class LifoQueue(Queue):
    """A queue that returns the most recently added item first."""

    def _init(self):
        self._queue = []

    def _get(self):
        return self._queue.pop()

    def _len(self):
        return len(self._queue)
