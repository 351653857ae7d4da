//! The differential conformance corpus.
//!
//! Every `tests/py/**/<name>.py` with a sibling `<name>.py.exp` is run on the `ferropy` binary as
//! `ferropy <name>.py` (cwd = the program's directory, stdin closed, 20 s timeout) and its output
//! is compared with the `.exp` file, which holds what CPython 3.11 printed (see
//! `tests/gen_expected.py`). The compared text is the program's stdout; if the exit status is
//! non-zero, one more line `[exit N] <last non-empty line of stderr>` follows.
//!
//! `tests/known_failures.txt` lists tests (paths relative to `tests/py`, `#` comments allowed) that
//! are expected to fail: they are reported as xfail, and as "unexpectedly passing" once they pass.
//!
//! Environment:
//! - `FERROPY_CORPUS=substring` runs only the tests whose path contains `substring`;
//! - `FERROPY_UPDATE_XFAIL=1` rewrites `tests/known_failures.txt` to the currently failing set.

use std::collections::BTreeSet;
use std::fs;
use std::io::{Read, Write};
use std::path::{Path, PathBuf};
use std::process::{Command, ExitStatus, Stdio};
use std::sync::atomic::{AtomicUsize, Ordering};
use std::sync::Mutex;
use std::thread;
use std::time::{Duration, Instant};

/// How long one program may run before it is killed and counted as a failure.
const TIMEOUT: Duration = Duration::from_secs(20);
/// How much of a differing line is shown in a failure report.
const MAX_SHOWN: usize = 200;

/// Prints a report line straight to stderr, past libtest's output capture, so the corpus summary
/// is visible in every `cargo test` run (also when it passes).
macro_rules! say {
    ($($arg:tt)*) => {{
        let mut err = std::io::stderr().lock();
        let _ = writeln!(err, $($arg)*);
    }};
}

fn repo_root() -> PathBuf {
    let root = Path::new(env!("CARGO_MANIFEST_DIR")).join("../..");
    root.canonicalize().unwrap_or(root)
}

fn ferropy() -> &'static str {
    env!("CARGO_BIN_EXE_ferropy")
}

/// All test programs under `dir` (recursively) that have a `.exp` sibling, sorted.
fn collect(dir: &Path, out: &mut Vec<PathBuf>) {
    let Ok(entries) = fs::read_dir(dir) else {
        return;
    };
    for entry in entries.flatten() {
        let path = entry.path();
        let name = entry.file_name();
        let name = name.to_string_lossy();
        if path.is_dir() {
            if name != "__pycache__" {
                collect(&path, out);
            }
        } else if name.ends_with(".py") && !name.starts_with('_') {
            let mut exp = path.clone().into_os_string();
            exp.push(".exp");
            if Path::new(&exp).is_file() {
                out.push(path);
            }
        }
    }
}

/// The relative path of a test, with `/` separators, as used in known_failures.txt.
fn rel_name(root: &Path, path: &Path) -> String {
    let rel = path.strip_prefix(root).unwrap_or(path);
    rel.components()
        .map(|c| c.as_os_str().to_string_lossy().into_owned())
        .collect::<Vec<_>>()
        .join("/")
}

fn read_known_failures(path: &Path) -> BTreeSet<String> {
    let Ok(text) = fs::read_to_string(path) else {
        return BTreeSet::new();
    };
    text.lines()
        .map(|line| line.split('#').next().unwrap_or("").trim())
        .filter(|line| !line.is_empty())
        .map(str::to_owned)
        .collect()
}

/// The transform shared with `tests/gen_expected.py`: stdout, then `[exit N] <last stderr line>`
/// when the exit status is non-zero.
fn transcript(stdout: &[u8], stderr: &[u8], status: Option<ExitStatus>) -> String {
    let mut out = String::from_utf8_lossy(stdout).into_owned();
    let code = match status {
        Some(status) => exit_code(status),
        None => return out,
    };
    if code != 0 {
        let stderr = String::from_utf8_lossy(stderr);
        // Split like Python's str.splitlines(); empty pieces (as from "\r\n") are skipped anyway.
        let last = stderr
            .split(is_line_break)
            .rfind(|l| !l.trim().is_empty())
            .unwrap_or("");
        if !out.is_empty() && !out.ends_with('\n') {
            out.push('\n');
        }
        out.push_str(&format!("[exit {code}] {last}\n"));
    }
    out
}

/// The line boundaries of Python's `str.splitlines()`.
fn is_line_break(c: char) -> bool {
    matches!(
        c,
        '\n' | '\r'
            | '\x0b'
            | '\x0c'
            | '\x1c'
            | '\x1d'
            | '\x1e'
            | '\u{85}'
            | '\u{2028}'
            | '\u{2029}'
    )
}

/// The exit code as Python's `subprocess` reports it: the code, or minus the signal number.
fn exit_code(status: ExitStatus) -> i32 {
    if let Some(code) = status.code() {
        return code;
    }
    #[cfg(unix)]
    {
        use std::os::unix::process::ExitStatusExt;
        if let Some(sig) = status.signal() {
            return -sig;
        }
    }
    -1
}

/// What happened when one program ran.
struct Outcome {
    /// `None` if it passed, else a readable explanation.
    failure: Option<String>,
}

fn spawn_reader<R: Read + Send + 'static>(mut r: R) -> thread::JoinHandle<Vec<u8>> {
    thread::spawn(move || {
        let mut buf = Vec::new();
        let _ = r.read_to_end(&mut buf);
        buf
    })
}

fn run_one(path: &Path) -> Outcome {
    let dir = path.parent().unwrap_or(Path::new("."));
    let file = path.file_name().expect("a test has a file name");
    let mut exp_path = path.to_path_buf().into_os_string();
    exp_path.push(".exp");
    let expected = match fs::read(&exp_path) {
        Ok(bytes) => String::from_utf8_lossy(&bytes).into_owned(),
        Err(e) => {
            return Outcome {
                failure: Some(format!("cannot read expected output: {e}")),
            }
        }
    };
    let mut child = match Command::new(ferropy())
        .arg(file)
        .current_dir(dir)
        .stdin(Stdio::null())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
    {
        Ok(child) => child,
        Err(e) => {
            return Outcome {
                failure: Some(format!("cannot start {}: {e}", ferropy())),
            }
        }
    };
    let out = spawn_reader(child.stdout.take().expect("piped stdout"));
    let err = spawn_reader(child.stderr.take().expect("piped stderr"));
    let start = Instant::now();
    let mut timed_out = false;
    let status = loop {
        match child.try_wait() {
            Ok(Some(status)) => break Some(status),
            Ok(None) if start.elapsed() >= TIMEOUT => {
                let _ = child.kill();
                let _ = child.wait();
                timed_out = true;
                break None;
            }
            Ok(None) => thread::sleep(Duration::from_millis(5)),
            Err(e) => {
                let _ = child.kill();
                return Outcome {
                    failure: Some(format!("waiting for ferropy failed: {e}")),
                };
            }
        }
    };
    let stdout = out.join().unwrap_or_default();
    let stderr = err.join().unwrap_or_default();
    if timed_out {
        return Outcome {
            failure: Some(format!("timed out after {} s", TIMEOUT.as_secs())),
        };
    }
    let got = transcript(&stdout, &stderr, status);
    if got == expected {
        Outcome { failure: None }
    } else {
        Outcome {
            failure: Some(describe_diff(&expected, &got)),
        }
    }
}

fn shorten(s: &str) -> String {
    if s.chars().count() <= MAX_SHOWN {
        format!("{s:?}")
    } else {
        let head: String = s.chars().take(MAX_SHOWN).collect();
        format!("{head:?}...")
    }
}

/// The first differing line of two transcripts, expected vs got.
fn describe_diff(expected: &str, got: &str) -> String {
    let exp: Vec<&str> = expected.split_inclusive('\n').collect();
    let got_lines: Vec<&str> = got.split_inclusive('\n').collect();
    let n = exp.len().max(got_lines.len());
    for i in 0..n {
        let e = exp.get(i).copied();
        let g = got_lines.get(i).copied();
        if e != g {
            let show = |l: Option<&str>| match l {
                Some(l) => shorten(l),
                None => "<end of output>".to_owned(),
            };
            return format!(
                "line {}: expected {}\n{:>width$}got      {}",
                i + 1,
                show(e),
                "",
                show(g),
                width = format!("line {}: ", i + 1).len()
            );
        }
    }
    "outputs differ".to_owned()
}

#[test]
fn corpus() {
    let root = repo_root().join("tests/py");
    let xfail_path = repo_root().join("tests/known_failures.txt");
    let mut tests = Vec::new();
    collect(&root, &mut tests);
    tests.sort();
    let total_found = tests.len();
    let filter = std::env::var("FERROPY_CORPUS").unwrap_or_default();
    if !filter.is_empty() {
        tests.retain(|p| rel_name(&root, p).contains(&filter));
    }
    let update = std::env::var("FERROPY_UPDATE_XFAIL").is_ok_and(|v| !v.is_empty() && v != "0");
    if tests.is_empty() {
        if total_found == 0 {
            say!(
                "corpus: no test programs under {} (nothing to do)",
                root.display()
            );
        } else {
            say!("corpus: no test matches FERROPY_CORPUS={filter:?}");
        }
        say!("corpus: 0 passed, 0 failed, 0 xfail");
        return;
    }

    let known = read_known_failures(&xfail_path);
    let workers = thread::available_parallelism()
        .map(|n| n.get())
        .unwrap_or(2)
        .min(tests.len());
    let next = AtomicUsize::new(0);
    let results: Mutex<Vec<(String, Outcome)>> = Mutex::new(Vec::with_capacity(tests.len()));
    let started = Instant::now();
    thread::scope(|s| {
        for _ in 0..workers {
            s.spawn(|| loop {
                let i = next.fetch_add(1, Ordering::Relaxed);
                let Some(path) = tests.get(i) else { break };
                let outcome = run_one(path);
                let name = rel_name(&root, path);
                results.lock().unwrap().push((name, outcome));
            });
        }
    });
    let mut results = results.into_inner().unwrap();
    results.sort_by(|a, b| a.0.cmp(&b.0));

    let mut passed = 0;
    let mut failed = Vec::new();
    let mut xfail = 0;
    let mut unexpected_pass = Vec::new();
    let mut failing_now = BTreeSet::new();
    for (name, outcome) in &results {
        match (&outcome.failure, known.contains(name)) {
            (None, false) => passed += 1,
            (None, true) => {
                passed += 1;
                unexpected_pass.push(name.clone());
            }
            (Some(_), true) => {
                xfail += 1;
                failing_now.insert(name.clone());
            }
            (Some(why), false) => {
                failed.push((name.clone(), why.clone()));
                failing_now.insert(name.clone());
            }
        }
    }

    for name in &unexpected_pass {
        say!("corpus: {name}: unexpectedly passing, remove it from tests/known_failures.txt");
    }
    for (name, why) in &failed {
        say!("corpus: FAIL {name}\n    {}", why.replace('\n', "\n    "));
    }

    if update {
        // With a filter, tests that did not run keep their entry; without one, the list becomes
        // exactly the failing set.
        let mut new_set: BTreeSet<String> = if filter.is_empty() {
            BTreeSet::new()
        } else {
            known
                .iter()
                .filter(|n| !n.contains(&filter))
                .cloned()
                .collect()
        };
        new_set.extend(failing_now.iter().cloned());
        let mut text = String::from(
            "# Corpus tests (paths relative to tests/py) that are known to fail.\n\
             # Regenerate with: FERROPY_UPDATE_XFAIL=1 cargo test --release -p ferropy --test corpus\n",
        );
        for name in &new_set {
            text.push_str(name);
            text.push('\n');
        }
        fs::write(&xfail_path, text).expect("write tests/known_failures.txt");
        say!(
            "corpus: wrote {} entries to {}",
            new_set.len(),
            xfail_path.display()
        );
    }

    say!(
        "corpus: {} tests in {:.1} s on {} threads",
        results.len(),
        started.elapsed().as_secs_f64(),
        workers
    );
    say!(
        "corpus: {passed} passed, {} failed, {xfail} xfail",
        failed.len()
    );
    if !failed.is_empty() && !update {
        panic!(
            "{} corpus test(s) failed (see above); fix them, or list them in tests/known_failures.txt",
            failed.len()
        );
    }
}

#[test]
fn dash_c_prints() {
    let out = Command::new(ferropy())
        .args(["-c", "print(1)"])
        .stdin(Stdio::null())
        .output()
        .expect("run ferropy");
    assert!(
        out.status.success(),
        "ferropy -c exited with {:?}; stderr: {}",
        out.status,
        String::from_utf8_lossy(&out.stderr)
    );
    assert_eq!(String::from_utf8_lossy(&out.stdout), "1\n");
}
