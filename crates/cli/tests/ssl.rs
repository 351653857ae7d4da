//! The `ssl`/`tls` modules against another TLS implementation: CPython's `ssl` (OpenSSL) as the
//! peer on 127.0.0.1, ferropy as client (blocking and non-blocking with `select.poll`) and as
//! server, certificates as PEM files, DER bytes and PEM bytes, and the verification failures
//! (wrong CA, wrong host name, no host name). The certificates are the test-only ones in
//! tests/py/ssl/ (see its README). asyncio over TLS is in the corpus (tests/py/ssl/).

use std::io::{BufRead, BufReader, Read};
use std::path::PathBuf;
use std::process::{Child, Command, Stdio};

fn cert_dir() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("../../tests/py/ssl")
}

/// A CPython process running `code` (cwd: the certificate directory); the first line it prints
/// (the port it listens on) is returned with it.
fn python_peer(code: &str) -> (Child, u16) {
    let mut child = Command::new("python3")
        .args(["-c", code])
        .current_dir(cert_dir())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .expect("run python3");
    let mut line = String::new();
    let mut out = BufReader::new(child.stdout.take().expect("stdout"));
    out.read_line(&mut line).expect("port line");
    let port = line.trim().parse().expect("port number");
    // Keep reading its output in the background so it never blocks on a full pipe.
    std::thread::spawn(move || {
        let mut rest = String::new();
        let _ = out.read_to_string(&mut rest);
    });
    (child, port)
}

/// Run a ferropy program (cwd: the certificate directory) with PORT set; its stdout and stderr.
fn ferropy(code: &str, port: u16) -> (String, String) {
    let code = format!("PORT = {}\n{}", port, code);
    let out = Command::new(env!("CARGO_BIN_EXE_ferropy"))
        .args(["-c", &code])
        .current_dir(cert_dir())
        .stdin(Stdio::null())
        .output()
        .expect("run ferropy");
    (
        String::from_utf8_lossy(&out.stdout).into_owned(),
        String::from_utf8_lossy(&out.stderr).into_owned(),
    )
}

/// A CPython TLS echo server: each connection gets back its first line upper-cased, until
/// `n` connections were served (failed handshakes count).
fn echo_server(cert: &str, key: &str, n: usize) -> String {
    format!(
        r#"
import socket, ssl
ctx = ssl.SSLContext(ssl.PROTOCOL_TLS_SERVER)
ctx.load_cert_chain({cert:?}, {key:?})
ls = socket.socket()
ls.bind(("127.0.0.1", 0))
ls.listen(4)
ls.settimeout(20)
print(ls.getsockname()[1], flush=True)
for _ in range({n}):
    c, _ = ls.accept()
    try:
        s = ctx.wrap_socket(c, server_side=True)
        f = s.makefile("rb")
        line = f.readline()
        s.sendall(line.upper())
        s.close()
    except (ssl.SSLError, OSError):
        c.close()
"#
    )
}

#[test]
fn client_verifies_cpython_server() {
    let (mut py, port) = python_peer(&echo_server("cert.pem", "key.pem", 6));
    let (out, err) = ferropy(
        r#"
import socket, ssl
def connect(ctx, host):
    s = socket.socket()
    s.connect(("127.0.0.1", PORT))
    return ctx.wrap_socket(s, server_hostname=host)

# The CA as a file name (PEM).
ctx = ssl.SSLContext(ssl.PROTOCOL_TLS_CLIENT)
ctx.verify_mode = ssl.CERT_REQUIRED
ctx.load_verify_locations(cafile="cert.pem")
s = connect(ctx, "ferropy.local")
s.write(b"hello\n")
print(s.readline())
print(s.getpeercert(True) == open("cert.der", "rb").read())
c = s.cipher()
print(type(c), c[1] in ("TLSv1.2", "TLSv1.3"))
s.close()

# The CA as DER bytes, and the legacy wrap_socket.
s = socket.socket()
s.connect(("127.0.0.1", PORT))
s = ssl.wrap_socket(s, cert_reqs=ssl.CERT_REQUIRED, cadata=open("cert.der", "rb").read(), server_hostname="localhost")
s.write(b"legacy\n")
print(s.read(7))
s.close()

# Wrong host name, wrong CA: ValueError with mbedTLS's text.
try:
    connect(ctx, "wrong.example")
except ValueError as e:
    print("ValueError", repr(str(e).strip()))
ctx2 = ssl.SSLContext(ssl.PROTOCOL_TLS_CLIENT)
ctx2.verify_mode = ssl.CERT_REQUIRED
ctx2.load_verify_locations(cadata=open("other_cert.pem", "rb").read())
try:
    connect(ctx2, "ferropy.local")
except ValueError as e:
    print("ValueError", repr(str(e).strip()))

# CERT_REQUIRED needs a host name to check.
try:
    ctx.wrap_socket(socket.socket(), server_hostname=None)
except ValueError as e:
    print("ValueError", e)

# CERT_NONE: no verification at all (even against the wrong CA).
ctx2.verify_mode = ssl.CERT_NONE
s = connect(ctx2, "anything")
s.write(b"unverified\n")
print(s.read(11))
s.close()

# A non-blocking socket: the handshake runs across poll wake-ups.
import select
raw = socket.socket()
raw.connect(("127.0.0.1", PORT))
raw.setblocking(False)
s = ctx.wrap_socket(raw, server_hostname="ferropy.local", do_handshake_on_connect=False)
p = select.poll()
p.register(s, select.POLLOUT)
msg = b"polled\n"
while msg:
    p.poll(5000)
    n = s.write(msg)
    if n:
        msg = msg[n:]
p.modify(s, select.POLLIN)
got = b""
while not got.endswith(b"\n"):
    p.poll(5000)
    r = s.read(100)
    if r is not None:
        got += r
print(got)
s.close()
"#,
        port,
    );
    let _ = py.kill();
    let _ = py.wait();
    assert_eq!(
        out,
        "b'HELLO\\n'\nTrue\n<class 'tuple'> True\nb'LEGACY\\n'\n\
         ValueError 'The certificate Common Name (CN) does not match with the expected CN'\n\
         ValueError 'The certificate is not correctly signed by the trusted CA'\n\
         ValueError CERT_REQUIRED requires server_hostname\n\
         b'UNVERIFIED\\n'\nb'POLLED\\n'\n",
        "stderr: {}",
        err
    );
}

#[test]
fn server_for_cpython_client() {
    // ferropy serves (RSA key as DER bytes, PKCS#1); CPython connects and verifies it.
    let server = r#"
import socket, ssl
ls = socket.socket()
ls.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
ls.bind(("127.0.0.1", 0))
ls.listen(1)
print(ls.getsockname()[1])
import sys
sys.stdout.flush()
ctx = ssl.SSLContext(ssl.PROTOCOL_TLS_SERVER)
ctx.load_cert_chain(open("rsa_cert.der", "rb").read(), open("rsa_key.der", "rb").read())
c, _ = ls.accept()
s = ctx.wrap_socket(c, server_side=True)
line = s.readline()
print("server got", line)
s.write(b"ferropy says " + line)
s.close()
ls.close()
"#;
    let mut child = Command::new(env!("CARGO_BIN_EXE_ferropy"))
        .args(["-c", server])
        .current_dir(cert_dir())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .expect("run ferropy");
    let mut out = BufReader::new(child.stdout.take().expect("stdout"));
    let mut line = String::new();
    out.read_line(&mut line).expect("port line");
    let port: u16 = line.trim().parse().expect("port");
    let client = format!(
        r#"
import socket, ssl
ctx = ssl.SSLContext(ssl.PROTOCOL_TLS_CLIENT)
ctx.load_verify_locations(cafile="rsa_cert.pem")
with socket.create_connection(("127.0.0.1", {port}), timeout=20) as raw:
    with ctx.wrap_socket(raw, server_hostname="ferropy.local") as s:
        s.sendall(b"hi\n")
        data = b""
        while True:
            chunk = s.recv(100)
            if not chunk:
                break
            data += chunk
        print(data)
"#
    );
    let py = Command::new("python3")
        .args(["-c", &client])
        .current_dir(cert_dir())
        .output()
        .expect("run python3");
    let mut rest = String::new();
    out.read_to_string(&mut rest).expect("server output");
    let status = child.wait().expect("wait");
    let mut err = String::new();
    if let Some(mut e) = child.stderr.take() {
        let _ = e.read_to_string(&mut err);
    }
    assert!(status.success(), "ferropy server failed: {}", err);
    assert_eq!(rest, "server got b'hi\\n'\n");
    assert_eq!(
        String::from_utf8_lossy(&py.stdout),
        "b'ferropy says hi\\n'\n",
        "python3 stderr: {}",
        String::from_utf8_lossy(&py.stderr)
    );
}

#[test]
fn client_certificate_required() {
    // A CPython server that requires a client certificate signed by (here: equal to) cert.pem.
    let (mut py, port) = python_peer(
        r#"
import socket, ssl
ctx = ssl.SSLContext(ssl.PROTOCOL_TLS_SERVER)
ctx.load_cert_chain("rsa_cert.pem", "rsa_key.pem")
ctx.verify_mode = ssl.CERT_REQUIRED
ctx.load_verify_locations(cafile="cert.pem")
ls = socket.socket()
ls.bind(("127.0.0.1", 0))
ls.listen(2)
ls.settimeout(20)
print(ls.getsockname()[1], flush=True)
for _ in range(2):
    c, _ = ls.accept()
    try:
        s = ctx.wrap_socket(c, server_side=True)
        line = s.recv(100)
        s.sendall(b"client cert ok: " + line)
        s.close()
    except (ssl.SSLError, OSError):
        c.close()
"#,
    );
    let (out, err) = ferropy(
        r#"
import socket, ssl
def talk(with_cert):
    ctx = ssl.SSLContext(ssl.PROTOCOL_TLS_CLIENT)
    ctx.verify_mode = ssl.CERT_REQUIRED
    ctx.load_verify_locations(cafile="rsa_cert.pem")
    if with_cert:
        ctx.load_cert_chain("cert.pem", "key.pem")
    s = socket.socket()
    s.connect(("127.0.0.1", PORT))
    s = ctx.wrap_socket(s, server_hostname="ferropy.local")
    s.write(b"x")
    try:
        print(s.read(100))
    except OSError as e:
        print("OSError", e.args)
    s.close()
talk(True)
talk(False)
"#,
        port,
    );
    let _ = py.kill();
    let _ = py.wait();
    // Without a certificate, TLS 1.3 completes the client's side of the handshake; the
    // server's alert arrives with the first read.
    assert_eq!(
        out, "b'client cert ok: x'\nOSError (-30592, 'MBEDTLS_ERR_SSL_FATAL_ALERT_MESSAGE')\n",
        "stderr: {}",
        err
    );
}

#[test]
fn bad_key_and_certificate_data() {
    let (out, err) = ferropy(
        r#"
import tls
ctx = tls.SSLContext(tls.PROTOCOL_TLS_SERVER)
for cert, key in ((b"!", b"!"), (None, open("key.der", "rb").read()), (b"!", open("key.pem", "rb").read())):
    try:
        ctx.load_cert_chain(cert, key)
    except (ValueError, TypeError) as e:
        print(type(e).__name__, e)
try:
    ctx.load_verify_locations(b"-----BEGIN CERTIFICATE-----\nnope\n-----END CERTIFICATE-----\n")
except ValueError as e:
    print("ValueError", e)
ctx.load_cert_chain(open("cert.der", "rb").read(), open("key.der", "rb").read())
ctx.load_cert_chain(open("rsa_cert.pem", "rb").read(), open("rsa_key.pem", "rb").read())
print(tls.SSLContext(tls.PROTOCOL_TLS_CLIENT).verify_mode == tls.CERT_REQUIRED)
try:
    ctx.set_ciphers("TLS1-3-AES-128-GCM-SHA256")
except TypeError as e:
    print("TypeError", e)
ctx.set_ciphers(["TLS1-3-AES-128-GCM-SHA256", "TLS_ECDHE_RSA_WITH_AES_128_GCM_SHA256"])
try:
    ctx.set_ciphers(["NOPE"])
except OSError as e:
    print("OSError", e.args)
print(len(ctx.get_ciphers()) > 3)
"#,
        0,
    );
    assert_eq!(
        out,
        "ValueError invalid key\n\
         TypeError can't convert 'NoneType' object to str implicitly\n\
         ValueError invalid cert\n\
         ValueError invalid cert\n\
         True\n\
         TypeError object 'str' isn't a tuple or list\n\
         OSError (-24192, 'MBEDTLS_ERR_SSL_BAD_CONFIG')\n\
         True\n",
        "stderr: {}",
        err
    );
}

#[test]
fn non_blocking_streams_and_poll_redirection() {
    // Two SSL sockets over an in-memory pipe pair whose ends can refuse reads or writes (return
    // None, as a non-blocking socket does): the handshake advances only through read/write
    // calls, and ioctl(MP_STREAM_POLL) asks the pipe about the direction the handshake needs.
    let (out, err) = ferropy(
        r#"
import io, tls

class End(io.IOBase):
    def __init__(self):
        self.peer = None
        self.outbox = []
        self.no_reads = False
        self.no_writes = False
        self.asked = None
    def readinto(self, buf):
        if self.no_reads or not self.peer.outbox:
            return None
        chunk = self.peer.outbox[0]
        n = min(len(buf), len(chunk))
        buf[:n] = chunk[:n]
        if n == len(chunk):
            self.peer.outbox.pop(0)
        else:
            self.peer.outbox[0] = chunk[n:]
        return n
    def write(self, buf):
        if self.no_writes:
            return None
        self.outbox.append(bytes(buf))
        return len(buf)
    def ioctl(self, req, arg):
        if req == 3:
            self.asked = arg
            r = 0
            if arg & 1 and not self.no_reads and self.peer.outbox:
                r |= 1
            if arg & 4 and not self.no_writes:
                r |= 4
            return r
        return 0

def pair():
    a, b = End(), End()
    a.peer, b.peer = b, a
    return a, b

def poll(sock, end, arg):
    end.asked = None
    r = sock.ioctl(3, arg)
    return r, end.asked

sctx = tls.SSLContext(tls.PROTOCOL_TLS_SERVER)
sctx.load_cert_chain(open("cert.der", "rb").read(), open("key.der", "rb").read())
cctx = tls.SSLContext(tls.PROTOCOL_TLS_CLIENT)
cctx.load_verify_locations(open("cert.pem", "rb").read())

a, b = pair()
client = cctx.wrap_socket(a, server_hostname="ferropy.local", do_handshake_on_connect=False)
server = sctx.wrap_socket(b, server_side=True, do_handshake_on_connect=False)

a.no_writes = True
print(client.read(10))          # the hello cannot go out
print(poll(client, a, 1))       # so a read poll waits for writability
a.no_writes = False
print(client.write(b"hi"))      # hello sent; now the handshake waits for the server
print(poll(client, a, 4))       # so a write poll waits for readability
for _ in range(10):
    if a.outbox:
        server.read(10)
    if b.outbox:
        client.read(10)
print(client.write(b"ping"), server.read(4))
client.write(b"abcdef")
print(server.read(2))
b.no_reads = True
print(poll(server, b, 1))       # buffered plaintext: ready without asking the pipe
print(server.read(10))
b.no_reads = False
print(server.write(b"z" * 40000))
got = b""
while len(got) < 40000:
    r = client.read(50000)
    if r is None:
        break
    got += r
print(len(got), got == b"z" * 40000, client.cipher()[1])
client.close()
print(poll(client, a, 1))       # closed: POLLNVAL, the pipe is not asked
try:
    client.read(1)
except OSError as e:
    print("OSError", e.errno)

a, b = pair()
client = cctx.wrap_socket(a, server_hostname="ferropy.local", do_handshake_on_connect=False)
b.write(b"\x99garbage")
try:
    client.read(10)
except OSError as e:
    print("OSError", e.args)
print(poll(client, a, 1))
"#,
        0,
    );
    assert_eq!(
        out,
        "None\n(0, 4)\nNone\n(0, 1)\n4 b'ping'\nb'ab'\n(1, None)\nb'cdef'\n40000\n\
         40000 True TLSv1.3\n(32, None)\nOSError 9\n\
         OSError (-29184, 'MBEDTLS_ERR_SSL_INVALID_RECORD')\n(32, None)\n",
        "stderr: {}",
        err
    );
}

#[test]
fn verify_callback_sees_the_chain() {
    let (mut py, port) = python_peer(&echo_server("cert.pem", "key.pem", 2));
    let (out, err) = ferropy(
        r#"
import socket, tls
der = open("cert.der", "rb").read()
def ok(cert, depth):
    print("callback", depth, bytes(cert) == der)
    return 0
def refuse(cert, depth):
    return 7
for cb in (ok, refuse):
    ctx = tls.SSLContext(tls.PROTOCOL_TLS_CLIENT)
    ctx.load_verify_locations(der)
    ctx.verify_callback = cb
    print(ctx.verify_callback is cb)
    s = socket.socket()
    s.connect(("127.0.0.1", PORT))
    try:
        s = ctx.wrap_socket(s, server_hostname="ferropy.local")
        s.write(b"cb\n")
        print(s.read(3))
        s.close()
    except OSError as e:
        print("OSError", e.errno)
        s.close()
"#,
        port,
    );
    let _ = py.kill();
    let _ = py.wait();
    assert_eq!(
        out, "True\ncallback 0 True\nb'CB\\n'\nTrue\nOSError 7\n",
        "stderr: {}",
        err
    );
}
