//! The frozen `requests` module over TLS: an https GET and POST against CPython's `http.server`
//! wrapped in CPython's `ssl` (the test certificate in tests/py/ssl/). Plain http is covered by
//! the corpus (tests/py/requests/, a server thread in the same program).

use std::io::{BufRead, BufReader, Read};
use std::path::PathBuf;
use std::process::{Command, Stdio};

const SERVER: &str = r#"
import http.server, ssl
class H(http.server.BaseHTTPRequestHandler):
    def reply(self, body):
        self.send_response(200)
        self.send_header("Content-Type", "text/plain; charset=utf-8")
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        self.wfile.write(body)
    def do_GET(self):
        self.reply(("GET " + self.path + " \u00e9").encode())
    def do_POST(self):
        n = int(self.headers["Content-Length"])
        self.reply(b"POST " + self.rfile.read(n))
    def log_message(self, *a):
        pass
s = http.server.HTTPServer(("127.0.0.1", 0), H)
ctx = ssl.SSLContext(ssl.PROTOCOL_TLS_SERVER)
ctx.load_cert_chain("cert.pem", "key.pem")
s.socket = ctx.wrap_socket(s.socket, server_side=True)
s.timeout = 20
print(s.server_address[1], flush=True)
s.handle_request()
s.handle_request()
"#;

#[test]
fn https_get_and_post() {
    let dir = PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("../../tests/py/ssl");
    let mut py = Command::new("python3")
        .args(["-c", SERVER])
        .current_dir(&dir)
        .stdout(Stdio::piped())
        .spawn()
        .expect("run python3");
    let mut out = BufReader::new(py.stdout.take().expect("stdout"));
    let mut line = String::new();
    out.read_line(&mut line).expect("port line");
    let port: u16 = line.trim().parse().expect("port number");
    let code = format!(
        r#"
import requests
r = requests.get("https://127.0.0.1:{port}/path?x=1")
print(r.status_code, r.text, r.encoding)
r = requests.post("https://127.0.0.1:{port}/", data=b"body")
print(r.status_code, r.text)
"#
    );
    let run = Command::new(env!("CARGO_BIN_EXE_ferropy"))
        .args(["-c", &code])
        .stdin(Stdio::null())
        .output()
        .expect("run ferropy");
    let _ = py.kill();
    let _ = py.wait();
    let mut rest = String::new();
    let _ = out.read_to_string(&mut rest);
    assert_eq!(
        String::from_utf8_lossy(&run.stdout),
        "200 GET /path?x=1 \u{e9} utf-8\n200 POST body\n",
        "stderr: {}",
        String::from_utf8_lossy(&run.stderr)
    );
}
