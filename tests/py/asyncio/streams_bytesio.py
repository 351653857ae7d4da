# expect: handwritten
# MicroPython's asyncio.StreamReader/StreamWriter wrap any stream object
# (here io.BytesIO and a stream with MicroPython's ioctl readiness protocol);
# CPython's StreamReader has no such constructor, so there is no CPython run.
import asyncio
import io
import time


class Pipe:
    # A stream that becomes readable only after `delay_ms` (ioctl(3, events)
    # is MicroPython's MP_STREAM_POLL readiness query, used by select.poll).
    def __init__(self, data, delay_ms):
        self.buf = io.BytesIO(data)
        self.t0 = time.ticks_ms()
        self.delay = delay_ms
        self.polls = 0

    def ioctl(self, req, events):
        if req != 3:
            return -1
        self.polls += 1
        if time.ticks_diff(time.ticks_ms(), self.t0) >= self.delay:
            return events & 1
        return 0

    def read(self, n=-1):
        return self.buf.read(n)

    def readline(self):
        return self.buf.readline()

    def close(self):
        print("pipe closed")  # called by close(), wait_closed(), aclose() and async with


async def ticker(log):
    for i in range(3):
        log.append(i)
        await asyncio.sleep(0.005)


async def main():
    r = asyncio.StreamReader(io.BytesIO(b"line one\nline two\nrest"))
    print(await r.readline())
    print(await r.readline())
    print(await r.readline())
    print(await r.readline())

    r = asyncio.StreamReader(io.BytesIO(b"0123456789"), {"peername": "mem"})
    print(r.get_extra_info("peername"))
    print(await r.read(3))
    print(await r.readexactly(4))
    buf = bytearray(2)
    print(await r.readinto(buf), buf)
    print(await r.read())
    try:
        await r.readexactly(1)
    except EOFError:
        print("EOFError")
    print(asyncio.StreamReader is asyncio.StreamWriter is asyncio.Stream)

    out = io.BytesIO()
    w = asyncio.StreamWriter(out)
    w.write(b"hello ")
    w.write(b"world")
    await w.drain()
    print(out.getvalue())

    # a stream that is not ready yet: the reading task waits in the loop's
    # IO wait while other tasks run
    p = Pipe(b"ready\n", 150)
    log = []
    t = asyncio.create_task(ticker(log))
    r = asyncio.StreamReader(p)
    line = await r.readline()
    print(line, log, p.polls > 1)
    await t
    async with asyncio.StreamReader(p) as r2:
        print(await r2.read())
    await asyncio.StreamReader(Pipe(b"", 0)).aclose()
    w = asyncio.StreamWriter(Pipe(b"", 0))
    w.close()
    await w.wait_closed()

    # the IO wait can be cancelled
    p = Pipe(b"never", 100000)
    t = asyncio.create_task(asyncio.StreamReader(p).read(5))
    await asyncio.sleep(0.01)
    t.cancel()
    try:
        await t
    except asyncio.CancelledError:
        print("read cancelled")
    try:
        await asyncio.wait_for(asyncio.StreamReader(p).readline(), 0.02)
    except asyncio.TimeoutError:
        print("readline timed out")


asyncio.run(main())
