# A server in a thread and a client in the main thread, both with blocking sockets: a blocked
# accept/recv in one thread must let the other run (MicroPython's unix port releases its GIL
# around blocking calls; ferropy's green threads wait for the socket in the scheduler).
import _thread
import socket
import time

srv = socket.socket(socket.AF_INET, socket.SOCK_STREAM)
srv.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
srv.bind(("127.0.0.1", 0))
srv.listen(2)
port = srv.getsockname()[1]
log = []
done = _thread.allocate_lock()
done.acquire()


def serve(n):
    for i in range(n):
        conn, _ = srv.accept()
        data = conn.recv(100)
        log.append(("server got", i, data))
        conn.send(data.upper())
        conn.close()
    # A timed wait that expires while the main thread keeps running.
    u = socket.socket(socket.AF_INET, socket.SOCK_DGRAM)
    u.bind(("127.0.0.1", 0))
    u.settimeout(0.05)
    try:
        u.recvfrom(10)
    except OSError as e:
        log.append(("udp", type(e).__name__))
    u.close()
    done.release()


_thread.start_new_thread(serve, (3,))
for i in range(3):
    c = socket.socket(socket.AF_INET, socket.SOCK_STREAM)
    c.connect(("127.0.0.1", port))
    time.sleep(0.01)
    c.send(b"hello %d" % i)
    print("client got", c.recv(100))
    c.close()
with done:
    pass
srv.close()
for entry in log:
    print(*entry)
