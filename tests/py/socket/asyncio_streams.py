# asyncio streams over loopback TCP: start_server with a handler and open_connection, echoing
# lines between a client task and the server in one event loop.
import asyncio


async def handle(reader, writer):
    while True:
        line = await reader.readline()
        if not line:
            break
        writer.write(b"echo: " + line)
        await writer.drain()
    writer.close()
    await writer.wait_closed()


async def main():
    server = await asyncio.start_server(handle, "127.0.0.1", 0)
    port = server.sockets[0].getsockname()[1]
    reader, writer = await asyncio.open_connection("127.0.0.1", port)
    for msg in (b"one\n", b"two\n", b"three\n"):
        writer.write(msg)
        await writer.drain()
        print(await reader.readline())
    writer.close()
    await writer.wait_closed()
    server.close()
    await server.wait_closed()
    print("done")


asyncio.run(main())


async def refused():
    # Port 1 on loopback has no listener: the connection is refused.
    try:
        await asyncio.open_connection("127.0.0.1", 1)
    except OSError as e:
        print("refused", e.errno, isinstance(e, ConnectionRefusedError))


asyncio.run(refused())
