# asyncio streams over IPv6: start_server on ::1 and open_connection to it.
import asyncio


async def handle(reader, writer):
    data = await reader.readline()
    writer.write(b"echo " + data)
    await writer.drain()
    writer.close()
    await writer.wait_closed()


async def main():
    server = await asyncio.start_server(handle, "::1", 0)
    port = server.sockets[0].getsockname()[1] if hasattr(server, "sockets") else None
    print(port is not None)
    reader, writer = await asyncio.open_connection("::1", port)
    writer.write(b"hi over v6\n")
    await writer.drain()
    print(await reader.readline())
    writer.close()
    await writer.wait_closed()
    server.close()
    await server.wait_closed()


asyncio.run(main())
