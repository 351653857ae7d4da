//! End to end: `ferropy board --pty` driven by rshell and ampy, two board tools MicroPython users
//! bring (installed by scripts/test-deps.sh; each test skips with a message when its tool is
//! missing). rshell moves files through `sys.stdin.buffer`/`sys.stdout.buffer` in raw bytes, so
//! these tests also check that binary data crosses the REPL unchanged in both directions.

use std::process::{Command, Stdio};
use std::time::{Duration, Instant};

mod common;
use common::{have_python_module, Board};

/// Run a command to completion (killed after 60 s); returns (success, stdout + stderr).
fn run(cmd: &mut Command) -> (bool, String) {
    let mut child = cmd
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .expect("start tool");
    let deadline = Instant::now() + Duration::from_secs(60);
    while child.try_wait().ok().flatten().is_none() && Instant::now() < deadline {
        std::thread::sleep(Duration::from_millis(20));
    }
    let _ = child.kill();
    let out = child.wait_with_output().expect("tool output");
    let text = format!(
        "{}{}",
        String::from_utf8_lossy(&out.stdout),
        String::from_utf8_lossy(&out.stderr)
    );
    (out.status.success(), text)
}

/// Every byte value, several times, in an order that is not a simple cycle.
fn binary_payload() -> Vec<u8> {
    let mut x: u32 = 12345;
    (0..3000)
        .map(|i| {
            x = x.wrapping_mul(1103515245).wrapping_add(12345);
            if i < 256 {
                i as u8
            } else {
                (x >> 16) as u8
            }
        })
        .collect()
}

#[test]
fn rshell_copies_text_and_binary_files_both_ways() {
    if !have_python_module("rshell") {
        return;
    }
    let b: Board = common::start_board_in("ferropy-tools", "rshell");
    let host = b.dir.with_extension("host");
    std::fs::create_dir_all(&host).expect("host dir");
    let payload = binary_payload();
    std::fs::write(host.join("data.bin"), &payload).expect("write payload");
    std::fs::write(host.join("hello.py"), "print('hello', 6 * 7)\n").expect("write script");
    let h = host.display();
    let script = format!(
        "cp {h}/data.bin /pyboard/data.bin; cp {h}/hello.py /pyboard/hello.py; \
         mkdir /pyboard/sub; cp {h}/hello.py /pyboard/sub/; ls /pyboard/sub; \
         cp /pyboard/data.bin {h}/back.bin; cat /pyboard/hello.py; rm -r /pyboard/sub; ls /pyboard"
    );
    let (ok, out) = run(Command::new("rshell")
        .args(["--quiet", "--buffer-size", "512", "-p", &b.pty])
        .arg(&script));
    let back = std::fs::read(host.join("back.bin")).unwrap_or_default();
    let on_board = std::fs::read(b.dir.join("data.bin")).unwrap_or_default();
    let _ = std::fs::remove_dir_all(&host);
    assert!(ok, "rshell failed:\n{}", out);
    assert!(
        out.contains("print('hello', 6 * 7)"),
        "cat output:\n{}",
        out
    );
    assert!(!b.dir.join("sub").exists(), "rm -r left sub/:\n{}", out);
    assert!(
        on_board == payload,
        "host -> board changed the bytes:\n{}",
        out
    );
    assert!(back == payload, "board -> host changed the bytes:\n{}", out);
}

#[test]
fn ampy_puts_gets_runs_and_removes() {
    if !have_python_module("ampy") {
        return;
    }
    let b: Board = common::start_board_in("ferropy-tools", "ampy");
    let script = b.dir.with_extension("py");
    std::fs::write(&script, "import os\nprint('files', sorted(os.listdir()))\n").expect("script");
    let ampy = |args: &[&str]| run(Command::new("ampy").args(["-p", &b.pty]).args(args));
    let s = script.to_string_lossy().into_owned();
    let steps: Vec<(Vec<&str>, &str)> = vec![
        (vec!["put", &s, "main.py"], ""),
        (vec!["mkdir", "lib"], ""),
        (vec!["put", &s, "lib/util.py"], ""),
        (vec!["ls", "-r"], "/lib/util.py"),
        (
            vec!["get", "main.py"],
            "print('files', sorted(os.listdir()))",
        ),
        (vec!["run", &s], "files ['lib', 'main.py']"),
        (vec!["rm", "lib/util.py"], ""),
        (vec!["rmdir", "lib"], ""),
        (vec!["ls"], "/main.py"),
    ];
    for (args, want) in steps {
        let (ok, out) = ampy(&args);
        assert!(
            ok && out.contains(want),
            "ampy {:?}: want {:?}, got:\n{}",
            args,
            want,
            out
        );
    }
    let _ = std::fs::remove_file(&script);
    assert!(!b.dir.join("lib").exists());
}
