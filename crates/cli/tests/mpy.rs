//! Importing MicroPython `.mpy` files.
//!
//! `fixtures`: every `tests/mpy/src/<name>.py` was compiled by MicroPython's mpy-cross 1.25 into
//! `tests/mpy/<name>.mpy` (see `scripts/mpy-fixtures.sh`); importing `<name>.mpy` with ferropy
//! (from a directory holding only the `.mpy` files) must print exactly what CPython printed
//! running `<name>.py` (`tests/mpy/src/<name>.py.exp`).
//!
//! `malformed`: every fixture cut at every length fails to load with an exception, and every
//! fixture with any byte changed loads or fails without a panic; the changed versions of a small
//! fixture that still load also run (with a time-slice budget) without a panic.

use std::fs;
use std::path::{Path, PathBuf};
use std::process::{Command, Stdio};

use ferropy_vm::embed::RunState;
use ferropy_vm::port::Port;
use ferropy_vm::{Vm, VmConfig};

fn repo_root() -> PathBuf {
    let root = Path::new(env!("CARGO_MANIFEST_DIR")).join("../..");
    root.canonicalize().unwrap_or(root)
}

fn mpy_files() -> Vec<PathBuf> {
    let dir = repo_root().join("tests/mpy");
    let mut v: Vec<PathBuf> = fs::read_dir(&dir)
        .expect("tests/mpy")
        .flatten()
        .map(|e| e.path())
        .filter(|p| p.extension().is_some_and(|x| x == "mpy"))
        .collect();
    v.sort();
    v
}

#[test]
fn fixtures() {
    let root = repo_root();
    let tmp = std::env::temp_dir().join(format!("ferropy-mpy-{}", std::process::id()));
    let _ = fs::remove_dir_all(&tmp);
    fs::create_dir_all(&tmp).expect("temp dir");
    for f in mpy_files() {
        fs::copy(&f, tmp.join(f.file_name().expect("name"))).expect("copy fixture");
    }
    let mut failures = Vec::new();
    let mut count = 0;
    let mut srcs: Vec<PathBuf> = fs::read_dir(root.join("tests/mpy/src"))
        .expect("tests/mpy/src")
        .flatten()
        .map(|e| e.path())
        .filter(|p| p.extension().is_some_and(|x| x == "py"))
        .collect();
    srcs.sort();
    for src in srcs {
        let name = src.file_stem().and_then(|s| s.to_str()).expect("name");
        let exp_path = src.with_extension("py.exp");
        let Ok(expected) = fs::read_to_string(&exp_path) else {
            failures.push(format!("{}: no .exp (run scripts/mpy-fixtures.sh)", name));
            continue;
        };
        count += 1;
        let out = Command::new(env!("CARGO_BIN_EXE_ferropy"))
            .arg("-c")
            .arg(format!("import {}", name))
            .current_dir(&tmp)
            .stdin(Stdio::null())
            .output()
            .expect("run ferropy");
        let stdout = String::from_utf8_lossy(&out.stdout);
        if stdout != expected || !out.status.success() {
            failures.push(format!(
                "{}: status {:?}\n--- got\n{}\n--- expected\n{}\n--- stderr\n{}",
                name,
                out.status.code(),
                stdout,
                expected,
                String::from_utf8_lossy(&out.stderr)
            ));
        }
    }
    let _ = fs::remove_dir_all(&tmp);
    assert!(count > 0, "no .mpy test programs found");
    assert!(failures.is_empty(), "{}", failures.join("\n\n"));
}

/// A port that keeps output and knows no files.
struct QuietPort;

impl Port for QuietPort {
    fn write_stdout(&mut self, _data: &[u8]) {}
}

fn new_vm() -> Vm {
    Vm::new(VmConfig::default(), Box::new(QuietPort))
}

#[test]
fn malformed() {
    let files = mpy_files();
    assert!(!files.is_empty());
    let mut vm = new_vm();
    for f in &files {
        let data = fs::read(f).expect("read fixture");
        let name = f.display();
        assert!(
            ferropy_vm::mpy::load(&mut vm, &data).is_ok(),
            "{} does not load",
            name
        );
        for len in 0..data.len() {
            assert!(
                ferropy_vm::mpy::load(&mut vm, &data[..len]).is_err(),
                "{} cut at {} loads",
                name,
                len
            );
        }
        let run = f.file_stem().is_some_and(|s| s == "mpy_helper");
        for pos in 0..data.len() {
            for flip in [0x01u8, 0x02, 0x40, 0x80, 0xff] {
                let mut bad = data.clone();
                bad[pos] ^= flip;
                let r = ferropy_vm::mpy::load(&mut vm, &bad);
                if let (true, Ok(code)) = (run, r) {
                    let mut vm2 = new_vm();
                    vm2.set_slice_budget(2000);
                    let _ = vm2
                        .start_code(code)
                        .map(|s| matches!(s, RunState::Finished(_)));
                }
            }
        }
    }
    // MicroPython's own messages for bad headers and native code.
    for (bytes, msg) in [
        (&b""[..], "incompatible .mpy file"),
        (b"M", "incompatible .mpy file"),
        (b"M\x00\x00\x00", "incompatible .mpy file"),
        (b"M\x06\x00\x40", "incompatible .mpy file"),
        (b"M\x06\x0f\x1f", "native code in .mpy unsupported"),
        (b"M\x06\x0d\x1f", "incompatible .mpy file"),
    ] {
        let Err(e) = ferropy_vm::mpy::load(&mut vm, bytes) else {
            panic!("{:?} loads", bytes);
        };
        let s = vm.str_of(&e.0).expect("str");
        assert_eq!(s.as_str(), msg, "message for {:?}", bytes);
    }
}
