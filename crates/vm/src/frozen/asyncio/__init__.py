# asyncio: cooperative multitasking (MicroPython's asyncio API).
#
# Limitation: the event loop is a plain function, so a task cannot await a
# host object the loop does not understand (for example a JavaScript promise
# proxy); such an await raises RuntimeError in the task (see core._await_host).

from asyncio.core import (
    CancelledError,
    InvalidStateError,
    TimeoutError,
    Task,
    Loop,
    create_task,
    current_task,
    sleep,
    sleep_ms,
    run,
    get_event_loop,
    new_event_loop,
)
from asyncio.event import Event, ThreadSafeFlag
from asyncio.lock import Lock, Semaphore, BoundedSemaphore
from asyncio.funcs import (
    gather,
    wait_for,
    wait_for_ms,
    wait,
    as_completed,
    shield,
    FIRST_COMPLETED,
    FIRST_EXCEPTION,
    ALL_COMPLETED,
)

# Names from submodules imported on first use (as MicroPython does), so a
# program that needs no queue or stream does not pay for loading them.
_lazy = {
    "Queue": "queues",
    "LifoQueue": "queues",
    "PriorityQueue": "queues",
    "QueueEmpty": "queues",
    "QueueFull": "queues",
    "Stream": "streams",
    "StreamReader": "streams",
    "StreamWriter": "streams",
    "open_connection": "streams",
    "start_server": "streams",
}


def __getattr__(name):
    sub = _lazy.get(name)
    if sub is None:
        raise AttributeError("module 'asyncio' has no attribute '%s'" % name)
    mod = __import__("asyncio." + sub, None, None, [name])
    value = getattr(mod, name)
    globals()[name] = value
    return value


def run_until_complete(main_task=None):
    """Run the loop until main_task (a Task or coroutine) is done; None: until no task is left."""
    if main_task is None:
        return get_event_loop().run_forever()
    return get_event_loop().run_until_complete(main_task)


def all_tasks():
    """The set of tasks not yet finished."""
    from asyncio import core

    return set(core._all)
