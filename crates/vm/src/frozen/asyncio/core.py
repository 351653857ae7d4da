# asyncio.core: the scheduler, Task, sleep and the event loop.
#
# Design: runnable tasks sit in a ready list of entries (seq, task), sleeping
# ones in a heap of entries (deadline_ms, seq, task). Deadlines are in a
# private monotonic millisecond clock (built from time.ticks_ms/ticks_diff, so
# tick wrap-around is harmless). A task's coroutine is driven with send/throw.
# Awaitables from this package park the current task themselves (on the heap,
# or on the `waiting` list of an Event/Lock/Task) and then yield the _PARK
# marker; a bare `yield` (None) means "run me again soon"; anything else is
# handed to _await_host. Each push gets a fresh sequence number stored on the
# task, so older entries (e.g. the timer of a wait_for that finished early)
# are recognised as stale and skipped.

from time import ticks_ms, ticks_diff, sleep_ms as _sleep_ms
from heapq import heappush, heappop
import sys
import select as _select


class CancelledError(BaseException):
    pass


class InvalidStateError(RuntimeError):
    """A Task's result or exception was asked for before it finished."""


# CPython 3.11 made asyncio.TimeoutError the builtin TimeoutError.
TimeoutError = TimeoutError

_PARK = object()

_heap = []  # timed entries (deadline_ms, seq, task)
_ready = []  # entries (seq, task) to run in the next round
_seq = 0
_mono = 0
_last = ticks_ms()
_polling = 0  # tasks parked on a ThreadSafeFlag or a host thenable
_all = set()  # tasks not yet finished
cur_task = None
_stop = False
_exc_handler = None
_io = []  # _IOWait entries of tasks waiting for stream readiness
_flagged = []  # (task, flag) of ThreadSafeFlags set since the loop last looked


def _now():
    global _mono, _last
    t = ticks_ms()
    d = ticks_diff(t, _last)
    if d > 0:
        _mono += d
    _last = t
    return _mono


def _push(t, deadline=None):
    # Schedule task t to run at deadline (soon if None); invalidates older entries.
    global _seq
    _seq += 1
    t._seq = _seq
    if deadline is None:
        t._queued = True
        _ready.append((_seq, t))
    else:
        t._queued = False
        heappush(_heap, (deadline, _seq, t))


def _wake(t, waiting_on):
    # Wake t if it is still parked on waiting_on.
    if t._waiting_on is waiting_on:
        t._waiting_on = None
        _push(t)


class _HostWait:
    # A task parked on a host thenable (an object with then(on_ok, on_err),
    # e.g. a JavaScript promise proxy). The loop polls while any is pending.
    __slots__ = ("task", "pending")

    def __init__(self, task):
        self.task = task
        self.pending = True

    def ok(self, value=None):
        self._done(value, None)

    def err(self, error=None):
        if not isinstance(error, BaseException):
            error = RuntimeError(error)
        self._done(None, error)

    def _done(self, value, error):
        global _polling
        if not self.pending:
            return
        self.pending = False
        _polling -= 1
        t = self.task
        if t._waiting_on is self:
            t._val = value
            t._throw = error
            _wake(t, self)


def _await_host(t, obj):
    # A task yielded an object this loop does not know. A thenable (a JS
    # promise proxy) parks the task until it settles; the settled value is
    # sent back into the task (a rejection is thrown into it). Anything else
    # gets a RuntimeError at the task's await point: the loop is a plain
    # function, so it cannot pass the object further up to the host.
    global _polling
    then = getattr(obj, "then", None)
    if then is None:
        t._throw = RuntimeError("asyncio: cannot await %r in a task" % (obj,))
        _push(t)
        return
    w = _HostWait(t)
    t._waiting_on = w
    _polling += 1
    try:
        then(w.ok, w.err)
    except BaseException as e:
        w.err(e)


class _Sleep:
    __slots__ = ("ms", "result")

    def __init__(self, ms, result=None):
        self.ms = ms
        self.result = result

    def __await__(self):
        ms = self.ms
        if ms > 0x1FFFFFFF:
            # Past the largest interval the ticks clock can measure (as MicroPython).
            raise OverflowError("ticks interval overflow")
        if cur_task is None:
            # Awaited outside a running loop (a top-level `await asyncio.sleep(x)` in the
            # browser's runPythonAsync): a plain sleep, which suspends the VM there.
            if ms > 0:
                _sleep_ms(ms)
            return self.result
        if ms <= 0:
            yield
        else:
            _push(cur_task, _now() + ms)
            yield _PARK
        return self.result

    __iter__ = __await__


def sleep_ms(ms):
    """Sleep for ms milliseconds (an awaitable)."""
    return _Sleep(ms)


def sleep(t, result=None):
    """Sleep for t seconds (int or float; an awaitable giving result)."""
    return _Sleep(int(t * 1000), result)


class _Park:
    # Park the current task on obj (which has a `waiting` list) until woken,
    # optionally also pushed on the heap with a deadline.
    __slots__ = ("obj",)

    def __init__(self, obj):
        self.obj = obj

    def __await__(self):
        t = cur_task
        self.obj.waiting.append(t)
        t._waiting_on = self.obj
        yield _PARK

    __iter__ = __await__


class _IOWait:
    # Park the current task until stream s is ready for events (select's
    # POLLIN/POLLOUT), checked by the loop through select.poll.
    __slots__ = ("s", "ev", "task")

    def __init__(self, s, ev):
        self.s = s
        self.ev = ev
        self.task = None

    def __await__(self):
        t = cur_task
        if t is None:
            # Outside a running loop: a plain (suspending) poll.
            p = _select.poll()
            p.register(self.s, self.ev)
            p.poll(-1)
            return
        self.task = t
        t._waiting_on = self
        _io.append(self)
        yield _PARK

    __iter__ = __await__


def _io_poll(ms):
    # Wake tasks whose streams are ready, waiting up to ms milliseconds
    # (-1: until one is) for the first. Drops entries of tasks woken otherwise.
    global _io
    live = []
    masks = {}
    for w in _io:
        if w.task._waiting_on is w:
            live.append(w)
            k = id(w.s)
            masks[k] = masks.get(k, 0) | w.ev
    _io = live
    if not live:
        return
    p = _select.poll()
    for w in live:
        p.register(w.s, masks[id(w.s)])
    res = p.poll(ms)
    if not res:
        return
    got = {}
    for s, r in res:
        got[id(s)] = r
    keep = []
    for w in live:
        r = got.get(id(w.s), 0)
        if r & (w.ev | _select.POLLERR | _select.POLLHUP):
            _wake(w.task, w)
        else:
            keep.append(w)
    _io = keep


_task_id = 0


class Task:
    """A scheduled coroutine. Await it to get its result."""

    def __init__(self, coro, name=None):
        global _task_id
        self.coro = coro
        _task_id += 1
        self.name = name if name is not None else "Task-%d" % _task_id
        self._done = False
        self._result = None
        self._exc = None
        self._throw = None
        self._val = None
        self._waiting_on = None
        self._seq = 0
        self._queued = False  # has a live entry in the ready list
        self.waiting = []  # tasks awaiting this one, or callables
        self._observed = False

    def __repr__(self):
        return "<Task %s %s>" % (self.name, "done" if self._done else "pending")

    def get_name(self):
        return self.name

    def set_name(self, name):
        self.name = name

    def get_coro(self):
        return self.coro

    def done(self):
        return self._done

    def cancelled(self):
        return self._done and isinstance(self._exc, CancelledError)

    def result(self):
        if not self._done:
            raise InvalidStateError("Result is not set.")
        self._observed = True
        if self._exc is not None:
            raise self._exc
        return self._result

    def exception(self):
        if not self._done:
            raise InvalidStateError("Exception is not set.")
        self._observed = True
        if isinstance(self._exc, CancelledError):
            raise self._exc
        return self._exc

    def add_done_callback(self, fn):
        """Call fn(task) once the task is done (soon, if it already is)."""
        if self._done:
            create_task(_call_soon(fn, self))
        else:
            self.waiting.append(fn)

    def remove_done_callback(self, fn):
        """Remove fn from the done callbacks; return how many were removed."""
        w = self.waiting
        n = len(w)
        self.waiting = [x for x in w if x != fn]
        return n - len(self.waiting)

    def cancel(self, msg=None):
        if self._done:
            return False
        t = self
        # A task awaiting another task forwards the cancellation to it.
        while isinstance(t._waiting_on, Task) and not t._waiting_on._done:
            t = t._waiting_on
        t._throw = CancelledError() if msg is None else CancelledError(msg)
        # A task already due to run keeps its place (so a task cancelled over and
        # over still gets its turn); a parked or sleeping one is due now.
        if t is not cur_task and not (t._queued and t._seq and t._waiting_on is None):
            t._waiting_on = None
            _push(t)
        return True

    def __await__(self):
        if not self._done:
            self._observed = True
            yield from _Park(self).__await__()
        self._observed = True
        if self._exc is not None:
            raise self._exc
        return self._result

    __iter__ = __await__

    def _finish(self, result, exc):
        self._done = True
        _all.discard(self)
        self._result = result
        self._exc = exc
        waiting = self.waiting
        self.waiting = []
        for w in waiting:
            if isinstance(w, Task):
                _wake(w, self)
            else:
                w(self)
        if (
            exc is not None
            and not waiting
            and not self._observed
            and not isinstance(exc, CancelledError)
        ):
            # Reported one round later, unless some task retrieves it meanwhile.
            _ready.append((0, self))

    def _report(self):
        if not self._observed:
            self._observed = True
            _loop.call_exception_handler(
                {
                    "message": "Task exception wasn't retrieved",
                    "future": self,
                    "exception": self._exc,
                }
            )


async def _call_soon(fn, arg):
    fn(arg)


async def _await_sleep(s):
    return await s


def create_task(coro, name=None):
    """Schedule coroutine coro to run soon; return its Task."""
    if isinstance(coro, _Sleep):
        # asyncio.sleep() is a coroutine in CPython, so it may become a task.
        coro = _await_sleep(coro)
    elif not hasattr(coro, "send"):
        raise TypeError("a coroutine was expected, got %r" % (coro,))
    t = Task(coro, name)
    _all.add(t)
    _push(t)
    return t


def current_task():
    """The Task running now (RuntimeError outside a running loop)."""
    if cur_task is None:
        raise RuntimeError("no running event loop")
    return cur_task


def _step(t):
    # Run task t until it next yields or finishes.
    global cur_task
    t._waiting_on = None
    cur_task = t
    try:
        exc = t._throw
        if exc is not None:
            t._throw = None
            r = t.coro.throw(exc)
        else:
            v = t._val
            t._val = None
            r = t.coro.send(v)
    except StopIteration as e:
        cur_task = None
        t._finish(e.value, None)
        return
    except (KeyboardInterrupt, SystemExit) as e:
        cur_task = None
        t._observed = True
        t._finish(None, e)
        raise
    except BaseException as e:
        cur_task = None
        t._finish(None, e)
        return
    cur_task = None
    if t._throw is not None:
        # Cancelled itself while running: deliver at once.
        t._waiting_on = None
        _push(t)
    elif r is _PARK:
        pass
    elif r is None:
        _push(t)
    else:
        _await_host(t, r)


def _run(until=None):
    # Run scheduled tasks until `until` (a Task) is done, stop() is called,
    # or (until is None) there is no more work. Like CPython, each round runs
    # the batch of tasks that were ready when it started.
    global _stop, _ready
    _stop = False
    while True:
        if until is not None and until._done:
            return
        if _stop:
            _stop = False
            return
        heap = _heap
        if heap:
            now = _now()
            while heap and heap[0][0] <= now:
                e = heappop(heap)
                _ready.append((e[1], e[2]))
        if _io:
            _io_poll(0)
        if _flagged:
            for t, flag in _flagged[:]:
                _wake(t, flag)
            del _flagged[:]
        if _ready:
            batch = _ready
            _ready = []
            for seq, t in batch:
                if seq == 0:
                    t._report()
                elif t._seq == seq and not t._done:
                    t._seq = 0
                    t._queued = False
                    _step(t)
            continue
        while heap and heap[0][2]._seq != heap[0][1]:
            heappop(heap)  # stale timer (its task was woken another way)
        if heap:
            d = heap[0][0] - _now()
            if d > 0:
                if _io:
                    _io_poll(1 if _polling else d)
                else:
                    _sleep_ms(1 if _polling else d)
        elif _io:
            _io_poll(1 if _polling else -1)
        elif _polling:
            _sleep_ms(1)
        elif until is None:
            return
        else:
            raise RuntimeError("asyncio: deadlock, no task can run")


class Loop:
    """The event loop (a singleton: state lives in this module)."""

    def create_task(self, coro):
        return create_task(coro)

    def run_forever(self):
        # Returns when stop() is called or when no task is left to run.
        _run()

    def run_until_complete(self, aw):
        t = aw if isinstance(aw, Task) else create_task(aw)
        t._observed = True
        _run(t)
        if t._exc is not None:
            raise t._exc
        return t._result

    def stop(self):
        global _stop
        _stop = True

    def close(self):
        pass

    def is_running(self):
        return cur_task is not None

    def set_exception_handler(self, handler):
        global _exc_handler
        _exc_handler = handler

    def get_exception_handler(self):
        return _exc_handler

    def default_exception_handler(self, context):
        err = sys.stderr
        print(context["message"], file=err)
        f = context.get("future")
        if f is not None:
            print("future:", f, "coro=", f.coro, file=err)
        e = context.get("exception")
        if e is not None:
            sys.print_exception(e, err)

    def call_exception_handler(self, context):
        h = _exc_handler
        if h is None:
            self.default_exception_handler(context)
        else:
            h(self, context)


_loop = Loop()


def get_event_loop(*args):
    """The event loop."""
    return _loop


def new_event_loop():
    """Reset the scheduler (drops all tasks) and return the event loop."""
    global _heap, _ready, _polling, _stop, _all, _io
    _heap = []
    _io = []
    del _flagged[:]
    _ready = []
    _all = set()
    _polling = 0
    _stop = False
    return _loop


def _cancel_all():
    # Cancel every pending task and let them finish (asyncio.run cleanup).
    for t in list(_all):
        t._observed = True
        t.cancel()
    _run()


def run(coro):
    """Run coroutine coro as a task until it completes; return its result."""
    try:
        return _loop.run_until_complete(create_task(coro))
    finally:
        _cancel_all()
