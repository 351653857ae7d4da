# asyncio.funcs: gather, wait_for, wait_for_ms.

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
        if self.left:
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
    # Parks the current task until `task` is done or the deadline passes.
    def __init__(self, task, deadline):
        self.task = task
        self.deadline = deadline

    def __await__(self):
        t = core.cur_task
        inner = self.task
        inner.waiting.append(t)
        t._waiting_on = inner
        core._push(t, self.deadline)
        yield core._PARK


async def wait_for_ms(aw, timeout):
    """Await aw; cancel it and raise TimeoutError after timeout milliseconds."""
    t = _as_task(aw)
    if timeout is None:
        return await t
    if not t._done:
        t._observed = True
        await _Timeout(t, core._now() + timeout)
    if not t._done:
        t.cancel()
        try:
            await t
        except core.CancelledError:
            pass
        else:
            # The task caught the cancellation and finished anyway.
            return t._result
        raise core.TimeoutError
    return await t


async def wait_for(aw, timeout):
    """Await aw; cancel it and raise TimeoutError after timeout seconds."""
    return await wait_for_ms(aw, None if timeout is None else int(timeout * 1000))
