//! Byte-level tests of the REPL engine (`ferropy_vm::repl`): every byte the engine sends for the
//! friendly REPL, paste mode, the raw REPL, raw-paste with its flow control, and soft reset, fed
//! directly through a test port (no terminal, no threads).

use std::cell::RefCell;
use std::collections::BTreeMap;
use std::rc::Rc;

use ferropy_vm::port::{Errno, FileKind, Port};
use ferropy_vm::repl::{Repl, ReplEvent};
use ferropy_vm::{Vm, VmConfig};

/// Output and files shared between a test and the port inside its VM.
#[derive(Default)]
struct Shared {
    out: Vec<u8>,
    files: BTreeMap<String, Vec<u8>>,
}

struct TestPort(Rc<RefCell<Shared>>);

impl Port for TestPort {
    fn write_stdout(&mut self, data: &[u8]) {
        self.0.borrow_mut().out.extend_from_slice(data);
    }
    fn file_kind(&mut self, path: &str) -> FileKind {
        if self.0.borrow().files.contains_key(path) {
            FileKind::File
        } else {
            FileKind::Missing
        }
    }
    fn read_file(&mut self, path: &str) -> Result<Vec<u8>, Errno> {
        self.0.borrow().files.get(path).cloned().ok_or(2)
    }
}

struct Board {
    shared: Rc<RefCell<Shared>>,
    vm: Vm,
    repl: Repl,
}

fn new_vm(shared: &Rc<RefCell<Shared>>) -> Vm {
    Vm::new(VmConfig::default(), Box::new(TestPort(shared.clone())))
}

impl Board {
    /// A started board (banner and first prompt already taken).
    fn new() -> Board {
        let shared = Rc::new(RefCell::new(Shared::default()));
        let vm = new_vm(&shared);
        let mut repl = Repl::new();
        repl.set_machine("test-board");
        let mut b = Board { shared, vm, repl };
        b.repl.start(&mut b.vm);
        b.take();
        b
    }
    fn take(&mut self) -> Vec<u8> {
        std::mem::take(&mut self.shared.borrow_mut().out)
    }
    fn feed(&mut self, data: &[u8]) -> ReplEvent {
        let (_, ev) = self.repl.feed_bytes(&mut self.vm, data);
        ev
    }
    /// Feed and return what came out (which must not end in an event).
    fn io(&mut self, data: &[u8]) -> String {
        let ev = self.feed(data);
        assert_eq!(ev, ReplEvent::None, "unexpected event for {:?}", data);
        String::from_utf8_lossy(&self.take()).into_owned()
    }
    fn soft_reboot(&mut self) {
        self.vm = new_vm(&self.shared);
        self.repl.soft_reboot(&mut self.vm);
    }
}

const BANNER: &str = "MicroPython-compatible ferropy v0.1.0 on 2026-11-22; test-board\r\n\
                      Type \"help()\" for more information.\r\n";

#[test]
fn banner_and_prompt() {
    let shared = Rc::new(RefCell::new(Shared::default()));
    let mut vm = new_vm(&shared);
    let mut repl = Repl::new();
    repl.set_machine("test-board");
    assert_eq!(repl.banner(&vm), BANNER);
    repl.start(&mut vm);
    assert_eq!(
        String::from_utf8_lossy(&shared.borrow().out),
        format!("{}>>> ", BANNER)
    );
}

#[test]
fn echo_result_and_underscore() {
    let mut b = Board::new();
    assert_eq!(b.io(b"6*7\r"), "6*7\r\n42\r\n>>> ");
    assert_eq!(b.io(b"_ + 1\r"), "_ + 1\r\n43\r\n>>> ");
    // CR LF counts as one Enter; a lone LF is an Enter too.
    assert_eq!(b.io(b"1\r\n"), "1\r\n1\r\n>>> ");
    assert_eq!(b.io(b"2\n"), "2\r\n2\r\n>>> ");
    // Statements print nothing; an empty line gives a new prompt.
    assert_eq!(b.io(b"x = 5\r"), "x = 5\r\n>>> ");
    assert_eq!(b.io(b"\r"), "\r\n>>> ");
}

#[test]
fn output_is_cooked() {
    let mut b = Board::new();
    assert_eq!(
        b.io(b"print('a\\nb')\r"),
        "print('a\\nb')\r\na\r\nb\r\n>>> "
    );
}

#[test]
fn errors_print_a_traceback_and_the_repl_goes_on() {
    let mut b = Board::new();
    assert_eq!(
        b.io(b"1/0\r"),
        "1/0\r\nTraceback (most recent call last):\r\n  File \"<stdin>\", line 1, in <module>\r\n\
         ZeroDivisionError: division by zero\r\n>>> "
    );
    let out = b.io(b"1 +\r");
    assert!(out.contains("SyntaxError"), "{:?}", out);
    assert!(out.ends_with(">>> "));
    assert_eq!(b.io(b"3\r"), "3\r\n3\r\n>>> ");
}

#[test]
fn continuation_and_auto_indent() {
    let mut b = Board::new();
    assert_eq!(
        b.io(b"for i in range(2):\r"),
        "for i in range(2):\r\n...     "
    );
    assert_eq!(b.io(b"print(i)\r"), "print(i)\r\n...     ");
    // Backspace at an auto-indented start removes a whole level.
    assert_eq!(b.io(b"\x7f"), "\x08\x08\x08\x08\x1b[K");
    assert_eq!(b.io(b"\r"), "\r\n0\r\n1\r\n>>> ");
    // Brackets continue without a compound keyword; no indent then.
    assert_eq!(b.io(b"(1 +\r"), "(1 +\r\n... ");
    assert_eq!(b.io(b"2)\r"), "2)\r\n3\r\n>>> ");
    // Ctrl-C in a continuation line cancels the whole statement.
    assert_eq!(b.io(b"if 1:\r"), "if 1:\r\n...     ");
    assert_eq!(b.io(b"\x03"), "\r\n>>> ");
    // A space right after an auto-indent turns it into a single space.
    assert_eq!(b.io(b"if 1:\r"), "if 1:\r\n...     ");
    assert_eq!(b.io(b" "), "\x08\x08\x08");
}

#[test]
fn line_editing() {
    let mut b = Board::new();
    // Left arrow, then insert in the middle: the tail is redrawn and the cursor moved back.
    assert_eq!(b.io(b"'ac'"), "'ac'");
    assert_eq!(b.io(b"\x1b[D\x1b[D"), "\x08\x08");
    assert_eq!(b.io(b"b"), "bc'\x08\x08");
    // Right arrow redraws the character it passes.
    assert_eq!(b.io(b"\x1b[C"), "c");
    assert_eq!(b.io(b"\r"), "\r\n'abc'\r\n>>> ");
    // Home / End / Delete / Backspace.
    assert_eq!(b.io(b"x12"), "x12");
    assert_eq!(b.io(b"\x1b[H"), "\x08\x08\x08");
    assert_eq!(b.io(b"\x1b[3~"), "\x1b[K12\x08\x08");
    assert_eq!(b.io(b"\x1b[F"), "12");
    assert_eq!(b.io(b"\x08"), "\x08\x1b[K");
    assert_eq!(b.io(b"\r"), "\r\n1\r\n>>> ");
    // Ctrl-A / Ctrl-E on a non-empty line are home / end.
    assert_eq!(b.io(b"45\x01"), "45\x08\x08");
    assert_eq!(b.io(b"\x05\r"), "45\r\n45\r\n>>> ");
}

#[test]
fn history() {
    let mut b = Board::new();
    b.io(b"1+1\r");
    b.io(b"2+2\r");
    assert_eq!(b.io(b"\x1b[A"), "2+2");
    assert_eq!(b.io(b"\x1b[A"), "\x08\x08\x081+1");
    assert_eq!(b.io(b"\x1b[B"), "\x08\x08\x082+2");
    assert_eq!(b.io(b"\x1b[B"), "\x08\x08\x08\x1b[K");
    assert_eq!(b.io(b"\x1b[A\r"), "2+2\r\n4\r\n>>> ");
}

#[test]
fn tab_completion() {
    let mut b = Board::new();
    b.io(b"abcdef = 1\r");
    assert_eq!(b.io(b"abc\t"), "abcdef");
    b.io(b"\x03");
    b.io(b"aaa1 = 1; aaa2 = 2\r");
    assert_eq!(b.io(b"aaa\t"), "aaa\r\naaa1            aaa2\r\n>>> aaa");
    b.io(b"\x03");
    // Builtins, attributes after '.', and `import`.
    assert_eq!(b.io(b"pri\t"), "print");
    b.io(b"\x03");
    b.io(b"import math\r");
    assert_eq!(b.io(b"math.sqr\t"), "math.sqrt");
    b.io(b"\x03");
    assert_eq!(b.io(b"imp\t"), "import ");
    b.io(b"\x03");
    // Tab after whitespace indents.
    assert_eq!(b.io(b"x \t"), "x     ");
}

#[test]
fn control_keys_on_an_empty_line() {
    let mut b = Board::new();
    assert_eq!(b.io(b"\x03"), "\r\n>>> ");
    assert_eq!(b.io(b"abc\x03"), "abc\r\n>>> ");
    assert_eq!(b.io(b"\x02"), format!("\r\n{}>>> ", BANNER));
    assert_eq!(b.feed(b"\x04"), ReplEvent::SoftReset);
    assert_eq!(b.take(), b"\r\n");
}

#[test]
fn prompts_follow_sys_ps1_and_ps2() {
    let mut b = Board::new();
    assert_eq!(
        b.io(b"import sys; sys.ps1 = 'py> '\r"),
        "import sys; sys.ps1 = 'py> '\r\npy> "
    );
    assert_eq!(b.io(b"sys.ps2 = '::: '\r"), "sys.ps2 = '::: '\r\npy> ");
    assert_eq!(b.io(b"(\r"), "(\r\n::: ");
}

#[test]
fn paste_mode() {
    let mut b = Board::new();
    assert_eq!(
        b.io(b"\x05"),
        "\r\npaste mode; Ctrl-C to cancel, Ctrl-D to finish\r\n=== "
    );
    assert_eq!(
        b.io(b"x = 1\rif x:\r    print('yes')\r"),
        "x = 1\r\n=== if x:\r\n===     print('yes')\r\n=== "
    );
    assert_eq!(b.io(b"\x04"), "\r\nyes\r\n>>> ");
    // Ctrl-C cancels.
    b.io(b"\x05");
    assert_eq!(b.io(b"print(1)\x03"), "print(1)\r\n>>> ");
}

#[test]
fn help_works() {
    let mut b = Board::new();
    let out = b.io(b"help()\r");
    assert!(out.contains("CTRL-A        -- on a blank line, enter raw REPL mode\r\n"));
    let out = b.io(b"import math\rhelp(math)\r");
    assert!(
        out.contains("object <module 'math'> is of type module\r\n"),
        "{}",
        out
    );
    assert!(out.contains("  sqrt -- "), "{}", out);
    let out = b.io(b"help('modules')\r");
    assert!(out.contains("math"), "{}", out);
}

#[test]
fn raw_repl_exchange() {
    let mut b = Board::new();
    assert_eq!(b.io(b"\x01"), "\r\nraw REPL; CTRL-B to exit\r\n>");
    assert!(b.repl.is_raw());
    // No echo; OK, output, EOF, error text, EOF, prompt.
    assert_eq!(b.io(b"print(1)\nprint(2)"), "");
    assert_eq!(b.io(b"\x04"), "OK1\r\n2\r\n\x04\x04>");
    assert_eq!(
        b.io(b"1/0\x04"),
        "OK\x04Traceback (most recent call last):\r\n  File \"<stdin>\", line 1, in <module>\r\n\
         ZeroDivisionError: division by zero\r\n\x04>"
    );
    // Ctrl-C clears the buffer; Ctrl-A re-greets.
    assert_eq!(b.io(b"garbage(\x03print(3)\x04"), "OK3\r\n\x04\x04>");
    assert_eq!(b.io(b"\x01"), "raw REPL; CTRL-B to exit\r\n>");
    // Ctrl-B goes back to the friendly REPL with the banner.
    assert_eq!(b.io(b"\x02"), format!("\r\n{}>>> ", BANNER));
    assert!(!b.repl.is_raw());
}

#[test]
fn raw_repl_soft_reset_stays_raw() {
    let mut b = Board::new();
    b.shared
        .borrow_mut()
        .files
        .insert("boot.py".into(), b"print('boot')".to_vec());
    b.shared
        .borrow_mut()
        .files
        .insert("main.py".into(), b"print('main')".to_vec());
    b.io(b"\x01");
    b.io(b"y = 1\x04");
    assert_eq!(b.feed(b"\x04"), ReplEvent::SoftReset);
    assert_eq!(b.take(), b"OK\r\n");
    b.soft_reboot();
    // boot.py runs, main.py does not (raw mode), and the raw REPL greets again.
    assert_eq!(
        String::from_utf8_lossy(&b.take()),
        "MPY: soft reboot\r\nboot\r\nraw REPL; CTRL-B to exit\r\n>"
    );
    // Fresh globals.
    let out = b.io(b"print(y)\x04");
    assert!(out.contains("NameError"), "{}", out);
}

#[test]
fn friendly_soft_reset_runs_boot_and_main() {
    let mut b = Board::new();
    b.shared
        .borrow_mut()
        .files
        .insert("boot.py".into(), b"print('boot')".to_vec());
    b.shared
        .borrow_mut()
        .files
        .insert("main.py".into(), b"print('main')\n1/0".to_vec());
    assert_eq!(b.feed(b"\x04"), ReplEvent::SoftReset);
    b.take();
    b.soft_reboot();
    let out = String::from_utf8_lossy(&b.take()).into_owned();
    assert!(
        out.starts_with("MPY: soft reboot\r\nboot\r\nmain\r\nTraceback"),
        "{}",
        out
    );
    assert!(out.ends_with(&format!("{}>>> ", BANNER)), "{}", out);
}

#[test]
fn system_exit_is_an_event() {
    let mut b = Board::new();
    assert_eq!(b.feed(b"raise SystemExit(3)\r"), ReplEvent::Exit(3));
}

#[test]
fn raw_paste_with_flow_control() {
    let mut b = Board::new();
    b.io(b"\x01");
    // Header: R, 1 (supported), window size 128 little-endian, and a first credit.
    assert_eq!(b.take(), b"");
    b.feed(b"\x05A\x01");
    assert_eq!(b.take(), b"R\x01\x80\x00\x01");
    // 300 bytes of program: a credit after each 128 bytes consumed.
    let prog = format!("x = '{}'\nprint(len(x))\n", "a".repeat(279)).into_bytes();
    assert_eq!(prog.len(), 300);
    b.feed(&prog[..127]);
    assert_eq!(b.take(), b"");
    b.feed(&prog[127..128]);
    assert_eq!(b.take(), b"\x01");
    b.feed(&prog[128..]);
    assert_eq!(b.take(), b"\x01");
    // End of data: \x04 back when the data is complete, then output, \x04, errors, \x04, '>'.
    assert_eq!(b.io(b"\x04"), "\x04279\r\n\x04\x04>");
    // Errors come after the first \x04.
    b.feed(b"\x05A\x01");
    b.take();
    assert_eq!(
        b.io(b"1/0\x04"),
        "\x04\x04Traceback (most recent call last):\r\n  File \"<stdin>\", line 1, in <module>\r\n\
         ZeroDivisionError: division by zero\r\n\x04>"
    );
    // Ctrl-C aborts the transfer with a KeyboardInterrupt.
    b.feed(b"\x05A\x01");
    b.take();
    let out = b.io(b"print(1\x03");
    assert_eq!(out, "\x04\x04KeyboardInterrupt\r\n\x04>");
    // Unsupported raw-paste command.
    assert_eq!(b.io(b"\x05B\x01"), "R\x00>");
    // A window overrun is absorbed (credits follow consumption).
    b.feed(b"\x05A\x01");
    b.take();
    let big = format!("s = '{}'\nprint(len(s))", "b".repeat(1000));
    let out = b.io(big.as_bytes());
    assert_eq!(out, "\x01".repeat(big.len() / 128));
    assert_eq!(b.io(b"\x04"), "\x041000\r\n\x04\x04>");
}

#[test]
fn random_bytes_never_crash() {
    let mut b = Board::new();
    let mut x: u64 = 0x1234_5678_9abc_def0;
    for round in 0..40 {
        let mut data = Vec::new();
        for _ in 0..500 {
            x ^= x << 13;
            x ^= x >> 7;
            x ^= x << 17;
            // Bias towards control keys and printable text.
            let v = (x >> 24) as u8;
            data.push(match v % 4 {
                0 => v % 8,
                1 => b"\r\n\x1b[ABCD3~:()'\"\t\x7f"[(v as usize) % 16],
                _ => v,
            });
        }
        // Keep ahead of accidental infinite loops: random bytes rarely form them, but make sure.
        let data: Vec<u8> = data
            .windows(5)
            .map(|w| w[0])
            .filter(|_| true)
            .collect::<Vec<_>>();
        let mut rest: &[u8] = &data;
        while !rest.is_empty() {
            let (n, ev) = b.repl.feed_bytes(&mut b.vm, rest);
            rest = &rest[n..];
            if ev != ReplEvent::None {
                b.soft_reboot();
            }
        }
        b.take();
        let _ = round;
    }
    // Still usable.
    b.feed(b"\x03\x02");
    b.take();
    assert_eq!(b.io(b"\x03"), "\r\n>>> ");
    assert_eq!(b.io(b"1+2\r"), "1+2\r\n3\r\n>>> ");
}

#[test]
fn word_keys_move_and_kill_words() {
    let mut b = Board::new();
    // Alt-b moves back over a word, then typing inserts there.
    b.io(b"234\x1bb1");
    assert_eq!(b.io(b"\r"), "\r\n1234\r\n>>> ");
    // Ctrl-Left / Ctrl-Right move by words too.
    b.io(b"12\x02\x02\x1b[1;5C3");
    assert_eq!(b.io(b"\r"), "\r\n123\r\n>>> ");
    b.io(b"234\x1b[1;5D1");
    assert_eq!(b.io(b"\r"), "\r\n1234\r\n>>> ");
    // Alt-Backspace and Ctrl-W delete the word before the cursor, Alt-d the one after it.
    b.io(b"100 + 45623\x1b\x7f1");
    assert_eq!(b.io(b"\r"), "\r\n101\r\n>>> ");
    b.io(b"123\x171");
    assert_eq!(b.io(b"\r"), "\r\n1\r\n>>> ");
    b.io(b"1 + 256\x02\x02\x02\x02\x1bd2");
    assert_eq!(b.io(b"\r"), "\r\n3\r\n>>> ");
}
