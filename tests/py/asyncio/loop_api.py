import asyncio

async def add(a, b):
    await asyncio.sleep(0.01)
    return a + b

loop = asyncio.new_event_loop()
print(loop.run_until_complete(add(2, 3)))
t = loop.create_task(add(4, 5))
print(loop.run_until_complete(t), t.done())

async def stopper(loop):
    await asyncio.sleep(0.01)
    print("stopping")
    loop.stop()

async def ticker():
    for i in range(2):
        print("tick", i)
        await asyncio.sleep(0)

loop.create_task(ticker())
loop.create_task(stopper(loop))
loop.run_forever()
print("after run_forever")

def handler(loop, context):
    print("handler:", context["message"], type(context["exception"]).__name__)

loop.set_exception_handler(handler)
loop.call_exception_handler({"message": "custom", "exception": OSError(5)})
loop.close()
print("closed")

async def selfcancel():
    asyncio.current_task().cancel()
    print("still running")
    try:
        await asyncio.sleep(0.01)
    except asyncio.CancelledError:
        print("self cancel delivered")
    return "ok"

print(asyncio.run(selfcancel()))

async def leftover():
    try:
        await asyncio.sleep(1)
    finally:
        print("leftover cleaned up")

async def main2():
    asyncio.create_task(leftover())
    await asyncio.sleep(0)
    return "main2 done"

print(asyncio.run(main2()))
