//! The protocol against a scripted fake board on an in-memory pipe: raw-paste flow control with
//! small windows (the host must never send past its credit), the `R\x00` fallback to plain raw
//! mode, stdout and exception text kept apart, and disconnects.

use std::sync::atomic::{AtomicBool, AtomicUsize, Ordering};
use std::sync::Arc;

use ferropy_remote::codec::{hex, sha256};
use ferropy_remote::native::{pipe, PipeEnd};
use ferropy_remote::{block_on, Error, RawRepl};

/// How the fake board answers `\x05A\x01`.
#[derive(Clone, Copy)]
enum Paste {
    /// `R\x01` with this window.
    Window(u16),
    /// `R\x00` (MicroPython's answer when raw-paste is compiled out), then `>`.
    Refuse,
}

/// What the fake board observed.
#[derive(Default)]
struct Seen {
    overflow: AtomicBool,
    paste_requests: AtomicUsize,
    execs: AtomicUsize,
}

fn send(p: &mut PipeEnd, data: &[u8]) -> bool {
    p.write_blocking(data).is_ok()
}

/// "Run" code: report its length and hash on stdout; code starting with `raise` fails.
fn run(p: &mut PipeEnd, code: &[u8], seen: &Seen) -> bool {
    seen.execs.fetch_add(1, Ordering::SeqCst);
    let out = format!("len={} sha={}\r\n", code.len(), hex(&sha256(code)));
    let err: &[u8] = if code.starts_with(b"raise") {
        b"Traceback (most recent call last):\r\n  File \"<stdin>\", line 1\r\nValueError: boom\r\n"
    } else {
        b""
    };
    send(p, out.as_bytes()) && send(p, b"\x04") && send(p, err) && send(p, b"\x04>")
}

/// The fake board's loop: friendly mode until Ctrl-A, then the raw REPL.
fn fake_board(mut p: PipeEnd, paste: Paste, seen: Arc<Seen>) {
    let mut raw = false;
    let mut line: Vec<u8> = Vec::new();
    // Raw-paste: (window, bytes still allowed, bytes since the last credit).
    let mut pasting: Option<(usize, usize, usize)> = None;
    let mut buf = [0u8; 64];
    loop {
        let n = match p.read_blocking(&mut buf, 5000) {
            Ok(0) => continue,
            Ok(n) => n,
            Err(_) => return,
        };
        for &c in &buf[..n] {
            if let Some((window, allowed, since)) = pasting.as_mut() {
                if c == 4 {
                    pasting = None;
                    let code = std::mem::take(&mut line);
                    if !(send(&mut p, b"\x04") && run(&mut p, &code, &seen)) {
                        return;
                    }
                    continue;
                }
                if *allowed == 0 {
                    seen.overflow.store(true, Ordering::SeqCst);
                } else {
                    *allowed -= 1;
                }
                line.push(c);
                *since += 1;
                if *since == *window {
                    *since = 0;
                    *allowed += *window;
                    if !send(&mut p, b"\x01") {
                        return;
                    }
                }
                continue;
            }
            if !raw {
                if c == 1 {
                    raw = true;
                    line.clear();
                    send(&mut p, b"raw REPL; CTRL-B to exit\r\n>");
                }
                continue;
            }
            match c {
                1 if line == b"\x05A" => {
                    line.clear();
                    seen.paste_requests.fetch_add(1, Ordering::SeqCst);
                    match paste {
                        Paste::Window(w) => {
                            let [a, b] = w.to_le_bytes();
                            send(&mut p, &[b'R', 1, a, b, 1]);
                            pasting = Some((usize::from(w), 2 * usize::from(w), 0));
                        }
                        Paste::Refuse => {
                            send(&mut p, b"R\x00>");
                        }
                    }
                }
                1 => {
                    line.clear();
                    send(&mut p, b"raw REPL; CTRL-B to exit\r\n>");
                }
                2 => {
                    raw = false;
                    send(&mut p, b"\r\n>>> ");
                }
                3 => line.clear(),
                4 if line.is_empty() => {
                    send(
                        &mut p,
                        b"OK\r\nMPY: soft reboot\r\nraw REPL; CTRL-B to exit\r\n>",
                    );
                }
                4 => {
                    let code = std::mem::take(&mut line);
                    if !(send(&mut p, b"OK") && run(&mut p, &code, &seen)) {
                        return;
                    }
                }
                c => line.push(c),
            }
        }
    }
}

fn start(paste: Paste) -> (RawRepl<PipeEnd>, Arc<Seen>, std::thread::JoinHandle<()>) {
    let (host, board) = pipe();
    let seen = Arc::new(Seen::default());
    let s2 = seen.clone();
    let h = std::thread::spawn(move || fake_board(board, paste, s2));
    let mut repl = RawRepl::new(host);
    repl.timeout_ms = 2000;
    (repl, seen, h)
}

fn expected(code: &[u8]) -> Vec<u8> {
    format!("len={} sha={}\r\n", code.len(), hex(&sha256(code))).into_bytes()
}

fn big_code(n: usize) -> Vec<u8> {
    (0..n).map(|i| b'a' + (i % 26) as u8).collect()
}

#[test]
fn raw_paste_respects_small_windows() {
    for window in [1u16, 3, 16, 128] {
        let (mut repl, seen, _h) = start(Paste::Window(window));
        block_on(repl.enter_raw_repl(false)).expect("raw repl");
        for n in [0usize, 1, 5, 1000, 5000] {
            let code = big_code(n);
            let out = block_on(repl.exec(&code)).expect("exec");
            assert_eq!(out.stdout, expected(&code), "window {} n {}", window, n);
            assert!(out.stderr.is_empty());
        }
        assert_eq!(repl.last_window, Some(window));
        assert_eq!(repl.raw_paste_supported(), Some(true));
        assert!(
            !seen.overflow.load(Ordering::SeqCst),
            "host sent past its credit with window {}",
            window
        );
    }
}

#[test]
fn refused_raw_paste_falls_back_to_plain_raw_mode() {
    let (mut repl, seen, _h) = start(Paste::Refuse);
    block_on(repl.enter_raw_repl(false)).expect("raw repl");
    let code = big_code(3000);
    let out = block_on(repl.exec(&code)).expect("exec");
    assert_eq!(out.stdout, expected(&code));
    assert_eq!(repl.raw_paste_supported(), Some(false));
    // Later execs go straight to plain raw mode.
    let out = block_on(repl.exec(b"print(1)")).expect("exec");
    assert_eq!(out.stdout, expected(b"print(1)"));
    assert_eq!(seen.paste_requests.load(Ordering::SeqCst), 1);
    assert_eq!(seen.execs.load(Ordering::SeqCst), 2);
}

#[test]
fn stdout_and_exception_are_kept_apart() {
    for paste in [Paste::Window(32), Paste::Refuse] {
        let (mut repl, _seen, _h) = start(paste);
        let out = block_on(repl.exec(b"raise ValueError('boom')")).expect("exec");
        assert_eq!(out.stdout, expected(b"raise ValueError('boom')"));
        let err = String::from_utf8(out.stderr.clone()).expect("utf8");
        assert!(err.ends_with("ValueError: boom\r\n"), "{:?}", err);
        match out.into_result() {
            Err(Error::Exception(t)) => assert!(t.contains("ValueError")),
            other => panic!("{:?}", other),
        }
        // The connection is still in step afterwards.
        let out = block_on(repl.exec(b"x")).expect("exec");
        assert_eq!(out.stdout, expected(b"x"));
        block_on(repl.soft_reset()).expect("soft reset");
        let out = block_on(repl.exec(b"y")).expect("exec");
        assert_eq!(out.stdout, expected(b"y"));
    }
}

#[test]
fn a_vanished_board_is_an_error_not_a_hang() {
    let (host, board) = pipe();
    drop(board);
    let mut repl = RawRepl::new(host);
    repl.timeout_ms = 500;
    assert_eq!(block_on(repl.exec(b"1")), Err(Error::Disconnected));
    // A board that never answers times out.
    let (host, _board) = pipe();
    let mut repl = RawRepl::new(host);
    repl.timeout_ms = 200;
    assert!(matches!(
        block_on(repl.enter_raw_repl(false)),
        Err(Error::Timeout(_))
    ));
}
