//! `sys.stdin`, `sys.stdout` and `sys.stderr` with real input: text and binary reads share one
//! buffer of unconsumed input (as on MicroPython, where both read the same console), and
//! `.buffer` writes raw bytes. Behaviour without input is in the corpus (tests/py/io/stdio_*.py).

use std::io::Write;
use std::process::{Command, Stdio};

fn run_with_input(code: &str, input: &[u8]) -> (String, String) {
    let mut child = Command::new(env!("CARGO_BIN_EXE_ferropy"))
        .args(["-c", code])
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .expect("run ferropy");
    child
        .stdin
        .take()
        .expect("stdin")
        .write_all(input)
        .expect("write input");
    let out = child.wait_with_output().expect("wait");
    (
        String::from_utf8_lossy(&out.stdout).into_owned(),
        String::from_utf8_lossy(&out.stderr).into_owned(),
    )
}

#[test]
fn text_and_binary_reads_share_the_input() {
    let code = "\
import sys
print(repr(sys.stdin.read(3)))
print(sys.stdin.buffer.read(2))
print(repr(sys.stdin.readline()))
b = bytearray(4)
print(sys.stdin.buffer.readinto(b), b)
print(sys.stdin.readinto(b, 2), b)
for line in sys.stdin:
    print('line', repr(line))
print(repr(sys.stdin.read()), sys.stdin.buffer.read(), repr(sys.stdin.readline()))
";
    let (out, err) = run_with_input(code, "h\u{e9}llo world\n12345678\nx\ny".as_bytes());
    assert_eq!(err, "");
    assert_eq!(
        out,
        "'h\u{e9}l'\nb'lo'\n' world\\n'\n4 bytearray(b'1234')\n2 bytearray(b'5634')\n\
         line '78\\n'\nline 'x\\n'\nline 'y'\n'' b'' ''\n"
    );
}

#[test]
fn binary_reads_take_exact_byte_counts() {
    // rshell's file transfer: read fixed-size chunks of raw bytes until the count is reached.
    let data: Vec<u8> = (0..=255u8).cycle().take(1000).collect();
    let code = "\
import sys
buf = bytearray(300)
total = 0
h = 0
while total < 1000:
    n = sys.stdin.buffer.readinto(buf, min(300, 1000 - total))
    total += n
    for i in range(n):
        h = (h * 31 + buf[i]) % 1000003
print(total, h)
";
    let mut h: u64 = 0;
    for &b in &data {
        h = (h * 31 + b as u64) % 1000003;
    }
    let (out, err) = run_with_input(code, &data);
    assert_eq!(err, "");
    assert_eq!(out, format!("1000 {}\n", h));
}
