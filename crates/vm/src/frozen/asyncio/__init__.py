# asyncio: cooperative multitasking (MicroPython's asyncio API).
#
# Limitation: the event loop is a plain function, so a task cannot await a
# host object the loop does not understand (for example a JavaScript promise
# proxy); such an await raises RuntimeError in the task (see core._await_host).

from asyncio.core import (
    CancelledError,
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
from asyncio.lock import Lock
from asyncio.funcs import gather, wait_for, wait_for_ms
