# asyncio streams over TLS in one process: a server with a certificate, clients that verify it
# (the certificate is self-signed and trusted directly), data both ways, and the verification
# failures (wrong host name, wrong CA) a client sees as ValueError (CPython's
# SSLCertVerificationError is one too).
import asyncio
import ssl


async def handle(reader, writer):
    try:
        data = await reader.readline()
        print("server got", data)
        writer.write(data.upper())
        await writer.drain()
        more = await reader.read(100)
        print("server got", more)
        writer.write(b"bye\n")
        await writer.drain()
    except (OSError, ValueError):
        # A client that rejected our certificate (CPython never calls the handler then).
        pass
    writer.close()
    await writer.wait_closed()


def client_context(ca):
    ctx = ssl.SSLContext(ssl.PROTOCOL_TLS_CLIENT)
    ctx.verify_mode = ssl.CERT_REQUIRED
    ctx.load_verify_locations(cafile=ca)
    return ctx


async def client(port, ctx, host):
    try:
        reader, writer = await asyncio.open_connection(
            "127.0.0.1", port, ssl=ctx, server_hostname=host
        )
        writer.write(b"hello over tls\n")
        await writer.drain()
        print("client got", await reader.readline())
        writer.write(b"x" * 5000)
        await writer.drain()
        print("client got", await reader.readline())
        writer.close()
        await writer.wait_closed()
    except ValueError:
        print("client: certificate verification failed for", host)


async def main():
    for cert, key in (("cert.pem", "key.pem"), ("rsa_cert.pem", "rsa_key.pem")):
        sctx = ssl.SSLContext(ssl.PROTOCOL_TLS_SERVER)
        sctx.load_cert_chain(cert, key)
        srv = await asyncio.start_server(handle, "127.0.0.1", 0, ssl=sctx)
        port = srv.sockets[0].getsockname()[1]
        await client(port, client_context(cert), "ferropy.local")
        await client(port, client_context(cert), "localhost")
        await client(port, client_context(cert), "wrong.example")
        await client(port, client_context("other_cert.pem"), "ferropy.local")
        srv.close()
        await srv.wait_closed()
    print("done")


asyncio.run(main())
