"""HTTP client for scripts: MicroPython's `requests` (micropython-lib's API, also importable as
`urequests`) with the parts of the CPython `requests` package that small programs use.

`requests.get(url, ...)` and friends open one connection per request (HTTP/1.1 with
`Connection: close`), over TLS for https URLs, follow redirects, and return a Response with
`status_code`, `reason`, `headers` (case-insensitive lookup), `url`, `content`, `text`,
`json()`, `iter_content()`, `iter_lines()`, `raise_for_status()` and `close()`. Bodies can be
bytes, str, a dict (form-encoded), a generator (sent with chunked transfer encoding) or
`json=`; responses with Content-Length, chunked encoding or read-until-close are all
understood. `stream=True` leaves the body on the connection (`Response.raw`) to be read
piecewise.
"""

import socket

__all__ = ["request", "head", "get", "post", "put", "patch", "delete", "Response"]

_MAX_REDIRECTS = 30


class RequestException(OSError):
    """Base of the errors this module raises itself."""


class HTTPError(RequestException):
    """`raise_for_status()` on a 4xx or 5xx response."""


class TooManyRedirects(RequestException):
    """More than 30 redirects."""


class InvalidURL(RequestException, ValueError):
    """A URL without a host, or with a bad port."""


class MissingSchema(RequestException, ValueError):
    """A URL without `http://` or `https://`."""


class InvalidSchema(RequestException, ValueError):
    """A URL for another protocol."""


class _Headers(dict):
    """Response headers: a dict keyed by the names as received, looked up case-insensitively."""

    def _key(self, name):
        if dict.__contains__(self, name):
            return name
        low = name.lower()
        for k in self:
            if k.lower() == low:
                return k
        return name

    def __getitem__(self, name):
        return dict.__getitem__(self, self._key(name))

    def __contains__(self, name):
        return dict.__contains__(self, self._key(name))

    def get(self, name, default=None):
        return dict.get(self, self._key(name), default)


def _quote(s):
    """Percent-encode a form or query component (spaces become '+')."""
    if not isinstance(s, (bytes, bytearray)):
        s = str(s).encode()
    out = []
    for b in s:
        c = chr(b)
        if c.isalpha() and b < 128 or c.isdigit() or c in "-._~":
            out.append(c)
        elif c == " ":
            out.append("+")
        else:
            out.append("%%%02X" % b)
    return "".join(out)


def _urlencode(fields):
    items = fields.items() if isinstance(fields, dict) else fields
    parts = []
    for k, v in items:
        if isinstance(v, (list, tuple)):
            for one in v:
                parts.append(_quote(k) + "=" + _quote(one))
        elif v is not None:
            parts.append(_quote(k) + "=" + _quote(v))
    return "&".join(parts)


def _split_url(url):
    """(scheme, host, port, path) of an http or https URL."""
    try:
        scheme, rest = url.split("://", 1)
    except ValueError:
        raise MissingSchema(
            "Invalid URL %r: No scheme supplied. Perhaps you meant https://%s?" % (url, url)
        ) from None
    scheme = scheme.lower()
    if scheme == "http":
        port = 80
    elif scheme == "https":
        port = 443
    else:
        raise InvalidSchema("No connection adapters were found for %r" % url)
    host, sep, path = rest.partition("/")
    path = "/" + path
    if "#" in path:
        path = path[: path.index("#")]
    if "@" in host:
        host = host.rpartition("@")[2]
    if host.startswith("["):
        end = host.find("]")
        if end < 0:
            raise InvalidURL("Invalid URL %r" % url)
        if host[end + 1 : end + 2] == ":":
            port = int(host[end + 2 :])
        host = host[1:end]
    elif ":" in host:
        host, p = host.rsplit(":", 1)
        try:
            port = int(p)
        except ValueError:
            raise InvalidURL("Invalid URL %r: invalid port" % url) from None
    if not host:
        raise InvalidURL("Invalid URL %r: No host supplied" % url)
    return scheme, host, port, path


class _Body:
    """The body of a response as a stream: `read(n)`, `readinto(buf)`, `readline()`; it
    undoes chunked transfer encoding and stops at Content-Length."""

    def __init__(self, sock, length, chunked):
        self._sock = sock
        self._left = length  # bytes left, or None: until the connection closes
        self._chunked = chunked
        self._chunk_left = 0
        self._eof = length == 0
        self._buf = b""

    def _fill(self):
        """More bytes from the connection (b'' at the end of the body)."""
        if self._eof:
            return b""
        if self._chunked:
            if self._chunk_left == 0:
                line = self._sock.readline()
                size = line.split(b";", 1)[0].strip()
                try:
                    self._chunk_left = int(size, 16)
                except ValueError:
                    raise RequestException("invalid chunk size %r" % size) from None
                if self._chunk_left == 0:
                    while self._sock.readline() not in (b"\r\n", b"\n", b""):
                        pass
                    self._eof = True
                    return b""
            data = self._sock.read(min(self._chunk_left, 4096))
            if not data:
                self._eof = True
                return b""
            self._chunk_left -= len(data)
            if self._chunk_left == 0:
                self._sock.readline()
            return data
        want = 4096 if self._left is None else min(self._left, 4096)
        data = self._sock.read(want)
        if not data:
            self._eof = True
            return b""
        if self._left is not None:
            self._left -= len(data)
            if self._left == 0:
                self._eof = True
        return data

    def read(self, n=-1):
        if n is None or n < 0:
            parts = [self._buf]
            self._buf = b""
            while True:
                data = self._fill()
                if not data:
                    break
                parts.append(data)
            return b"".join(parts)
        while len(self._buf) < n:
            data = self._fill()
            if not data:
                break
            self._buf += data
        out, self._buf = self._buf[:n], self._buf[n:]
        return out

    def readinto(self, buf):
        data = self.read(len(buf))
        buf[: len(data)] = data
        return len(data)

    def readline(self):
        while b"\n" not in self._buf:
            data = self._fill()
            if not data:
                break
            self._buf += data
        i = self._buf.find(b"\n") + 1 or len(self._buf)
        out, self._buf = self._buf[:i], self._buf[i:]
        return out

    def close(self):
        if self._sock is not None:
            self._sock.close()
            self._sock = None


class Response:
    """The answer to a request."""

    def __init__(self, raw):
        self.raw = raw
        self.encoding = "utf-8"
        self.status_code = None
        self.reason = ""
        self.headers = _Headers()
        self.url = None
        self.history = []
        self._content = None

    def close(self):
        if self.raw is not None:
            self.raw.close()
            self.raw = None

    def __enter__(self):
        return self

    def __exit__(self, *exc):
        self.close()

    @property
    def ok(self):
        return self.status_code < 400

    @property
    def content(self):
        if self._content is None:
            try:
                self._content = self.raw.read() if self.raw is not None else b""
            finally:
                self.close()
        return self._content

    @property
    def text(self):
        return str(self.content, self.encoding or "utf-8")

    def json(self):
        import json

        return json.loads(self.content)

    def iter_content(self, chunk_size=1):
        if self._content is not None:
            for i in range(0, len(self._content), chunk_size):
                yield self._content[i : i + chunk_size]
            return
        while self.raw is not None:
            data = self.raw.read(chunk_size)
            if not data:
                self.close()
                break
            yield data

    def iter_lines(self, chunk_size=512, delimiter=None):
        pending = b""
        for chunk in self.iter_content(chunk_size):
            pending += chunk
            lines = pending.split(delimiter) if delimiter else pending.splitlines(True)
            pending = lines.pop() if lines else b""
            if not delimiter and pending.endswith((b"\n", b"\r")):
                lines.append(pending)
                pending = b""
            for line in lines:
                yield line if delimiter else line.rstrip(b"\r\n")
        if pending:
            yield pending

    def raise_for_status(self):
        kind = None
        if 400 <= self.status_code < 500:
            kind = "Client"
        elif 500 <= self.status_code < 600:
            kind = "Server"
        if kind:
            raise HTTPError(
                "%d %s Error: %s for url: %s" % (self.status_code, kind, self.reason, self.url)
            )

    def __repr__(self):
        return "<Response [%d]>" % self.status_code


def _join(url, location):
    """The absolute URL of a redirect's Location relative to the URL that gave it."""
    if "://" in location:
        return location
    scheme, rest = url.split("://", 1)
    if location.startswith("//"):
        return scheme + ":" + location
    hostport, _, path = rest.partition("/")
    if location.startswith("/"):
        return scheme + "://" + hostport + location
    path = "/" + path.split("?", 1)[0].split("#", 1)[0]
    return scheme + "://" + hostport + path[: path.rfind("/") + 1] + location


def _send_body(s, data, chunked):
    if data is None:
        return
    if not chunked:
        s.write(data)
        return
    for piece in data:
        if isinstance(piece, str):
            piece = piece.encode()
        if piece:
            s.write(b"%x\r\n" % len(piece))
            s.write(piece)
            s.write(b"\r\n")
    s.write(b"0\r\n\r\n")


def _open(scheme, host, port, timeout):
    ai = socket.getaddrinfo(host, port, 0, socket.SOCK_STREAM)
    if not ai:
        raise OSError("no address for " + host)
    ai = ai[0]
    s = socket.socket(ai[0], ai[1], ai[2])
    try:
        if timeout is not None:
            s.settimeout(timeout)
        s.connect(ai[-1])
        if scheme == "https":
            import ssl

            s = ssl.wrap_socket(s, server_hostname=host)
    except BaseException:
        s.close()
        raise
    return s


def _one(method, url, body, chunked, headers, timeout, stream, parse_headers):
    scheme, host, port, path = _split_url(url)
    s = _open(scheme, host, port, timeout)
    try:
        default_port = 443 if scheme == "https" else 80
        hostname = "[%s]" % host if ":" in host else host
        if port != default_port:
            hostname += ":%d" % port
        lines = ["%s %s HTTP/1.1" % (method, path)]
        names = [k.lower() for k in headers]
        if "host" not in names:
            lines.append("Host: " + hostname)
        if "connection" not in names:
            lines.append("Connection: close")
        for k, v in headers.items():
            lines.append("%s: %s" % (k, v))
        if chunked:
            lines.append("Transfer-Encoding: chunked")
        elif body is not None:
            lines.append("Content-Length: %d" % len(body))
        elif method in ("POST", "PUT", "PATCH"):
            lines.append("Content-Length: 0")
        s.write(("\r\n".join(lines) + "\r\n\r\n").encode())
        _send_body(s, body, chunked)

        status = s.readline()
        while status.startswith(b"HTTP/") and status.split(None, 2)[1:2] == [b"100"]:
            while s.readline() not in (b"\r\n", b"\n", b""):
                pass
            status = s.readline()
        parts = status.split(None, 2)
        if len(parts) < 2 or not parts[0].startswith(b"HTTP/"):
            raise RequestException("invalid HTTP status line %r" % status)
        try:
            code = int(parts[1])
        except ValueError:
            raise RequestException("invalid HTTP status line %r" % status) from None
        resp = Response(None)
        resp.status_code = code
        resp.reason = str(parts[2], "latin-1").rstrip("\r\n") if len(parts) > 2 else ""
        resp.url = url
        length = None
        chunked_resp = False
        location = None
        while True:
            line = s.readline()
            if line in (b"\r\n", b"\n", b""):
                break
            text = str(line, "latin-1").rstrip("\r\n")
            name, _, value = text.partition(":")
            value = value.strip()
            low = name.lower()
            if low == "content-length":
                try:
                    length = int(value)
                except ValueError:
                    raise RequestException("invalid Content-Length %r" % value) from None
            elif low == "transfer-encoding" and "chunked" in value.lower():
                chunked_resp = True
            elif low == "location":
                location = value
            elif low == "content-type" and "charset=" in value.lower():
                resp.encoding = value[value.lower().index("charset=") + 8 :].strip("\"' ;")
            if callable(parse_headers):
                parse_headers(line)
            elif parse_headers:
                if name in resp.headers:
                    resp.headers[name] = resp.headers[name] + ", " + value
                else:
                    resp.headers[name] = value
        if method == "HEAD" or code in (204, 304) or 100 <= code < 200:
            length = 0
            chunked_resp = False
        resp.raw = _Body(s, None if chunked_resp else length, chunked_resp)
        if not stream:
            resp.content
        return resp, location
    except BaseException:
        s.close()
        raise


def request(
    method,
    url,
    data=None,
    json=None,
    headers=None,
    stream=None,
    auth=None,
    timeout=None,
    parse_headers=True,
    params=None,
    allow_redirects=True,
):
    """Send an HTTP request and return its Response."""
    method = method.upper()
    headers = dict(headers or {})
    names = [k.lower() for k in headers]
    if params:
        query = params if isinstance(params, str) else _urlencode(params)
        if query:
            url += ("&" if "?" in url else "?") + query
    if auth is not None:
        import binascii

        user, password = auth
        token = binascii.b2a_base64(("%s:%s" % (user, password)).encode())[:-1]
        headers["Authorization"] = "Basic " + str(token, "ascii")
    chunked = False
    body = data
    if json is not None and data is None:
        import json as _json

        body = _json.dumps(json)
        if "content-type" not in names:
            headers["Content-Type"] = "application/json"
    elif isinstance(data, dict) or isinstance(data, list) and data and isinstance(data[0], tuple):
        body = _urlencode(data)
        if "content-type" not in names:
            headers["Content-Type"] = "application/x-www-form-urlencoded"
    elif data is not None and not isinstance(data, (str, bytes, bytearray, memoryview)):
        chunked = True
    if isinstance(body, str):
        body = body.encode()

    history = []
    while True:
        resp, location = _one(
            method, url, body, chunked, headers, timeout, stream, parse_headers
        )
        code = resp.status_code
        if not (allow_redirects and location and code in (301, 302, 303, 307, 308)):
            break
        if len(history) >= _MAX_REDIRECTS:
            resp.close()
            raise TooManyRedirects("Exceeded %d redirects." % _MAX_REDIRECTS)
        resp.close()
        history.append(resp)
        url = _join(url, location)
        if code == 303 or code in (301, 302) and method == "POST":
            if method != "HEAD":
                method = "GET"
            body = None
            chunked = False
            for k in list(headers):
                if k.lower() in ("content-type", "content-length", "transfer-encoding"):
                    del headers[k]
    resp.history = history
    return resp


def head(url, **kw):
    return request("HEAD", url, **kw)


def get(url, **kw):
    return request("GET", url, **kw)


def post(url, **kw):
    return request("POST", url, **kw)


def put(url, **kw):
    return request("PUT", url, **kw)


def patch(url, **kw):
    return request("PATCH", url, **kw)


def delete(url, **kw):
    return request("DELETE", url, **kw)
