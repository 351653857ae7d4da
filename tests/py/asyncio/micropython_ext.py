# expect: handwritten
# MicroPython-only asyncio API (no CPython counterpart): sleep_ms, wait_for_ms,
# ThreadSafeFlag, the unretrieved-exception handler call on task completion, and
# awaiting host thenables (objects with then(on_ok, on_err), like JS promises).
import asyncio


async def nap(ms):
    await asyncio.sleep_ms(ms)


async def ms_main():
    t = asyncio.create_task(nap(5))
    await asyncio.sleep_ms(1)
    await t
    print("sleep_ms ok", t.done())
    try:
        await asyncio.wait_for_ms(nap(500), 10)
    except asyncio.TimeoutError:
        print("wait_for_ms timeout")
    print(await asyncio.wait_for_ms(nap(1), 100))


asyncio.run(ms_main())


async def flag_main():
    flag = asyncio.ThreadSafeFlag()

    async def waiter():
        await flag.wait()
        print("flag waiter woke")

    t = asyncio.create_task(waiter())
    await asyncio.sleep_ms(5)
    print("setting flag")
    flag.set()
    await t
    flag.set()
    await flag.wait()
    print("flag cleared by wait")


asyncio.run(flag_main())


def handler(loop, context):
    print("handler:", context["message"], repr(context["exception"]))


async def bad():
    raise ValueError(1, 2)


async def handler_main():
    asyncio.get_event_loop().set_exception_handler(handler)
    asyncio.create_task(bad())
    await asyncio.sleep_ms(1)
    print("after bad")
    asyncio.get_event_loop().set_exception_handler(None)


asyncio.run(handler_main())


class Thenable:
    # Settles from a task after a short delay, as a host promise would.
    def __init__(self, value, fail=False):
        self.value = value
        self.fail = fail

    def then(self, ok, err):
        async def settle():
            await asyncio.sleep_ms(2)
            if self.fail:
                err(self.value)
            else:
                ok(self.value)

        asyncio.create_task(settle())

    def __await__(self):
        r = yield self
        return r


class Opaque:
    def __await__(self):
        yield 42


async def host_main():
    print("thenable ->", await Thenable("hello"))
    try:
        await Thenable(OSError(7), True)
    except OSError as e:
        print("rejected ->", e)
    try:
        await Opaque()
    except RuntimeError:
        print("opaque -> RuntimeError")


asyncio.run(host_main())
