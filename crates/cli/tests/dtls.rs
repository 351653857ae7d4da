//! DTLS 1.2 in the `tls` module (PROTOCOL_DTLS_CLIENT/SERVER) against OpenSSL and against
//! itself: ferropy as client of `openssl s_server -dtls1_2` (several cipher suites), ferropy as
//! server of `openssl s_client -dtls1_2` (with a client certificate the server verifies), two
//! ferropy sockets in one process stepped without blocking (data both ways, close_notify, client
//! certificates, a wrong CA and a wrong host name, lost datagrams, garbage and replayed
//! datagrams), and two blocking ferropy processes where the client must retransmit its hello.
//! The certificates are the test-only ones in tests/py/ssl/ (see its README). The OpenSSL tests
//! print a notice and pass when /usr/bin/openssl is missing.

use std::io::{BufRead, BufReader, Read, Write};
use std::path::{Path, PathBuf};
use std::process::{Child, Command, Stdio};
use std::sync::mpsc;
use std::time::Duration;

const OPENSSL: &str = "/usr/bin/openssl";

fn cert_dir() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("../../tests/py/ssl")
}

fn have_openssl() -> bool {
    if Path::new(OPENSSL).exists() {
        return true;
    }
    println!(
        "notice: {} is missing, skipping the OpenSSL DTLS test",
        OPENSSL
    );
    false
}

/// A UDP port that was free a moment ago.
fn free_port() -> u16 {
    let s = std::net::UdpSocket::bind("127.0.0.1:0").expect("bind");
    s.local_addr().expect("addr").port()
}

/// Shared Python helpers of the in-process tests.
const PRELUDE: &str = r#"
import socket, tls, time
CERT = open("cert.pem", "rb").read()
KEY = open("key.pem", "rb").read()
DER = open("cert.der", "rb").read()
OTHER = open("other_cert.pem", "rb").read()

def udp_pair():
    a = socket.socket(socket.AF_INET, socket.SOCK_DGRAM)
    a.bind(("127.0.0.1", 0))
    b = socket.socket(socket.AF_INET, socket.SOCK_DGRAM)
    b.bind(("127.0.0.1", 0))
    a.connect(b.getsockname())
    b.connect(a.getsockname())
    a.setblocking(False)
    b.setblocking(False)
    return a, b

def contexts(ca=CERT, client_cert=False, server_verify=tls.CERT_NONE):
    s = tls.SSLContext(tls.PROTOCOL_DTLS_SERVER)
    s.load_cert_chain(CERT, KEY)
    if server_verify != tls.CERT_NONE:
        s.verify_mode = server_verify
        s.load_verify_locations(CERT)
    c = tls.SSLContext(tls.PROTOCOL_DTLS_CLIENT)
    c.load_verify_locations(ca)
    if client_cert:
        c.load_cert_chain(CERT, KEY)
    return c, s

def wrap(cctx, sctx, a, b, host="localhost"):
    s = sctx.wrap_socket(b, server_side=True, do_handshake_on_connect=False)
    c = cctx.wrap_socket(a, server_hostname=host, do_handshake_on_connect=False)
    return c, s

def step(name, f, *args):
    try:
        return f(*args)
    except Exception as e:
        print(name, type(e).__name__, e.args)
        return "error"

def run(c, s, msg=b"ping", limit=4000):
    # Step both ends until the server reads the client's first record; when one end fails,
    # read the other until the failure reaches it too.
    sent = None
    for i in range(limit):
        if sent is None:
            sent = step("client", c.write, msg)
        if sent == "error":
            name, other = "server", s
            break
        r = step("server", s.read, 100)
        if r == "error":
            name, other = "client", c
            break
        if r is not None:
            return r
        time.sleep_ms(1)
    else:
        return "timeout"
    for i in range(1000):
        if step(name, other.read, 100) == "error":
            break
        time.sleep_ms(1)
    return "failed"

def read(x, n=100):
    for i in range(4000):
        r = x.read(n)
        if r is not None:
            return r
        time.sleep_ms(1)
    return "timeout"
"#;

/// Run a ferropy program (cwd: the certificate directory); its stdout and stderr.
fn ferropy(code: &str) -> (String, String) {
    let out = Command::new(env!("CARGO_BIN_EXE_ferropy"))
        .args(["-c", code])
        .current_dir(cert_dir())
        .stdin(Stdio::null())
        .output()
        .expect("run ferropy");
    (
        String::from_utf8_lossy(&out.stdout).into_owned(),
        String::from_utf8_lossy(&out.stderr).into_owned(),
    )
}

fn check(code: &str, expected: &str) {
    let (out, err) = ferropy(&format!("{}{}", PRELUDE, code));
    assert_eq!(out, expected, "stderr: {}", err);
}

#[test]
fn ferropy_to_ferropy() {
    check(
        r#"
a, b = udp_pair()
c, s = wrap(*contexts(), a, b)
print(c.cipher(), s.cipher())
print(run(c, s))
print(c.cipher(), s.cipher())
print(s.write(b"pong"), read(c))
print(c.getpeercert(True) == DER, s.getpeercert(True))
# One record per write; a short read leaves the rest of the record for the next.
s.write(b"x" * 3000)
print(len(read(c, 1000)), len(read(c, 5000)))
c.write(b"one")
c.write(b"two")
print(read(s), read(s), s.read(10))
c.close()
print(read(s))
s.close()
try:
    s.read(10)
except OSError as e:
    print("closed", e.errno)
"#,
        "None None\n\
         b'ping'\n\
         ('TLS-ECDHE-ECDSA-WITH-AES-128-GCM-SHA256', 'DTLSv1.2') ('TLS-ECDHE-ECDSA-WITH-AES-128-GCM-SHA256', 'DTLSv1.2')\n\
         4 b'pong'\n\
         True None\n\
         1000 2000\n\
         b'one' b'two' None\n\
         b''\n\
         closed 9\n",
    );
}

#[test]
fn poll_and_verify_callback() {
    check(
        r#"
import select
cctx, sctx = contexts()
seen = []
cctx.verify_callback = lambda cert, depth: seen.append((depth, cert == DER)) or 0
a, b = udp_pair()
c, s = wrap(cctx, sctx, a, b)
p = select.poll()
p.register(c, select.POLLOUT | select.POLLIN)
p.register(s, select.POLLIN)
sent = got = None
t = time.ticks_ms()
while got is None and time.ticks_diff(time.ticks_ms(), t) < 5000:
    for obj, ev in p.poll(1000):
        if obj is c and sent is None:
            sent = c.write(b"hi")
            if sent:
                p.modify(c, select.POLLIN)
        elif obj is s:
            got = s.read(10)
print(sent, got, seen)
s.write(b"back")
print(p.poll(1000) == [(c, select.POLLIN)], c.read(10))
"#,
        "2 b'hi' [(0, True)]\nTrue b'back'\n",
    );
}

#[test]
fn ciphers_and_constants() {
    check(
        r#"
import ssl
print(tls.PROTOCOL_DTLS_CLIENT, tls.PROTOCOL_DTLS_SERVER, ssl.PROTOCOL_DTLS_CLIENT)
c, s = contexts()
print(len(c.get_ciphers()), "TLS-ECDHE-RSA-WITH-CHACHA20-POLY1305-SHA256" in c.get_ciphers())
for name in ["TLS-ECDHE-ECDSA-WITH-AES-256-GCM-SHA384", "TLS-ECDHE-ECDSA-WITH-CHACHA20-POLY1305-SHA256"]:
    c, s = contexts()
    c.set_ciphers([name])
    a, b = udp_pair()
    c, s = wrap(c, s, a, b)
    print(run(c, s), c.cipher()[0] == name)
# No suite in common with an RSA-only client.
c, s = contexts()
c.set_ciphers(["TLS-ECDHE-RSA-WITH-AES-128-GCM-SHA256"])
a, b = udp_pair()
print(run(*wrap(c, s, a, b)))
"#,
        "2 3 2\n\
         6 True\n\
         b'ping' True\n\
         b'ping' True\n\
         server OSError (-28800, 'MBEDTLS_ERR_SSL_HANDSHAKE_FAILURE')\n\
         client OSError (-30592, 'MBEDTLS_ERR_SSL_FATAL_ALERT_MESSAGE')\n\
         failed\n",
    );
}

#[test]
fn verification_failures() {
    check(
        r#"
a, b = udp_pair()
print(run(*wrap(*contexts(ca=OTHER), a, b)))
a, b = udp_pair()
print(run(*wrap(*contexts(), a, b, host="wrong.example")))
"#,
        "client ValueError ('\\nThe certificate is not correctly signed by the trusted CA\\n',)\n\
         server OSError (-30592, 'MBEDTLS_ERR_SSL_FATAL_ALERT_MESSAGE')\n\
         failed\n\
         client ValueError ('\\nThe certificate Common Name (CN) does not match with the expected CN\\n',)\n\
         server OSError (-30592, 'MBEDTLS_ERR_SSL_FATAL_ALERT_MESSAGE')\n\
         failed\n",
    );
}

#[test]
fn client_certificates() {
    check(
        r#"
a, b = udp_pair()
c, s = wrap(*contexts(client_cert=True, server_verify=tls.CERT_REQUIRED), a, b)
print(run(c, s), s.getpeercert(True) == DER)
a, b = udp_pair()
c, s = wrap(*contexts(server_verify=tls.CERT_REQUIRED), a, b)
print(run(c, s))
a, b = udp_pair()
c, s = wrap(*contexts(server_verify=tls.CERT_OPTIONAL), a, b)
print(run(c, s), s.getpeercert(True))
"#,
        "b'ping' True\n\
         server OSError (-29824, 'MBEDTLS_ERR_SSL_NO_CLIENT_CERTIFICATE')\n\
         client OSError (-30592, 'MBEDTLS_ERR_SSL_FATAL_ALERT_MESSAGE')\n\
         failed\n\
         b'ping' None\n",
    );
}

#[test]
fn lost_datagrams_are_retransmitted() {
    check(
        r#"
class Lossy:
    # A stream over a socket that loses the writes whose numbers are in `drop`.
    def __init__(self, sock, drop):
        self.sock, self.drop, self.n = sock, drop, 0
    def write(self, d):
        self.n += 1
        if self.n in self.drop:
            return len(d)
        return self.sock.write(d)
    def readinto(self, buf):
        return self.sock.readinto(buf)

for sdrop, cdrop in (((2,), ()), ((), (3,))):
    # The server loses its first flight, or the client its last one; the timers bring them back.
    a, b = udp_pair()
    cctx, sctx = contexts()
    s = sctx.wrap_socket(Lossy(b, sdrop), server_side=True, do_handshake_on_connect=False)
    c = cctx.wrap_socket(Lossy(a, cdrop), server_hostname="localhost", do_handshake_on_connect=False)
    t = time.ticks_ms()
    print(run(c, s, limit=10000), time.ticks_diff(time.ticks_ms(), t) >= 1000)
    print(s.write(b"pong"), read(c))
"#,
        "b'ping' True\n4 b'pong'\nb'ping' True\n4 b'pong'\n",
    );
}

#[test]
fn garbage_and_replayed_datagrams() {
    check(
        r#"
class Tap:
    # A stream over a socket that keeps what it sends.
    def __init__(self, sock):
        self.sock, self.sent = sock, []
    def write(self, d):
        self.sent.append(bytes(d))
        return self.sock.write(d)
    def readinto(self, buf):
        return self.sock.readinto(buf)
    def fileno(self):
        return self.sock.fileno()

seed = 1
def noise(n):
    global seed
    out = bytearray(n)
    for i in range(n):
        seed = (seed * 1103515245 + 12345) & 0x7FFFFFFF
        out[i] = seed >> 16 & 0xFF
    return bytes(out)

def hdr(ct, epoch, seq, n, version=b"\xfe\xfd"):
    return bytes([ct]) + version + epoch.to_bytes(2, "big") + seq.to_bytes(6, "big") + n.to_bytes(2, "big")

GARBAGE = [
    b"", b"\x16", b"\x16\xfe\xfd" + bytes(10), hdr(22, 0, 1, 1000) + b"short",
    hdr(22, 0, 2, 12) + bytes([1, 0, 0, 5, 0, 0, 0, 0, 9, 0, 0, 9]),
    hdr(22, 0, 3, 22) + bytes([2, 0, 0, 100, 0, 0, 0, 0, 0, 0, 0, 10]) + bytes(10),
    hdr(23, 1, 4, 40) + noise(40), hdr(20, 0, 5, 1) + b"\x01", hdr(21, 0, 6, 3) + b"\x02\x28\x00",
    hdr(22, 0, 7, 5, b"\x03\x03") + bytes(5), hdr(22, 9, 8, 30) + noise(30),
] + [noise(n) for n in (1, 13, 14, 40, 200, 1500)]

a, b = udp_pair()
cctx, sctx = contexts()
tap = Tap(a)
s = sctx.wrap_socket(b, server_side=True, do_handshake_on_connect=False)
c = cctx.wrap_socket(tap, server_hostname="localhost", do_handshake_on_connect=False)
for g in GARBAGE:
    a.write(g)
    b.write(g)
print(run(c, s))
for g in GARBAGE:
    a.write(g)
    b.write(g)
for i in range(30):
    a.write(hdr(23, 1, 1000 + i, 60) + noise(60))
    b.write(hdr(23, 1, 1000 + i, 60) + noise(60))
print(c.write(b"once"), read(s))
a.write(tap.sent[-1])
time.sleep_ms(20)
print(s.read(100), c.read(100))
print(s.write(b"still"), read(c))
"#,
        "b'ping'\n4 b'once'\nNone None\n5 b'still'\n",
    );
}

/// A ferropy DTLS server in its own process: blocking, it takes the client's first datagram
/// (lost to it, as a server's first recvfrom does) and answers the retransmitted hello.
const BLOCKING_SERVER: &str = r#"
import socket, tls, sys
s = socket.socket(socket.AF_INET, socket.SOCK_DGRAM)
s.bind(("127.0.0.1", PORT))
print("ready")
sys.stdout.flush()
data, addr = s.recvfrom(2048)
s.connect(addr)
ctx = tls.SSLContext(tls.PROTOCOL_DTLS_SERVER)
ctx.load_cert_chain(open("cert.pem", "rb").read(), open("key.pem", "rb").read())
if VERIFY:
    ctx.verify_mode = tls.CERT_REQUIRED
    ctx.load_verify_locations(open("cert.pem", "rb").read())
s = ctx.wrap_socket(s, server_side=True)
print(s.cipher()[1], s.getpeercert(True) is not None)
print(s.read(100))
sys.stdout.flush()
s.write(b"hello from ferropy\n")
print(s.read(100))
s.close()
"#;

fn spawn_server(port: u16, verify: bool) -> (Child, mpsc::Receiver<String>) {
    let code = format!(
        "PORT = {}\nVERIFY = {}\n{}",
        port,
        if verify { "True" } else { "False" },
        BLOCKING_SERVER
    );
    let mut child = Command::new(env!("CARGO_BIN_EXE_ferropy"))
        .args(["-c", &code])
        .current_dir(cert_dir())
        .stdin(Stdio::null())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .expect("run ferropy");
    let lines = reader(child.stdout.take().expect("stdout"));
    let err = child.stderr.take().expect("stderr");
    std::thread::spawn(move || {
        let mut e = String::new();
        let _ = BufReader::new(err).read_to_string(&mut e);
        if !e.is_empty() {
            eprintln!("server stderr: {}", e);
        }
    });
    assert_eq!(
        lines.recv_timeout(Duration::from_secs(20)).as_deref(),
        Ok("ready")
    );
    (child, lines)
}

/// The lines of a stream, through a channel (so waits can time out).
fn reader(r: impl Read + Send + 'static) -> mpsc::Receiver<String> {
    let (tx, rx) = mpsc::channel();
    std::thread::spawn(move || {
        for line in BufReader::new(r).lines() {
            let Ok(line) = line else { break };
            if tx.send(line).is_err() {
                break;
            }
        }
    });
    rx
}

/// The next `n` lines (panics after 20 s).
fn lines(rx: &mpsc::Receiver<String>, n: usize) -> Vec<String> {
    (0..n)
        .map(|_| {
            rx.recv_timeout(Duration::from_secs(20))
                .expect("a line in time")
        })
        .collect()
}

#[test]
fn blocking_processes_retransmit() {
    let port = free_port();
    let (mut server, out) = spawn_server(port, false);
    let (cout, cerr) = ferropy(&format!(
        r#"
import socket, tls
s = socket.socket(socket.AF_INET, socket.SOCK_DGRAM)
s.connect(("127.0.0.1", {port}))
ctx = tls.SSLContext(tls.PROTOCOL_DTLS_CLIENT)
ctx.load_verify_locations(open("cert.pem", "rb").read())
s = ctx.wrap_socket(s, server_hostname="localhost")
s.write(b"hello from the client\n")
print(s.read(100))
s.close()
"#
    ));
    assert_eq!(
        cout, "b'hello from ferropy\\n'\n",
        "client stderr: {}",
        cerr
    );
    assert_eq!(
        lines(&out, 3),
        ["DTLSv1.2 False", "b'hello from the client\\n'", "b''"]
    );
    let _ = server.wait();
}

#[test]
fn ferropy_client_openssl_server() {
    if !have_openssl() {
        return;
    }
    // The last case: the server requires a client certificate (an RSA one here).
    for (cert, key, suite, client_cert) in [
        (
            "cert.pem",
            "key.pem",
            "TLS-ECDHE-ECDSA-WITH-AES-128-GCM-SHA256",
            false,
        ),
        (
            "cert.pem",
            "key.pem",
            "TLS-ECDHE-ECDSA-WITH-AES-256-GCM-SHA384",
            false,
        ),
        (
            "rsa_cert.pem",
            "rsa_key.pem",
            "TLS-ECDHE-RSA-WITH-AES-128-GCM-SHA256",
            false,
        ),
        (
            "rsa_cert.pem",
            "rsa_key.pem",
            "TLS-ECDHE-RSA-WITH-CHACHA20-POLY1305-SHA256",
            false,
        ),
        (
            "cert.pem",
            "key.pem",
            "TLS-ECDHE-ECDSA-WITH-CHACHA20-POLY1305-SHA256",
            true,
        ),
    ] {
        let port = free_port();
        let mut cmd = Command::new(OPENSSL);
        cmd.arg("s_server");
        if client_cert {
            cmd.args([
                "-Verify",
                "1",
                "-CAfile",
                "rsa_cert.pem",
                "-verify_return_error",
            ]);
        }
        let mut server = cmd
            .args(["-dtls1_2", "-quiet", "-cert", cert, "-key", key])
            .args(["-accept", &format!("127.0.0.1:{}", port)])
            .current_dir(cert_dir())
            .stdin(Stdio::piped())
            .stdout(Stdio::piped())
            .stderr(Stdio::null())
            .spawn()
            .expect("openssl s_server");
        let mut stdin = server.stdin.take().expect("stdin");
        let _ = stdin.write_all(b"hello from openssl\n");
        let _ = stdin.flush();
        let sout = reader(server.stdout.take().expect("stdout"));
        std::thread::sleep(Duration::from_millis(300));
        let py_cc = if client_cert { "True" } else { "False" };
        let (out, err) = ferropy(&format!(
            r#"
import socket, tls
s = socket.socket(socket.AF_INET, socket.SOCK_DGRAM)
s.connect(("127.0.0.1", {port}))
ctx = tls.SSLContext(tls.PROTOCOL_DTLS_CLIENT)
ctx.load_verify_locations(open({cert:?}, "rb").read())
ctx.set_ciphers([{suite:?}])
if {py_cc}:
    ctx.load_cert_chain(open("rsa_cert.pem", "rb").read(), open("rsa_key.pem", "rb").read())
s = ctx.wrap_socket(s, server_hostname="localhost")
print(s.cipher())
s.write(b"hello from ferropy\n")
print(s.read(100))
s.close()
"#
        ));
        let got = sout.recv_timeout(Duration::from_secs(10));
        let _ = server.kill();
        let _ = server.wait();
        assert_eq!(
            out,
            format!("('{}', 'DTLSv1.2')\nb'hello from openssl\\n'\n", suite),
            "stderr: {}",
            err
        );
        assert_eq!(got.as_deref(), Ok("hello from ferropy"));
    }
}

#[test]
fn openssl_client_ferropy_server() {
    if !have_openssl() {
        return;
    }
    for verify in [false, true] {
        let port = free_port();
        let (mut server, out) = spawn_server(port, verify);
        let mut cmd = Command::new(OPENSSL);
        cmd.args(["s_client", "-dtls1_2", "-quiet", "-no_ign_eof"])
            .args(["-connect", &format!("127.0.0.1:{}", port)])
            .args(["-CAfile", "cert.pem", "-verify_return_error"]);
        if verify {
            cmd.args(["-cert", "cert.pem", "-key", "key.pem"]);
        }
        let mut client = cmd
            .current_dir(cert_dir())
            .stdin(Stdio::piped())
            .stdout(Stdio::piped())
            .stderr(Stdio::null())
            .spawn()
            .expect("openssl s_client");
        let mut stdin = client.stdin.take().expect("stdin");
        let _ = stdin.write_all(b"hello from openssl\n");
        let _ = stdin.flush();
        let cout = reader(client.stdout.take().expect("stdout"));
        let got = cout.recv_timeout(Duration::from_secs(20));
        // End of input: s_client sends close_notify and exits.
        drop(stdin);
        let srv = lines(&out, 3);
        let _ = client.wait();
        let _ = server.wait();
        assert_eq!(got.as_deref(), Ok("hello from ferropy"));
        assert_eq!(
            srv,
            [
                format!("DTLSv1.2 {}", if verify { "True" } else { "False" }),
                "b'hello from openssl\\n'".to_string(),
                "b''".to_string()
            ]
        );
    }
}
