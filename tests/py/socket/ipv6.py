# IPv6 sockets on the loopback interface: CPython's 4-tuple addresses (host, port, flowinfo,
# scope_id) from getsockname/accept/recvfrom, 2- to 4-item addresses accepted, getaddrinfo
# with AF_INET6, and address errors.
import socket

info = socket.getaddrinfo("::1", 8080, socket.AF_INET6, socket.SOCK_STREAM)
print(len(info), int(info[0][0]) == socket.AF_INET6, info[0][4])
print([int(e[0]) for e in socket.getaddrinfo("127.0.0.1", 80, 0, socket.SOCK_STREAM)])

srv = socket.socket(socket.AF_INET6, socket.SOCK_STREAM)
srv.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
srv.bind(("::1", 0))
srv.listen(1)
a = srv.getsockname()
print(len(a), a[0], a[1] > 0, a[2:])
c = socket.socket(socket.AF_INET6)
c.connect(("::1", a[1], 0, 0))
conn, peer = srv.accept()
print(peer[0], len(peer), peer[1] == c.getsockname()[1])
c.sendall(b"over ipv6")
print(conn.recv(100))
conn.send(b"back")
print(c.recv(100))
conn.close()
c.close()
srv.close()

u = socket.socket(socket.AF_INET6, socket.SOCK_DGRAM)
u.bind(("", 0))
port = u.getsockname()[1]
print(u.getsockname()[0])
v = socket.socket(socket.AF_INET6, socket.SOCK_DGRAM)
v.sendto(b"datagram", ("::1", port))
d, frm = u.recvfrom(100)
print(d, frm[0], len(frm))
for bad in [("::1",), ("::1", 1, 2, 3, 4), "::1"]:
    try:
        u.sendto(b"x", bad)
    except TypeError as e:
        print("TypeError", e)
try:
    u.bind(("127.0.0.1", 0))
except OSError as e:
    print("v4 address on a v6 socket:", isinstance(e, OSError))
u.close()
v.close()
t = socket.socket()
for bad in [("127.0.0.1",), ("127.0.0.1", 1, 2), 5]:
    try:
        t.connect(bad)
    except TypeError as e:
        print("TypeError", e)
t.close()
