//! A minimal line REPL for `replInit`/`replProcessChar` (echo, `>>> `/`... ` prompts, continuation
//! lines while the parser reports incomplete input). Kept in one file so it can be swapped for
//! the VM's full REPL engine.

use ferropy_vm::parser::{self, Mode};
use ferropy_vm::Vm;

/// The line editor's state.
#[derive(Default)]
pub struct Repl {
    /// The statement typed so far (complete lines).
    source: String,
    /// The current line.
    line: String,
    /// Bytes of an incomplete UTF-8 sequence.
    pending: Vec<u8>,
}

impl Repl {
    /// Print the banner and the first prompt.
    pub fn init(&mut self, vm: &mut Vm) {
        *self = Repl::default();
        vm.port.write_stdout(
            b"MicroPython-compatible ferropy v0.1.0; webassembly\r\nType \"help()\" for more information.\r\n>>> ",
        );
    }

    /// Handle one input byte (a UTF-8 byte or a control character); returns 0.
    pub fn process_byte(&mut self, vm: &mut Vm, c: u8) -> i32 {
        match c {
            b'\r' | b'\n' => self.enter(vm),
            8 | 127 => {
                if self.line.pop().is_some() {
                    vm.port.write_stdout(b"\x08 \x08");
                }
            }
            3 => {
                self.source.clear();
                self.line.clear();
                vm.port.write_stdout(b"\r\nKeyboardInterrupt\r\n>>> ");
            }
            4 => {}
            _ => {
                self.pending.push(c);
                match core::str::from_utf8(&self.pending) {
                    Ok(s) => {
                        let s = String::from(s);
                        self.pending.clear();
                        if s.chars().all(|ch| !ch.is_control() || ch == '\t') {
                            vm.port.write_stdout(s.as_bytes());
                            self.line.push_str(&s);
                        }
                    }
                    Err(e) if e.error_len().is_some() || self.pending.len() > 4 => {
                        self.pending.clear();
                    }
                    Err(_) => {}
                }
            }
        }
        0
    }

    fn enter(&mut self, vm: &mut Vm) {
        vm.port.write_stdout(b"\r\n");
        let line = core::mem::take(&mut self.line);
        let continuing = !self.source.is_empty();
        if !continuing && line.trim().is_empty() {
            vm.port.write_stdout(b">>> ");
            return;
        }
        self.source.push_str(&line);
        self.source.push('\n');
        // A compound statement ends with an empty line; anything else runs once it parses.
        let first = self.source.lines().next().unwrap_or("").trim_end();
        let compound = first.ends_with(':') || first.starts_with('@');
        let incomplete = match parser::parse(&self.source, Mode::Single) {
            Ok(_) => false,
            Err(e) => e.incomplete,
        };
        if incomplete || (compound && !line.trim().is_empty()) {
            vm.port.write_stdout(b"... ");
            return;
        }
        let src = core::mem::take(&mut self.source);
        if let Err(e) = vm.run_interactive(&src) {
            vm.print_exception(&e.0);
        }
        vm.port.write_stdout(b">>> ");
    }
}
