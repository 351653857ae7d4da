//! Shared by the integration tests that drive a real `ferropy board --pty`. (Each test crate
//! uses a part of it.)
#![allow(dead_code)]

use std::io::{BufRead, BufReader};
use std::path::{Path, PathBuf};
use std::process::{Child, Command, Stdio};

/// A running `ferropy board --pty` on a fresh flash directory (killed and removed on drop).
pub struct Board {
    pub child: Child,
    pub pty: String,
    pub dir: PathBuf,
}

impl Drop for Board {
    fn drop(&mut self) {
        let _ = self.child.kill();
        let _ = self.child.wait();
        let _ = std::fs::remove_dir_all(&self.dir);
    }
}

/// Start a board whose flash is a new temporary directory named after `prefix` and `name`.
pub fn start_board_in(prefix: &str, name: &str) -> Board {
    let dir = std::env::temp_dir().join(format!("{}-{}-{}", prefix, name, std::process::id()));
    let _ = std::fs::remove_dir_all(&dir);
    std::fs::create_dir_all(&dir).expect("temp dir");
    let mut child = Command::new(env!("CARGO_BIN_EXE_ferropy"))
        .args(["board", "--pty", "--dir"])
        .arg(&dir)
        .stdout(Stdio::piped())
        .stderr(Stdio::inherit())
        .spawn()
        .expect("start ferropy board");
    let mut line = String::new();
    let stdout = child.stdout.take().expect("stdout");
    BufReader::new(stdout)
        .read_line(&mut line)
        .expect("pty path");
    let pty = line.trim().to_string();
    assert!(pty.starts_with("/dev/"), "bad pty path {:?}", pty);
    Board { child, pty, dir }
}

/// True when python3 can import `module` (running scripts/test-deps.sh once to install the board
/// tools if not); otherwise prints why the caller skips.
pub fn have_python_module(module: &str) -> bool {
    let ok = || {
        Command::new("python3")
            .args(["-c", &format!("import {}", module)])
            .stderr(Stdio::null())
            .status()
            .map(|s| s.success())
            .unwrap_or(false)
    };
    if ok() {
        return true;
    }
    let root = Path::new(env!("CARGO_MANIFEST_DIR")).join("../..");
    let _ = Command::new("bash")
        .arg(root.join("scripts/test-deps.sh"))
        .status();
    if ok() {
        return true;
    }
    eprintln!(
        "SKIPPED: the Python module {} is not installed and could not be installed",
        module
    );
    false
}
