import asyncio

async def val(x, delay):
    await asyncio.sleep(delay)
    return x

async def fail():
    await asyncio.sleep(0)
    raise KeyError("k")

async def main():
    me = asyncio.current_task()
    print(me in asyncio.all_tasks(), isinstance(me, asyncio.Task))
    t = asyncio.create_task(val(1, 0.01), name="t1")
    print(t in asyncio.all_tasks(), t.done(), t.cancelled())
    try:
        t.result()
    except asyncio.InvalidStateError as e:
        print("InvalidStateError", e)
    try:
        t.exception()
    except asyncio.InvalidStateError as e:
        print("InvalidStateError", e)
    seen = []
    t.add_done_callback(lambda task: seen.append(("cb", task.get_name())))
    def gone(task):
        seen.append("removed")
    t.add_done_callback(gone)
    print(t.remove_done_callback(gone))
    print(await t, t.done(), t.result(), t.exception(), t in asyncio.all_tasks())
    await asyncio.sleep(0)
    print(seen)
    t.add_done_callback(lambda task: seen.append("late"))
    await asyncio.sleep(0)
    print(seen)

    f = asyncio.create_task(fail())
    await asyncio.wait([f])
    print(f.done(), repr(f.exception()), f.cancelled())
    try:
        f.result()
    except KeyError as e:
        print("KeyError", e)

    c = asyncio.create_task(val(2, 1))
    await asyncio.sleep(0)
    print(c.cancel(), c.cancel())
    await asyncio.sleep(0)
    print(c.done(), c.cancelled())
    try:
        c.result()
    except asyncio.CancelledError:
        print("result: CancelledError")
    try:
        c.exception()
    except asyncio.CancelledError:
        print("exception: CancelledError")
    print(c.cancel())

asyncio.run(main())
