# Sockets on the loopback interface: a TCP echo between a listening and a connecting socket in
# one process, UDP datagrams, non-blocking errors and timeouts, and select.poll readiness.
import errno
import select
import socket

srv = socket.socket(socket.AF_INET, socket.SOCK_STREAM)
srv.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
srv.bind(("127.0.0.1", 0))
srv.listen(1)
port = srv.getsockname()[1]
print(port > 0, srv.getsockname()[0])

cli = socket.socket(socket.AF_INET, socket.SOCK_STREAM)
cli.connect(("127.0.0.1", port))
conn, addr = srv.accept()
print(addr[0])
cli.sendall(b"hello over tcp")
print(conn.recv(100))
conn.send(b"and back")
print(cli.recv(3), cli.recv(100))

# Nothing to read yet: a non-blocking recv fails with EAGAIN, a timed one with TimeoutError.
conn.setblocking(False)
try:
    conn.recv(10)
except OSError as e:
    print("nonblocking", e.errno == errno.EAGAIN, type(e).__name__)
conn.settimeout(0.05)
try:
    conn.recv(10)
except OSError as e:
    print("timeout", isinstance(e, TimeoutError))

p = select.poll()
p.register(conn, select.POLLIN)
print(p.poll(0))
cli.send(b"x")
r = p.poll(1000)
print(len(r), r[0][1] & select.POLLIN)
print(conn.recv(1))
cli.close()
print(conn.recv(10))
conn.close()
srv.close()

u1 = socket.socket(socket.AF_INET, socket.SOCK_DGRAM)
u1.bind(("127.0.0.1", 0))
u2 = socket.socket(socket.AF_INET, socket.SOCK_DGRAM)
u2.bind(("127.0.0.1", 0))
u2.sendto(b"datagram", u1.getsockname())
data, frm = u1.recvfrom(100)
print(data, frm == u2.getsockname())
u1.close()
u2.close()

ai = socket.getaddrinfo("127.0.0.1", 80, 0, socket.SOCK_STREAM)[0]
print(ai[0] == socket.AF_INET, ai[1] == socket.SOCK_STREAM, ai[-1])
