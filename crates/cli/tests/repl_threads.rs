//! The terminal REPL on a pseudo-terminal: `_thread` threads started at the prompt keep
//! running while the REPL waits for the next line.

use std::fs::File;
use std::io::{Read, Write};
use std::os::fd::{FromRawFd, OwnedFd};
use std::process::{Command, Stdio};
use std::time::{Duration, Instant};

/// A pseudo-terminal pair: (master, slave).
fn openpty() -> (File, OwnedFd) {
    let (mut master, mut slave) = (-1, -1);
    // SAFETY: openpty writes two new file descriptors into the given integers; the name,
    // termios and winsize pointers may be null.
    let r = unsafe {
        libc::openpty(
            &mut master,
            &mut slave,
            std::ptr::null_mut(),
            std::ptr::null(),
            std::ptr::null(),
        )
    };
    assert_eq!(r, 0, "openpty failed");
    // SAFETY: both descriptors are new and owned by nobody else.
    unsafe { (File::from_raw_fd(master), OwnedFd::from_raw_fd(slave)) }
}

/// Read what the REPL prints until `want` appears (or a deadline passes).
fn read_until(master: &mut File, out: &mut String, want: &str, secs: u64) -> bool {
    let end = Instant::now() + Duration::from_secs(secs);
    let mut buf = [0u8; 4096];
    while Instant::now() < end {
        if out.contains(want) {
            return true;
        }
        let mut pfd = libc::pollfd {
            fd: std::os::fd::AsRawFd::as_raw_fd(master),
            events: libc::POLLIN,
            revents: 0,
        };
        // SAFETY: one valid pollfd.
        let n = unsafe { libc::poll(&mut pfd, 1, 100) };
        if n > 0 {
            match master.read(&mut buf) {
                Ok(0) | Err(_) => break,
                Ok(k) => out.push_str(&String::from_utf8_lossy(&buf[..k])),
            }
        }
    }
    out.contains(want)
}

#[test]
fn threads_run_while_the_prompt_waits() {
    let (mut master, slave) = openpty();
    let mut child = Command::new(env!("CARGO_BIN_EXE_ferropy"))
        .stdin(Stdio::from(slave.try_clone().expect("dup")))
        .stdout(Stdio::from(slave.try_clone().expect("dup")))
        .stderr(Stdio::from(slave))
        .spawn()
        .expect("start ferropy");
    let mut out = String::new();
    assert!(read_until(&mut master, &mut out, ">>> ", 20), "{}", out);
    let lines = [
        "import _thread, time\r",
        "n = [0]\r",
        "def work():\r",
        "while n[0] < 3:\r",
        "n[0] += 1; print('tick', n[0]); time.sleep_ms(20)\r",
        "\r\r\r",
        "_thread.start_new_thread(work, ())\r",
    ];
    for l in lines {
        master.write_all(l.as_bytes()).expect("write");
        std::thread::sleep(Duration::from_millis(50));
    }
    // Nothing more is typed: the thread must finish on its own at the prompt.
    let ok = read_until(&mut master, &mut out, "tick 3", 20);
    master.write_all(b"\x04").expect("write");
    let _ = child.wait();
    assert!(ok, "the thread did not run at the prompt: {:?}", out);
}
