//! Resource limits end to end: the heap limit raises MemoryError and leaves the VM usable, deep
//! recursion raises RecursionError (never a crash), and reference cycles are collected.

use std::process::Command;

fn ferropy(args: &[&str]) -> (i32, String, String) {
    let out = Command::new(env!("CARGO_BIN_EXE_ferropy"))
        .args(args)
        .output()
        .expect("run ferropy");
    (
        out.status.code().unwrap_or(-1),
        String::from_utf8_lossy(&out.stdout).into_owned(),
        String::from_utf8_lossy(&out.stderr).into_owned(),
    )
}

#[test]
fn memory_error_at_the_heap_limit_leaves_the_vm_usable() {
    let code = "\
hog = []
try:
    while True:
        hog.append(' ' * 10000)
except MemoryError:
    n = len(hog)
    hog = None
print('recovered', n > 10, sum(range(10)))
";
    let (status, out, err) = ferropy(&["-X", "heapsize=16M", "-c", code]);
    assert_eq!(status, 0, "stderr: {}", err);
    assert_eq!(out, "recovered True 45\n");
}

#[test]
fn deep_recursion_is_a_recursion_error() {
    let code = "\
def f(n):
    return f(n + 1)
try:
    f(0)
except RecursionError as e:
    print('RecursionError', e)
def g(n):
    return 0 if n == 0 else 1 + g(n - 1)
print(g(500))
";
    let (status, out, err) = ferropy(&["-c", code]);
    assert_eq!(status, 0, "stderr: {}", err);
    assert_eq!(
        out,
        "RecursionError maximum recursion depth exceeded\n500\n"
    );
}

#[test]
fn reference_cycles_are_collected() {
    let code = "\
import gc
class Node:
    pass
for i in range(1000):
    a = Node(); b = Node()
    a.other = b; b.other = a
a = b = None
print(gc.collect() >= 2000)
";
    let (status, out, err) = ferropy(&["-c", code]);
    assert_eq!(status, 0, "stderr: {}", err);
    assert_eq!(out, "True\n");
}

#[test]
fn garbage_source_never_crashes() {
    // Truncated and mangled programs must end in a SyntaxError (exit status 1), never a crash.
    let samples = [
        "def f(:\n",
        "x = (1,\n",
        "'''abc",
        "class A(\n  pass",
        "\u{1}\u{2}\u{7f}",
        "if True:\npass",
        "f'{'",
    ];
    for s in samples {
        let (status, _, err) = ferropy(&["-c", s]);
        assert_eq!(status, 1, "for {:?}: {}", s, err);
        assert!(err.contains("Error"), "for {:?}: {}", s, err);
    }
}
