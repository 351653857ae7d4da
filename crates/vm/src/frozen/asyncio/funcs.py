# asyncio.funcs: gather, wait_for, wait_for_ms, wait, as_completed, shield.

from asyncio import core


async def _await(aw):
    return await aw


def _as_task(aw):
    # Coroutines become tasks directly; any other awaitable (a Future-like object, a JS
    # promise) is awaited by a small coroutine.
    if isinstance(aw, core.Task):
        return aw
    if hasattr(aw, "send"):
        return core.create_task(aw)
    return core.create_task(_await(aw))


class _Gather:
    # Parks the gathering task until every child is done, or until the first
    # failure when return_exceptions is false.
    def __init__(self, tasks, return_exceptions):
        self.tasks = tasks
        self.ret_exc = return_exceptions
        self.left = 0
        self.error = None
        self.task = None

    def _child_done(self, child):
        self.left -= 1
        if child._exc is not None and not self.ret_exc and self.error is None:
            self.error = child._exc
            self._wake()
        elif self.left == 0:
            self._wake()

    def _wake(self):
        t = self.task
        if t is not None and t._waiting_on is self:
            t._waiting_on = None
            core._push(t)

    def __await__(self):
        for c in self.tasks:
            c._observed = True
            if not c._done:
                self.left += 1
                c.waiting.append(self._child_done)
            elif c._exc is not None and not self.ret_exc and self.error is None:
                self.error = c._exc
        if self.left and self.error is None:
            t = core.cur_task
            self.task = t
            t._waiting_on = self
            try:
                yield core._PARK
            except core.CancelledError:
                for c in self.tasks:
                    c.cancel()
                raise
            self.task = None
        if self.error is not None and not self.ret_exc:
            raise self.error
        res = []
        for c in self.tasks:
            if c._exc is not None:
                if not self.ret_exc:
                    raise c._exc
                res.append(c._exc)
            else:
                res.append(c._result)
        return res

    __iter__ = __await__


async def gather(*aws, return_exceptions=False):
    """Run awaitables concurrently; return the list of their results."""
    tasks = [_as_task(a) for a in aws]
    return await _Gather(tasks, return_exceptions)


class _Timeout:
    # Parks the current task until `task` is done or the deadline passes. The
    # parked task waits on this object (not on the Task), so cancelling it is
    # not forwarded: wait_for_ms handles that itself.
    def __init__(self, task, deadline):
        self.task = task
        self.deadline = deadline
        self.waiter = None

    def _done(self, inner):
        if self.waiter is not None:
            core._wake(self.waiter, self)

    def __await__(self):
        t = core.cur_task
        self.waiter = t
        self.task.waiting.append(self._done)
        t._waiting_on = self
        if self.deadline is not None:
            core._push(t, self.deadline)
        try:
            yield core._PARK
        finally:
            self.waiter = None


async def _cancel_and_wait(t):
    # Cancel task t and wait until it has finished, whatever its outcome.
    t.cancel()
    while not t._done:
        await _Timeout(t, None)


async def wait_for_ms(aw, timeout):
    """Await aw; cancel it and raise TimeoutError after timeout milliseconds."""
    t = _as_task(aw)
    if timeout is None:
        return await t
    t._observed = True
    if not t._done:
        try:
            await _Timeout(t, core._now() + timeout)
        except core.CancelledError:
            # wait_for itself was cancelled: cancel the awaited task too, wait for it, and
            # pass the cancellation on (as CPython 3.11 does).
            if not t._done:
                await _cancel_and_wait(t)
            raise
    if not t._done:
        await _cancel_and_wait(t)
        if t.cancelled():
            raise core.TimeoutError
        # The task caught the cancellation and finished anyway.
    return await t


async def wait_for(aw, timeout):
    """Await aw; cancel it and raise TimeoutError after timeout seconds."""
    return await wait_for_ms(aw, None if timeout is None else int(timeout * 1000))


FIRST_COMPLETED = "FIRST_COMPLETED"
FIRST_EXCEPTION = "FIRST_EXCEPTION"
ALL_COMPLETED = "ALL_COMPLETED"


class _Watch:
    # Parks the current task until `cond(child)` says so for a finished child,
    # or until the deadline (None: none). Not a Task, so a cancellation of
    # the parked task is not forwarded to the children.
    def __init__(self, tasks, cond, deadline):
        self.tasks = tasks
        self.cond = cond
        self.deadline = deadline
        self.task = None

    def _child_done(self, child):
        t = self.task
        if t is not None and self.cond(child):
            core._wake(t, self)

    def __await__(self):
        t = core.cur_task
        self.task = t
        cb = self._child_done
        for c in self.tasks:
            c.waiting.append(cb)
        t._waiting_on = self
        if self.deadline is not None:
            core._push(t, self.deadline)
        try:
            yield core._PARK
        finally:
            t._waiting_on = None
            self.task = None
            for c in self.tasks:
                if not c._done:
                    try:
                        c.waiting.remove(cb)
                    except ValueError:
                        pass

    __iter__ = __await__


def _deadline(timeout):
    if timeout is None:
        return None
    return core._now() + int(timeout * 1000)


async def wait(aws, timeout=None, return_when=ALL_COMPLETED):
    """Wait for the tasks in aws; return (done, pending) sets of tasks."""
    if not aws:
        raise ValueError("Set of Tasks/Futures is empty.")
    if return_when not in (FIRST_COMPLETED, FIRST_EXCEPTION, ALL_COMPLETED):
        raise ValueError("Invalid return_when value: {}".format(return_when))
    tasks = set(_as_task(a) for a in aws)
    for c in tasks:
        c._observed = True
    left = [sum(1 for c in tasks if not c._done)]

    def cond(child):
        left[0] -= 1
        if left[0] <= 0 or return_when == FIRST_COMPLETED:
            return True
        return (
            return_when == FIRST_EXCEPTION
            and child._exc is not None
            and not isinstance(child._exc, core.CancelledError)
        )

    ready = left[0] == 0
    if not ready and return_when != ALL_COMPLETED:
        for c in tasks:
            if c._done and (
                return_when == FIRST_COMPLETED
                or (
                    c._exc is not None
                    and not isinstance(c._exc, core.CancelledError)
                )
            ):
                ready = True
                break
    if not ready:
        await _Watch(list(tasks), cond, _deadline(timeout))
    done = set()
    pending = set()
    for c in tasks:
        (done if c._done else pending).add(c)
    return done, pending


def as_completed(aws, timeout=None):
    """Return an iterator of awaitables giving the results of aws in the order
    they finish; one raises TimeoutError once timeout seconds have passed."""
    from asyncio.queues import Queue

    tasks = set(_as_task(a) for a in aws)
    q = Queue()
    deadline = _deadline(timeout)
    todo = [len(tasks)]

    def on_done(child):
        q.put_nowait(child)

    for c in tasks:
        c._observed = True
        c.add_done_callback(on_done)

    async def _wait_for_one():
        if q.empty() and deadline is not None:
            left = deadline - core._now()
            try:
                f = await wait_for_ms(q.get(), left if left > 0 else 0)
            except core.TimeoutError:
                for c in tasks:
                    c.remove_done_callback(on_done)
                raise
        else:
            f = await q.get()
        todo[0] -= 1
        return f.result()

    for _ in range(len(tasks)):
        yield _wait_for_one()


async def shield(aw):
    """Await aw, protecting it from cancellation: cancelling the awaiting
    task raises CancelledError there but leaves aw running."""
    inner = _as_task(aw)
    inner._observed = True
    if not inner._done:
        await _Watch([inner], lambda c: True, None)
    return inner.result()
