//! ferropy-remote and `ferropy remote` against a real `ferropy board`: every operation over the
//! board's pty and over a TCP socket (a small bridge in front of the pty), raw-paste flow control
//! with a large program, and fault injection (dropped and delayed bytes, a disconnect mid-put)
//! proving that a failed transfer is reported and never leaves a half-written file under the real
//! name on the board's flash.

use std::io::{Read, Write};
use std::net::{TcpListener, TcpStream};
use std::path::Path;
use std::process::{Command, Stdio};
use std::sync::{Arc, Mutex};
use std::time::Duration;

use ferropy_remote::native::{SerialPort, TcpTransport};
use ferropy_remote::{block_on, Error, PutOutcome, RawRepl, Transport};

mod common;
use common::Board;

fn start_board(name: &str) -> Board {
    common::start_board_in("ferropy-remote", name)
}

/// A TCP bridge in front of the board's pty: one persistent pty reader forwards the board's
/// output to whichever client is connected; each client's input goes to the pty.
fn start_bridge(pty: &str) -> String {
    let listener = TcpListener::bind("127.0.0.1:0").expect("bind");
    let addr = listener.local_addr().expect("addr");
    let port = std::fs::OpenOptions::new()
        .read(true)
        .write(true)
        .open(pty)
        .expect("open pty");
    let current: Arc<Mutex<Option<TcpStream>>> = Arc::default();
    let (mut from_board, cur) = (port.try_clone().expect("clone"), current.clone());
    std::thread::spawn(move || {
        let mut buf = [0u8; 4096];
        while let Ok(n) = from_board.read(&mut buf) {
            if n == 0 {
                break;
            }
            if let Some(s) = cur.lock().expect("lock").as_mut() {
                let _ = s.write_all(&buf[..n]);
            }
        }
    });
    std::thread::spawn(move || {
        for client in listener.incoming() {
            let Ok(mut client) = client else { continue };
            let _ = client.set_nodelay(true);
            *current.lock().expect("lock") = client.try_clone().ok();
            let mut to_board = port.try_clone().expect("clone");
            let mut buf = [0u8; 4096];
            while let Ok(n) = client.read(&mut buf) {
                if n == 0 || to_board.write_all(&buf[..n]).is_err() {
                    break;
                }
            }
            *current.lock().expect("lock") = None;
        }
    });
    format!("socket://{}", addr)
}

fn serial(b: &Board) -> RawRepl<SerialPort> {
    let mut r = RawRepl::new(SerialPort::open(&b.pty, 115_200).expect("open pty"));
    r.timeout_ms = 5000;
    r
}

/// Every library operation, checked against the board's flash directory.
fn exercise<T: Transport>(repl: &mut RawRepl<T>, dir: &Path) {
    block_on(repl.enter_raw_repl(true)).expect("raw repl");
    let out = block_on(repl.exec(b"print('hi')\nx = 6 * 7")).expect("exec");
    assert_eq!(out.stdout, b"hi\r\n");
    assert!(out.stderr.is_empty());
    assert_eq!(block_on(repl.eval("x")).expect("eval"), "42");
    assert_eq!(block_on(repl.eval("'a\\nb'")).expect("eval"), "'a\\nb'");
    let out = block_on(repl.exec(b"print('before')\n1/0")).expect("exec");
    assert_eq!(out.stdout, b"before\r\n");
    let err = String::from_utf8_lossy(&out.stderr);
    assert!(err.contains("ZeroDivisionError"), "{}", err);
    // Soft reset forgets the state.
    block_on(repl.soft_reset()).expect("soft reset");
    let out = block_on(repl.exec(b"print(x)")).expect("exec");
    assert!(String::from_utf8_lossy(&out.stderr).contains("NameError"));
    // Files: binary put and get, through several chunks.
    let data: Vec<u8> = (0..5000u32).map(|i| (i * 7 + i / 256) as u8).collect();
    let put = block_on(repl.write_file("data.bin", &data, true)).expect("put");
    assert_eq!(put, PutOutcome::Written);
    assert_eq!(std::fs::read(dir.join("data.bin")).expect("flash"), data);
    let again = block_on(repl.write_file("data.bin", &data, true)).expect("put");
    assert_eq!(again, PutOutcome::Unchanged);
    assert_eq!(block_on(repl.read_file("data.bin")).expect("get"), data);
    assert_eq!(
        block_on(repl.hash("data.bin")).expect("hash"),
        Some(ferropy_remote::codec::sha256(&data))
    );
    let empty = block_on(repl.write_file("empty.txt", b"", false)).expect("put");
    assert_eq!(empty, PutOutcome::Written);
    assert_eq!(block_on(repl.read_file("empty.txt")).expect("get"), b"");
    block_on(repl.mkdir("sub")).expect("mkdir");
    assert!(dir.join("sub").is_dir());
    block_on(repl.write_file("sub/é x.py", b"print(1)\n", false)).expect("put");
    assert_eq!(
        std::fs::read(dir.join("sub/é x.py")).expect("flash"),
        b"print(1)\n"
    );
    let ls = block_on(repl.ls("")).expect("ls");
    let names: Vec<(&str, u64, bool)> = ls
        .iter()
        .map(|e| (e.name.as_str(), e.size, e.is_dir))
        .collect();
    assert_eq!(
        names,
        vec![
            ("data.bin", 5000, false),
            ("empty.txt", 0, false),
            ("sub", 0, true)
        ]
    );
    let ls = block_on(repl.ls("/sub")).expect("ls");
    assert_eq!(ls.len(), 1);
    assert_eq!(ls[0].name, "é x.py");
    let st = block_on(repl.stat("sub")).expect("stat");
    assert!(st.is_dir());
    assert_eq!(block_on(repl.stat("data.bin")).expect("stat").size, 5000);
    // Errors carry the board's errno.
    let missing = |r: Result<_, Error>| matches!(r, Err(Error::Os { errno: 2, .. }));
    assert!(missing(block_on(repl.stat("nope")).map(drop)));
    assert!(missing(block_on(repl.read_file("nope")).map(drop)));
    assert!(missing(block_on(repl.rm("nope"))));
    assert!(missing(block_on(repl.hash("nope")).map(drop)));
    assert!(matches!(
        block_on(repl.mkdir("sub")),
        Err(Error::Os { errno: 17, .. })
    ));
    assert!(block_on(repl.rmdir("sub")).is_err(), "non-empty rmdir");
    block_on(repl.rm("sub/é x.py")).expect("rm");
    block_on(repl.rmdir("sub")).expect("rmdir");
    assert!(!dir.join("sub").exists());
    block_on(repl.exit_raw_repl()).expect("exit");
}

#[test]
fn every_operation_over_the_pty() {
    let b = start_board("pty");
    exercise(&mut serial(&b), &b.dir);
}

#[test]
fn every_operation_over_a_socket() {
    let b = start_board("sock");
    let url = start_bridge(&b.pty);
    let mut r = RawRepl::new(TcpTransport::connect(&url).expect("connect"));
    r.timeout_ms = 5000;
    exercise(&mut r, &b.dir);
    // A second connection through the same bridge.
    drop(r);
    let mut r = RawRepl::new(TcpTransport::connect(&url).expect("connect"));
    assert_eq!(block_on(r.eval("1 + 1")).expect("eval"), "2");
}

#[test]
fn raw_paste_flow_control_with_a_large_program() {
    let b = start_board("paste");
    let mut r = serial(&b);
    let mut code = String::new();
    for i in 0..800 {
        code.push_str(&format!("v{} = {}  # padding padding padding\n", i, i));
    }
    code.push_str("print(sum([v0, v1, v799]))\n");
    assert!(code.len() > 30_000);
    let out = block_on(r.exec(code.as_bytes())).expect("exec");
    assert_eq!(
        out.stdout,
        b"800\r\n",
        "{:?}",
        String::from_utf8_lossy(&out.stderr)
    );
    assert_eq!(r.raw_paste_supported(), Some(true));
    assert_eq!(r.last_window, Some(128));
}

/// A transport wrapper that damages the link: drops every Nth byte written or read (from some
/// point on), delays writes, or disconnects after a number of bytes written.
struct Faulty<T> {
    inner: T,
    written: usize,
    read: usize,
    /// Drop every Nth written byte once `written` passes `start`.
    drop_write: Option<(usize, usize)>,
    /// Drop every Nth read byte once `read` passes `start`.
    drop_read: Option<(usize, usize)>,
    delay: Duration,
    disconnect_after: Option<usize>,
}

impl<T> Faulty<T> {
    fn new(inner: T) -> Self {
        Faulty {
            inner,
            written: 0,
            read: 0,
            drop_write: None,
            drop_read: None,
            delay: Duration::ZERO,
            disconnect_after: None,
        }
    }
}

impl<T: Transport> Transport for Faulty<T> {
    async fn read(&mut self, buf: &mut [u8], timeout_ms: u32) -> Result<usize, Error> {
        if self.disconnect_after.is_some_and(|n| self.written >= n) {
            return Err(Error::Disconnected);
        }
        let n = self.inner.read(buf, timeout_ms).await?;
        let Some((start, every)) = self.drop_read else {
            self.read += n;
            return Ok(n);
        };
        let mut kept = 0;
        for i in 0..n {
            self.read += 1;
            if self.read > start && self.read.is_multiple_of(every) {
                continue;
            }
            buf[kept] = buf[i];
            kept += 1;
        }
        Ok(kept)
    }
    async fn write(&mut self, data: &[u8]) -> Result<(), Error> {
        if !self.delay.is_zero() {
            std::thread::sleep(self.delay);
        }
        let mut out = Vec::with_capacity(data.len());
        for &b in data {
            if self.disconnect_after.is_some_and(|n| self.written >= n) {
                self.inner.write(&out).await?;
                return Err(Error::Disconnected);
            }
            self.written += 1;
            if let Some((start, every)) = self.drop_write {
                if self.written > start && self.written.is_multiple_of(every) {
                    continue;
                }
            }
            out.push(b);
        }
        self.inner.write(&out).await
    }
    async fn flush(&mut self) -> Result<(), Error> {
        self.inner.flush().await
    }
}

fn faulty(b: &Board) -> RawRepl<Faulty<SerialPort>> {
    let mut r = RawRepl::new(Faulty::new(
        SerialPort::open(&b.pty, 115_200).expect("open pty"),
    ));
    r.timeout_ms = 1000;
    r
}

/// The flash holds `old` (or nothing) under `name`, and no other visible file appeared.
fn flash_untouched(b: &Board, name: &str, old: Option<&[u8]>) {
    let real = b.dir.join(name);
    match old {
        Some(o) => assert_eq!(std::fs::read(&real).expect("old file kept"), o),
        None => assert!(!real.exists(), "half-written {} left on the flash", name),
    }
}

fn payload(n: usize, seed: u8) -> Vec<u8> {
    (0..n).map(|i| (i as u8).wrapping_mul(31) ^ seed).collect()
}

#[test]
fn delayed_bytes_still_transfer() {
    let b = start_board("delay");
    let mut r = faulty(&b);
    r.transport().delay = Duration::from_millis(2);
    let data = payload(4000, 1);
    block_on(r.write_file("slow.bin", &data, false)).expect("put");
    assert_eq!(std::fs::read(b.dir.join("slow.bin")).expect("flash"), data);
    assert_eq!(block_on(r.read_file("slow.bin")).expect("get"), data);
}

#[test]
fn dropped_bytes_fail_a_put_without_touching_the_file() {
    let b = start_board("dropw");
    let old = payload(3000, 2);
    for (name, prior) in [("new.bin", None), ("old.bin", Some(old.as_slice()))] {
        let mut r = faulty(&b);
        if let Some(p) = prior {
            block_on(r.write_file(name, p, false)).expect("first put");
        }
        // Drop bytes once the transfer is under way.
        let start = r.transport().written + 1500;
        r.transport().drop_write = Some((start, 997));
        let res = block_on(r.write_file(name, &payload(6000, 3), false));
        assert!(res.is_err(), "a damaged put reported success");
        flash_untouched(&b, name, prior);
    }
    // The board is usable afterwards and a clean put works.
    let mut r = serial(&b);
    block_on(r.enter_raw_repl(false)).expect("raw repl");
    block_on(r.write_file("new.bin", b"ok", false)).expect("put");
    flash_untouched(&b, "new.bin", Some(b"ok"));
}

#[test]
fn dropped_bytes_from_the_board_fail_a_get() {
    let b = start_board("dropr");
    std::fs::write(b.dir.join("f.bin"), payload(5000, 4)).expect("write");
    let mut r = faulty(&b);
    block_on(r.enter_raw_repl(false)).expect("raw repl");
    let start = r.transport().read + 2500;
    r.transport().drop_read = Some((start, 1009));
    let res = block_on(r.read_file("f.bin"));
    assert!(res.is_err(), "a damaged get reported success");
}

#[test]
fn a_disconnect_mid_put_leaves_no_half_written_file() {
    let b = start_board("unplug");
    let old = payload(2000, 5);
    for (name, prior) in [("fresh.bin", None), ("kept.bin", Some(old.as_slice()))] {
        for cut in [300usize, 2500, 5000] {
            let mut r = faulty(&b);
            block_on(r.enter_raw_repl(false)).expect("raw repl");
            if let Some(p) = prior {
                block_on(r.write_file(name, p, false)).expect("first put");
            }
            r.transport().disconnect_after = Some(r.transport().written + cut);
            let res = block_on(r.write_file(name, &payload(8000, 6), false));
            assert_eq!(res, Err(Error::Disconnected), "cut at {}", cut);
            drop(r);
            flash_untouched(&b, name, prior);
        }
    }
    // Reconnect: the board recovers, and a complete put replaces the file.
    let mut r = serial(&b);
    block_on(r.enter_raw_repl(false)).expect("raw repl");
    let data = payload(8000, 6);
    block_on(r.write_file("fresh.bin", &data, false)).expect("put");
    flash_untouched(&b, "fresh.bin", Some(&data));
    let names: Vec<String> = block_on(r.ls(""))
        .expect("ls")
        .into_iter()
        .map(|e| e.name)
        .collect();
    assert!(names.contains(&"fresh.bin".to_string()), "{:?}", names);
}

/// Run `ferropy remote PORT ARGS`; returns (success, stdout, stderr).
fn cli(port: &str, args: &[&str], stdin: &[u8]) -> (bool, String, String) {
    let mut child = Command::new(env!("CARGO_BIN_EXE_ferropy"))
        .args(["remote", "--timeout", "5", port])
        .args(args)
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .expect("run ferropy remote");
    if let Some(mut i) = child.stdin.take() {
        let _ = i.write_all(stdin);
    }
    let out = child.wait_with_output().expect("output");
    (
        out.status.success(),
        String::from_utf8_lossy(&out.stdout).replace("\r\n", "\n"),
        String::from_utf8_lossy(&out.stderr).into_owned(),
    )
}

fn ok(port: &str, args: &[&str]) -> String {
    let (good, out, err) = cli(port, args, b"");
    assert!(good, "ferropy remote {:?} failed: {}{}", args, out, err);
    out
}

fn cli_commands(port: &str, b: &Board, tag: &str) {
    assert_eq!(ok(port, &["exec", "print(1+1)"]), "2\n");
    assert_eq!(ok(port, &["eval", "2**10"]), "1024\n");
    let (good, _, err) = cli(port, &["exec", "1/0"], b"");
    assert!(!good && err.contains("ZeroDivisionError"), "{}", err);
    let host =
        std::env::temp_dir().join(format!("ferropy-remote-cli-{}-{}", tag, std::process::id()));
    let _ = std::fs::remove_dir_all(&host);
    std::fs::create_dir_all(&host).expect("dir");
    let script = host.join("s.py");
    std::fs::write(&script, "for i in range(3):\n    print('line', i)\n").expect("write");
    assert_eq!(
        ok(port, &["run", script.to_str().expect("p")]),
        "line 0\nline 1\nline 2\n"
    );
    let data = payload(3000, 7);
    let src = host.join("up.bin");
    std::fs::write(&src, &data).expect("write");
    ok(port, &["put", src.to_str().expect("p"), ":up.bin"]);
    assert_eq!(std::fs::read(b.dir.join("up.bin")).expect("flash"), data);
    assert_eq!(
        ok(port, &["put", src.to_str().expect("p"), ":up.bin"]),
        "unchanged: up.bin\n"
    );
    let back = host.join("back.bin");
    ok(port, &["get", ":up.bin", back.to_str().expect("p")]);
    assert_eq!(std::fs::read(&back).expect("back"), data);
    std::fs::write(b.dir.join("t.txt"), "hello\nworld\n").expect("write");
    assert_eq!(ok(port, &["cat", ":t.txt"]), "hello\nworld\n");
    ok(port, &["mkdir", ":d"]);
    assert!(b.dir.join("d").is_dir());
    let ls = ok(port, &["ls"]);
    assert!(ls.contains("        3000 up.bin\n"), "{}", ls);
    assert!(ls.contains("           0 d/\n"), "{}", ls);
    assert!(ok(port, &["stat", ":d"]).starts_with("dir 0 "));
    assert_eq!(
        ok(port, &["hash", ":up.bin"]).trim(),
        ferropy_remote::codec::hex(&ferropy_remote::codec::sha256(&data))
    );
    ok(port, &["rmdir", ":d"]);
    ok(port, &["rm", ":up.bin"]);
    assert!(!b.dir.join("d").exists() && !b.dir.join("up.bin").exists());
    let (good, _, err) = cli(port, &["rm", ":up.bin"], b"");
    assert!(!good && err.contains("ENOENT"), "{}", err);
    // State survives between commands until a soft reset.
    ok(port, &["exec", "keep = 5"]);
    assert_eq!(ok(port, &["eval", "keep"]), "5\n");
    ok(port, &["soft-reset"]);
    let (good, _, err) = cli(port, &["eval", "keep"], b"");
    assert!(!good && err.contains("NameError"), "{}", err);
    // The terminal pass-through, driven through stdin; Ctrl-] ends it.
    let (good, out, err) = cli(port, &["repl"], b"\x036*7\r\x1d");
    assert!(good, "{}", err);
    assert!(out.contains("42\n>>> "), "{:?}", out);
    let _ = std::fs::remove_dir_all(&host);
}

#[test]
fn cli_commands_over_the_pty() {
    let b = start_board("clipty");
    cli_commands(&b.pty.clone(), &b, "pty");
}

#[test]
fn cli_commands_over_a_socket() {
    let b = start_board("clisock");
    let url = start_bridge(&b.pty);
    cli_commands(&url, &b, "sock");
}

#[test]
fn cli_reports_bad_ports_and_commands() {
    let (good, _, err) = cli("/nonexistent/tty", &["ls"], b"");
    assert!(!good && err.contains("cannot open"), "{}", err);
    let b = start_board("clibad");
    let (good, _, err) = cli(&b.pty.clone(), &["frobnicate"], b"");
    assert!(!good && err.contains("unknown command"), "{}", err);
}
