# The requests module against a small HTTP server running in a thread of the same program:
# Content-Length, chunked and read-until-close bodies, JSON both ways, form and raw bodies,
# query parameters, basic auth, redirects (relative, absolute, 303 turning POST into GET),
# HEAD, error statuses with raise_for_status, case-insensitive headers, streaming.
# The expected output comes from CPython with the `requests` package (python3-requests) installed.
import _thread
import socket

import requests

srv = socket.socket(socket.AF_INET, socket.SOCK_STREAM)
srv.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
srv.bind(("127.0.0.1", 0))
srv.listen(4)
PORT = srv.getsockname()[1]
BASE = "http://127.0.0.1:%d" % PORT


def read_request(f):
    line = f.readline().decode()
    method, path, _ = line.split(" ", 2)
    headers = {}
    while True:
        h = f.readline().decode().strip()
        if not h:
            break
        k, _, v = h.partition(":")
        headers[k.strip().lower()] = v.strip()
    body = b""
    if "content-length" in headers:
        body = f.read(int(headers["content-length"]))
    elif headers.get("transfer-encoding") == "chunked":
        while True:
            n = int(f.readline().strip(), 16)
            if n == 0:
                f.readline()
                break
            body += f.read(n)
            f.readline()
    return method, path, headers, body


def respond(conn, status, body=b"", headers=(), mode="length"):
    out = "HTTP/1.1 %s\r\n" % status
    for k, v in headers:
        out += "%s: %s\r\n" % (k, v)
    if mode == "length":
        out += "Content-Length: %d\r\n" % len(body)
    elif mode == "chunked":
        out += "Transfer-Encoding: chunked\r\n"
    out += "Connection: close\r\n\r\n"
    data = out.encode()
    if mode == "chunked":
        for i in range(0, len(body), 7):
            piece = body[i : i + 7]
            data += b"%x\r\n%s\r\n" % (len(piece), piece)
        data += b"0\r\n\r\n"
    else:
        data += body
    conn.sendall(data)


def handle(conn):
    f = conn.makefile("rwb") if hasattr(conn, "makefile") else conn
    method, path, headers, body = read_request(f)
    if path == "/hello":
        respond(conn, "200 OK", b"hello world", [("Content-Type", "text/plain")])
    elif path == "/chunked":
        respond(conn, "200 OK", b"line one\nline two\nline three\n", mode="chunked")
    elif path == "/close":
        respond(conn, "200 OK", b"until the end", mode="close")
    elif path == "/echo" or path.startswith("/echo?"):
        import json

        info = {
            "method": method,
            "path": path,
            "body": body.decode(),
            "type": headers.get("content-type"),
            "auth": headers.get("authorization"),
            "x": headers.get("x-test"),
        }
        respond(conn, "200 OK", json.dumps(info).encode(), [("Content-Type", "application/json")])
    elif path == "/redirect":
        respond(conn, "302 Found", b"", [("Location", "/hello")])
    elif path == "/redirect-abs":
        respond(conn, "301 Moved Permanently", b"", [("Location", BASE + "/chunked")])
    elif path == "/see-other":
        respond(conn, "303 See Other", b"", [("Location", "echo")])
    elif path == "/missing":
        respond(conn, "404 Not Found", b"no such page")
    elif path == "/broken":
        respond(conn, "500 Internal Server Error", b"oops")
    else:
        respond(conn, "400 Bad Request")
    if f is not conn:
        f.close()
    conn.close()


def serve(n):
    for _ in range(n):
        conn, _ = srv.accept()
        handle(conn)


_thread.start_new_thread(serve, (20,))

r = requests.get(BASE + "/hello")
print(r.status_code, r.reason, r.text, r.headers["content-type"], r.headers.get("CONTENT-LENGTH"))
print(r.ok, repr(r.content), r.url == BASE + "/hello")

r = requests.get(BASE + "/chunked")
print(r.status_code, r.text.splitlines())

r = requests.get(BASE + "/close")
print(r.content)

r = requests.post(BASE + "/echo", json={"a": [1, 2], "b": None})
print(sorted(r.json().items()))

r = requests.post(BASE + "/echo", data={"name": "x y", "n": 5})
print(r.json()["body"], r.json()["type"])

r = requests.put(BASE + "/echo", data=b"raw bytes", headers={"X-Test": "yes"})
print(r.json()["method"], r.json()["body"], r.json()["x"])

r = requests.get(BASE + "/echo", params={"q": "a&b", "page": 2}, auth=("user", "pa:ss"))
print(r.json()["path"], r.json()["auth"])

r = requests.get(BASE + "/redirect")
print(r.status_code, r.text, r.url.endswith("/hello"), [h.status_code for h in r.history])

r = requests.get(BASE + "/redirect-abs")
print(r.status_code, r.text.split())

r = requests.post(BASE + "/see-other", data=b"dropped")
print(r.json()["method"], repr(r.json()["body"]))

r = requests.head(BASE + "/hello")
print(r.status_code, r.content, r.headers["Content-Length"])

r = requests.get(BASE + "/missing")
print(r.status_code, r.reason, r.ok, r.text)
try:
    r.raise_for_status()
except OSError as e:
    print(type(e).__name__, str(e).replace(BASE, "BASE"))

r = requests.delete(BASE + "/broken")
try:
    r.raise_for_status()
except OSError as e:
    print(type(e).__name__, str(e).replace(BASE, "BASE"))

r = requests.post(BASE + "/echo", data=(s for s in ["gen", "era", "ted"]))
print(r.json()["body"])

r = requests.get(BASE + "/chunked", stream=True)
print(list(r.iter_lines()))

with requests.get(BASE + "/hello", stream=True) as r:
    print(b"".join(r.iter_content(4)))

r = requests.patch(BASE + "/echo", data="text body")
print(r.json()["method"], r.json()["body"])

for bad in ["ftp://example/", "no-scheme", "http:///path"]:
    try:
        requests.get(bad)
    except ValueError as e:
        print(type(e).__name__, isinstance(e, OSError), e)
srv.close()
