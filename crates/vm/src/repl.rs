//! The REPL engine: MicroPython's friendly REPL, paste mode, raw REPL and raw-paste protocols as a
//! byte-driven state machine, independent of any terminal, thread or platform.
//!
//! The embedder feeds input bytes with [`Repl::feed`] (between runs of Python code: interrupting a
//! running program is the port's job, through `Port::take_interrupt`); every byte the engine
//! sends goes out through `vm.port.write_stdout`, so the terminal REPL of the `ferropy` command, the
//! browser and a board on a serial line all see the same bytes. The behaviour follows MicroPython's
//! `shared/readline/readline.c`, `py/repl.c` and the event-driven REPL of
//! `shared/runtime/pyexec.c`:
//!
//! - friendly REPL: `>>> ` / `... ` prompts (`sys.ps1`/`sys.ps2`), echo, VT100 line editing,
//!   history, auto-indent, tab completion; Ctrl-A raw REPL, Ctrl-B banner, Ctrl-C cancel,
//!   Ctrl-D soft reset, Ctrl-E paste mode (on an empty line);
//! - raw REPL: `raw REPL; CTRL-B to exit\r\n>`, input without echo ended by Ctrl-D, answered with
//!   `OK`, the output, `\x04`, the error text, `\x04` and `>`;
//! - raw-paste: `\x05A\x01` answered by `R\x01`, a 16-bit window size and a first `\x01` credit,
//!   a `\x01` credit per window consumed, `\x04` when the end of the data is seen.
//!
//! By default code typed at the REPL runs to completion inside `feed` (as on a board). In the
//! opt-in resumable mode ([`Repl::set_resumable`]), it runs as a resumable run of the VM
//! (`Vm::start_code`): when it sleeps, waits for `input()` or awaits a host object, `feed`
//! returns [`ReplEvent::Suspended`]; the embedder does what is asked (an event loop keeps
//! running meanwhile) and continues with [`Repl::resume`] / [`Repl::resume_throw`], which finish
//! exactly as the synchronous path does (error report, raw-REPL markers, prompt). While the code
//! is suspended, `feed` takes only Ctrl-C (KeyboardInterrupt at the suspension point) and ignores
//! other bytes: the embedder queues them and feeds them once the run has finished.
//!
//! Output that Python code prints is "cooked" (each `\n` sent as `\r\n`), as on MicroPython boards
//! (`mp_hal_stdout_tx_strn_cooked`), in both the friendly and the raw REPL.

// Key handling mirrors MicroPython's readline, one match arm per key with its own condition.
#![allow(clippy::collapsible_match)]

use alloc::boxed::Box;
use alloc::format;
use alloc::rc::Rc;
use alloc::string::String;
use alloc::vec;
use alloc::vec::Vec;
use core::cell::RefCell;

use crate::attr::dict_of;
use crate::embed::{RunState, Suspend};
use crate::exceptions::ExcKind;
use crate::parser::Mode;
use crate::port::{Errno, FileKind, FileStat, NullPort, Port};
use crate::value::{PyObject, Str, Value};
use crate::vm::Vm;
use crate::PyErr;

/// The banner's name-and-version part (MicroPython's `MICROPY_BANNER_NAME_AND_VERSION` shape).
pub const BANNER_NAME_AND_VERSION: &str = "MicroPython-compatible ferropy v0.1.0 on 2026-11-22";

/// The raw REPL's greeting (tools such as mpremote wait for exactly these bytes).
pub const RAW_REPL_GREETING: &str = "raw REPL; CTRL-B to exit\r\n";

/// The line a soft reset prints before the fresh interpreter starts.
pub const SOFT_REBOOT: &str = "MPY: soft reboot\r\n";

/// Bytes of raw-paste data the engine accepts per flow-control credit (MicroPython: half of
/// `MICROPY_REPL_STDIN_BUFFER_MAX`, 256).
pub const RAW_PASTE_WINDOW: u16 = 128;

/// Entries kept in the line history (MicroPython keeps 8 on boards, more on unix).
const HISTORY_SIZE: usize = 50;

const CTRL_A: u8 = 1;
const CTRL_B: u8 = 2;
const CTRL_C: u8 = 3;
const CTRL_D: u8 = 4;
const CTRL_E: u8 = 5;
const CTRL_F: u8 = 6;
const CTRL_K: u8 = 11;
const CTRL_N: u8 = 14;
const CTRL_P: u8 = 16;
const CTRL_U: u8 = 21;
const CTRL_W: u8 = 23;

const AUTO_INDENT_ENABLED: u8 = 1;
const AUTO_INDENT_JUST_ADDED: u8 = 2;

/// What the embedder must do after feeding input.
#[derive(Clone, Debug)]
pub enum ReplEvent {
    /// Nothing: keep feeding input.
    None,
    /// Ctrl-D on an empty line (or an empty raw-REPL input): a board soft-resets (make a fresh
    /// `Vm`, then call [`Repl::soft_reboot`]); a terminal REPL exits.
    SoftReset,
    /// The code raised SystemExit with this status: a board soft-resets, a terminal REPL exits
    /// with the status.
    Exit(i32),
    /// Resumable mode only: the code being run is suspended for this reason; do what it asks,
    /// then call [`Repl::resume`] (or [`Repl::resume_throw`]).
    Suspended(Suspend),
}

impl PartialEq for ReplEvent {
    /// Events compare by kind (suspensions by reason; awaited objects are not compared).
    fn eq(&self, other: &ReplEvent) -> bool {
        match (self, other) {
            (ReplEvent::None, ReplEvent::None) | (ReplEvent::SoftReset, ReplEvent::SoftReset) => {
                true
            }
            (ReplEvent::Exit(a), ReplEvent::Exit(b)) => a == b,
            (ReplEvent::Suspended(a), ReplEvent::Suspended(b)) => match (a, b) {
                (Suspend::Sleep(x), Suspend::Sleep(y)) => x == y,
                (Suspend::Input, Suspend::Input)
                | (Suspend::Await(_), Suspend::Await(_))
                | (Suspend::Yield, Suspend::Yield) => true,
                _ => false,
            },
            _ => false,
        }
    }
}

/// What the REPL does once code it runs has finished without an event.
#[derive(Clone, Copy, PartialEq, Eq)]
enum After {
    /// Nothing (boot scripts).
    Nothing,
    /// A fresh friendly-REPL input with the `sys.ps1` prompt.
    Prompt,
    /// The raw REPL's `>` prompt.
    RawPrompt,
}

/// Code started by the REPL that has not finished yet.
struct Running {
    /// The embedder's port while the cooked port wraps it.
    slot: Rc<RefCell<Option<Box<dyn Port>>>>,
    /// Raw REPL: the output and the error text are each followed by `\x04`.
    eof: bool,
    after: After,
}

/// Where an escape sequence stands.
#[derive(Clone, Copy, PartialEq, Eq)]
enum Esc {
    None,
    Start,
    Bracket,
    BracketDigit(u8),
    O,
}

/// The REPL state machine (one per console).
pub struct Repl {
    machine: Option<String>,
    /// A whole banner set by the embedder, replacing the default one.
    banner: Option<String>,
    raw: bool,
    /// The input so far: earlier lines of a compound statement, then the line being edited.
    line: Vec<u8>,
    /// Where the line being edited starts in `line`.
    orig_len: usize,
    cursor: usize,
    esc: Esc,
    history: Vec<Vec<u8>>,
    hist_cur: isize,
    auto_indent: u8,
    prompt: String,
    cont_line: bool,
    paste: bool,
    /// Bytes left in the current raw-paste window, while a raw-paste transfer is in progress.
    raw_paste: Option<u16>,
    /// The previous byte was a carriage return (a following line feed is ignored).
    after_cr: bool,
    /// Run typed code resumably (see [`Repl::set_resumable`]).
    resumable: bool,
    /// The code being run, while it is suspended.
    running: Option<Running>,
}

impl Default for Repl {
    fn default() -> Self {
        Repl::new()
    }
}

impl Repl {
    /// A REPL in friendly mode; call [`Repl::start`] to print the banner and first prompt.
    pub fn new() -> Repl {
        Repl {
            machine: None,
            banner: None,
            raw: false,
            line: Vec::new(),
            orig_len: 0,
            cursor: 0,
            esc: Esc::None,
            history: Vec::new(),
            hist_cur: -1,
            auto_indent: 0,
            prompt: String::new(),
            cont_line: false,
            paste: false,
            raw_paste: None,
            after_cr: false,
            resumable: false,
            running: None,
        }
    }

    /// Turn the resumable mode on or off (off by default): when on, code typed at the REPL (not
    /// boot scripts) runs as a resumable run and `feed` returns [`ReplEvent::Suspended`] when it
    /// sleeps, waits for input or awaits a host object.
    pub fn set_resumable(&mut self, on: bool) {
        self.resumable = on;
    }

    /// True while code started by the REPL is suspended (see [`Repl::resume`]).
    pub fn is_suspended(&self) -> bool {
        self.running.is_some()
    }

    /// Continue the suspended code with `value` as the result of what it waited for (None after
    /// a sleep or a time slice, the line read for `input()`, the awaited result). Returns
    /// [`ReplEvent::Suspended`] again, or, once the code has finished, what `feed` would have
    /// returned (with the error report and the prompt written).
    pub fn resume(&mut self, vm: &mut Vm, value: Value) -> ReplEvent {
        if self.running.is_none() {
            return ReplEvent::None;
        }
        let r = vm.resume(value);
        let ev = self.step(vm, r);
        vm.port.flush();
        ev
    }

    /// Continue the suspended code by raising the exception `exc` where it waited.
    pub fn resume_throw(&mut self, vm: &mut Vm, exc: Value) -> ReplEvent {
        if self.running.is_none() {
            return ReplEvent::None;
        }
        let r = vm.resume_throw(exc);
        let ev = self.step(vm, r);
        vm.port.flush();
        ev
    }

    /// Set the machine name the banner shows (default: `ferropy with <sys.platform>`).
    pub fn set_machine(&mut self, machine: &str) {
        self.machine = Some(String::from(machine));
    }

    /// Replace the whole banner with two lines (given without line ends), e.g. the shape of
    /// MicroPython's unix port (`MicroPython ... version` / `Use Ctrl-D to exit, ...`).
    pub fn set_banner(&mut self, first: &str, second: &str) {
        self.banner = Some(format!("{}\r\n{}\r\n", first, second));
    }

    /// True while the raw REPL is active.
    pub fn is_raw(&self) -> bool {
        self.raw
    }

    /// The two-line banner, `\r\n`-terminated.
    pub fn banner(&self, vm: &Vm) -> String {
        if let Some(b) = &self.banner {
            return b.clone();
        }
        let machine = match &self.machine {
            Some(m) => m.clone(),
            None => format!("ferropy with {}", vm.port.platform()),
        };
        format!(
            "{}; {}\r\nType \"help()\" for more information.\r\n",
            BANNER_NAME_AND_VERSION, machine
        )
    }

    /// Install `help` in the VM's builtins and print the greeting of the current mode: the banner
    /// and `>>> ` in friendly mode, the raw REPL greeting and `>` in raw mode.
    pub fn start(&mut self, vm: &mut Vm) {
        install_help(vm);
        self.reset_input();
        if self.raw {
            out(vm, RAW_REPL_GREETING);
            out(vm, ">");
        } else {
            let b = self.banner(vm);
            out(vm, &b);
            self.input_restart(vm);
        }
    }

    /// After [`ReplEvent::SoftReset`] or [`ReplEvent::Exit`], with the embedder's fresh `Vm`:
    /// print `MPY: soft reboot`, run `boot.py` (and `main.py` in friendly mode) from the file
    /// system, then greet as [`Repl::start`] does. Returns an event if a script asked to exit.
    pub fn soft_reboot(&mut self, vm: &mut Vm) -> ReplEvent {
        out(vm, SOFT_REBOOT);
        install_help(vm);
        let ev = self.run_boot_scripts(vm);
        self.start(vm);
        ev
    }

    /// Run `boot.py`, then `main.py` when in friendly mode, if they exist (as MicroPython does at
    /// power-up and after a soft reset).
    pub fn run_boot_scripts(&mut self, vm: &mut Vm) -> ReplEvent {
        install_help(vm);
        let mut names = vec!["boot.py"];
        if !self.raw {
            names.push("main.py");
        }
        for name in names {
            if vm.port.file_kind(name) != FileKind::File {
                continue;
            }
            let Ok(data) = vm.port.read_file(name) else {
                continue;
            };
            let src = String::from_utf8_lossy(&data).into_owned();
            let ev = self.execute(vm, &src, name, Mode::Exec, false, After::Nothing);
            if ev != ReplEvent::None {
                return ev;
            }
        }
        ReplEvent::None
    }

    /// Feed every byte of `data`; stops early at a soft reset or exit. Returns how many bytes were
    /// consumed and the event that stopped it (or `ReplEvent::None`).
    pub fn feed_bytes(&mut self, vm: &mut Vm, data: &[u8]) -> (usize, ReplEvent) {
        for (i, &b) in data.iter().enumerate() {
            let ev = self.feed(vm, b);
            if ev != ReplEvent::None {
                return (i + 1, ev);
            }
        }
        (data.len(), ReplEvent::None)
    }

    /// Feed one input byte. While code is suspended (resumable mode), only Ctrl-C is taken (it
    /// raises KeyboardInterrupt in the code); other bytes are ignored, so the embedder must keep
    /// them until the code has finished.
    pub fn feed(&mut self, vm: &mut Vm, c: u8) -> ReplEvent {
        if self.running.is_some() {
            if c != CTRL_C {
                return ReplEvent::None;
            }
            let cls = vm.exc_type(ExcKind::KeyboardInterrupt);
            let exc = vm.new_exception(&cls, Vec::new());
            return self.resume_throw(vm, exc);
        }
        let ev = if self.raw {
            self.raw_char(vm, c)
        } else {
            self.friendly_char(vm, c)
        };
        vm.port.flush();
        ev
    }

    fn reset_input(&mut self) {
        self.line.clear();
        self.orig_len = 0;
        self.cursor = 0;
        self.esc = Esc::None;
        self.hist_cur = -1;
        self.cont_line = false;
        self.paste = false;
        self.raw_paste = None;
    }

    // ----- raw REPL ---------------------------------------------------------------------------

    fn raw_char(&mut self, vm: &mut Vm, c: u8) -> ReplEvent {
        if let Some(remain) = self.raw_paste {
            return self.raw_paste_char(vm, c, remain);
        }
        match c {
            CTRL_A => {
                if self.line.len() == 2 && self.line[0] == CTRL_E {
                    let cmd = self.line[1];
                    self.line.clear();
                    if cmd != b'A' {
                        out_bytes(vm, b"R\x00");
                        out(vm, ">");
                        return ReplEvent::None;
                    }
                    out_bytes(vm, b"R\x01");
                    let w = RAW_PASTE_WINDOW.to_le_bytes();
                    out_bytes(vm, &[w[0], w[1], 0x01]);
                    self.raw_paste = Some(RAW_PASTE_WINDOW);
                    return ReplEvent::None;
                }
                out(vm, RAW_REPL_GREETING);
                self.line.clear();
                out(vm, ">");
                ReplEvent::None
            }
            CTRL_B => {
                self.raw = false;
                self.reset_input();
                self.friendly_char(vm, CTRL_B)
            }
            CTRL_C => {
                self.line.clear();
                ReplEvent::None
            }
            CTRL_D => {
                out(vm, "OK");
                if self.line.is_empty() {
                    out(vm, "\r\n");
                    return ReplEvent::SoftReset;
                }
                let src = String::from_utf8_lossy(&self.line).into_owned();
                self.line.clear();
                self.execute(vm, &src, "<stdin>", Mode::Exec, true, After::RawPrompt)
            }
            _ => {
                self.line.push(c);
                ReplEvent::None
            }
        }
    }

    fn raw_paste_char(&mut self, vm: &mut Vm, c: u8, remain: u16) -> ReplEvent {
        match c {
            CTRL_C | CTRL_D => {
                self.raw_paste = None;
                out_bytes(vm, b"\x04");
                if c == CTRL_D {
                    let src = String::from_utf8_lossy(&self.line).into_owned();
                    self.line.clear();
                    return self.execute(vm, &src, "<stdin>", Mode::Exec, true, After::RawPrompt);
                }
                self.line.clear();
                let cls = vm.exc_type(ExcKind::KeyboardInterrupt);
                let e = vm.new_exception(&cls, Vec::new());
                out_bytes(vm, b"\x04");
                let text = vm.format_exception(&e);
                out(vm, &text.replace('\n', "\r\n"));
                out_bytes(vm, b"\x04");
                out(vm, ">");
                ReplEvent::None
            }
            _ => {
                self.line.push(c);
                let remain = remain.saturating_sub(1);
                if remain == 0 {
                    out_bytes(vm, b"\x01");
                    self.raw_paste = Some(RAW_PASTE_WINDOW);
                } else {
                    self.raw_paste = Some(remain);
                }
                ReplEvent::None
            }
        }
    }

    // ----- friendly REPL ------------------------------------------------------------------------

    fn friendly_char(&mut self, vm: &mut Vm, c: u8) -> ReplEvent {
        if self.paste {
            return self.paste_char(vm, c);
        }
        // A line feed right after a carriage return is the second half of a CR LF line end.
        let was_cr = self.after_cr;
        self.after_cr = c == b'\r';
        let c = match c {
            b'\n' if was_cr => return ReplEvent::None,
            b'\n' => b'\r',
            _ => c,
        };
        let ret = self.readline_char(vm, c);
        if !self.cont_line {
            match ret {
                Some(CTRL_A) => {
                    self.raw = true;
                    out(vm, "\r\n");
                    return self.raw_char(vm, CTRL_A);
                }
                Some(CTRL_B) => {
                    out(vm, "\r\n");
                    let b = self.banner(vm);
                    out(vm, &b);
                    self.input_restart(vm);
                    return ReplEvent::None;
                }
                Some(CTRL_C) => {
                    out(vm, "\r\n");
                    self.input_restart(vm);
                    return ReplEvent::None;
                }
                Some(CTRL_D) => {
                    out(vm, "\r\n");
                    self.line.clear();
                    return ReplEvent::SoftReset;
                }
                Some(CTRL_E) => {
                    out(
                        vm,
                        "\r\npaste mode; Ctrl-C to cancel, Ctrl-D to finish\r\n=== ",
                    );
                    self.line.clear();
                    self.paste = true;
                    return ReplEvent::None;
                }
                Some(_) if self.line.is_empty() => {
                    self.input_restart(vm);
                    return ReplEvent::None;
                }
                None => return ReplEvent::None,
                Some(_) => {}
            }
            if !continue_with_input(&self.line) {
                return self.exec_line(vm);
            }
            self.line.push(b'\n');
            self.cont_line = true;
            let ps2 = prompt_of(vm, "ps2", "... ");
            self.note_newline(vm, ps2);
            ReplEvent::None
        } else {
            match ret {
                Some(CTRL_C) => {
                    out(vm, "\r\n");
                    self.input_restart(vm);
                    return ReplEvent::None;
                }
                Some(CTRL_D) => return self.exec_line(vm),
                None => return ReplEvent::None,
                Some(_) => {}
            }
            if continue_with_input(&self.line) {
                self.line.push(b'\n');
                let ps2 = prompt_of(vm, "ps2", "... ");
                self.note_newline(vm, ps2);
                return ReplEvent::None;
            }
            self.exec_line(vm)
        }
    }

    fn exec_line(&mut self, vm: &mut Vm) -> ReplEvent {
        let src = String::from_utf8_lossy(&self.line).into_owned();
        self.execute(vm, &src, "<stdin>", Mode::Single, false, After::Prompt)
    }

    fn paste_char(&mut self, vm: &mut Vm, c: u8) -> ReplEvent {
        match c {
            CTRL_C => {
                out(vm, "\r\n");
                self.input_restart(vm);
                ReplEvent::None
            }
            CTRL_D => {
                out(vm, "\r\n");
                let src = String::from_utf8_lossy(&self.line).into_owned();
                self.execute(vm, &src, "<stdin>", Mode::Exec, false, After::Prompt)
            }
            _ => {
                self.line.push(c);
                if c == b'\r' {
                    out(vm, "\r\n=== ");
                } else {
                    out_bytes(vm, &[c]);
                }
                ReplEvent::None
            }
        }
    }

    /// Start a fresh input with the `sys.ps1` prompt.
    fn input_restart(&mut self, vm: &mut Vm) {
        self.line.clear();
        self.cont_line = false;
        self.paste = false;
        let ps1 = prompt_of(vm, "ps1", ">>> ");
        self.readline_init(vm, ps1);
    }

    fn readline_init(&mut self, vm: &mut Vm, prompt: String) {
        self.orig_len = self.line.len();
        self.esc = Esc::None;
        self.hist_cur = -1;
        self.cursor = self.orig_len;
        out(vm, &prompt);
        self.prompt = prompt;
        if self.line.is_empty() {
            self.auto_indent = AUTO_INDENT_ENABLED;
        }
        self.do_auto_indent(vm);
    }

    fn note_newline(&mut self, vm: &mut Vm, prompt: String) {
        self.orig_len = self.line.len();
        self.cursor = self.orig_len;
        out(vm, &prompt);
        self.prompt = prompt;
        self.do_auto_indent(vm);
    }

    fn do_auto_indent(&mut self, vm: &mut Vm) {
        if self.auto_indent & AUTO_INDENT_ENABLED == 0 {
            return;
        }
        let line = &self.line;
        let len = line.len();
        if len <= 1 || line[len - 1] != b'\n' {
            return;
        }
        // i = start of the previous line, j = its first non-space.
        let mut i = len - 1;
        while i > 0 && line[i - 1] != b'\n' {
            i -= 1;
        }
        let mut j = i;
        while j < len && line[j] == b' ' {
            j += 1;
        }
        if i > 0 && j + 1 == len {
            // The previous line is all spaces: no auto-indent if the one before is too.
            let mut k = i - 1;
            while k > 0 {
                if line[k - 1] == b'\n' {
                    return;
                } else if line[k - 1] != b' ' {
                    break;
                }
                k -= 1;
            }
        }
        let mut n = (j - i) / 4;
        if line[len - 2] == b':' {
            n += 1;
        }
        for _ in 0..n {
            self.line.extend_from_slice(b"    ");
            out(vm, "    ");
            self.cursor += 4;
            self.auto_indent |= AUTO_INDENT_JUST_ADDED;
        }
    }

    fn push_history(&mut self) {
        let Some(cur) = self.line.get(self.orig_len..) else {
            return;
        };
        if cur.is_empty() || self.history.first().map(|h| h.as_slice()) == Some(cur) {
            return;
        }
        self.history.insert(0, cur.to_vec());
        self.history.truncate(HISTORY_SIZE);
    }

    /// One byte of line editing; Some(code) when the line is finished (0) or a control key
    /// ends it (Ctrl-A..E on an empty line, Ctrl-C).
    fn readline_char(&mut self, vm: &mut Vm, c: u8) -> Option<u8> {
        let last_len = self.line.len();
        let mut step_back = 0usize;
        let mut from_cursor = false;
        let mut step_forward = 0usize;
        match self.esc {
            Esc::None => {
                let empty = self.line.len() == self.orig_len;
                if (CTRL_A..=CTRL_E).contains(&c) && empty {
                    return Some(c);
                }
                match c {
                    CTRL_A => step_back = self.cursor - self.orig_len,
                    CTRL_B => {
                        if self.cursor > self.orig_len {
                            step_back = 1;
                        }
                    }
                    CTRL_C => return Some(c),
                    CTRL_D => {
                        if self.cursor < self.line.len() {
                            self.line.remove(self.cursor);
                            from_cursor = true;
                        }
                    }
                    CTRL_E => step_forward = self.line.len() - self.cursor,
                    CTRL_F => {
                        if self.cursor < self.line.len() {
                            step_forward = 1;
                        }
                    }
                    CTRL_K => {
                        self.line.truncate(self.cursor);
                        from_cursor = true;
                    }
                    CTRL_N => {
                        self.history_down(&mut step_back, &mut from_cursor, &mut step_forward)
                    }
                    CTRL_P => self.history_up(&mut step_back, &mut from_cursor, &mut step_forward),
                    CTRL_W => self.kill_word_back(&mut step_back, &mut from_cursor),
                    CTRL_U => {
                        let n = self.cursor - self.orig_len;
                        self.line.drain(self.orig_len..self.cursor);
                        step_back = n;
                        from_cursor = true;
                    }
                    b'\r' => {
                        out(vm, "\r\n");
                        self.push_history();
                        return Some(0);
                    }
                    27 => self.esc = Esc::Start,
                    8 | 127 => {
                        if self.cursor > self.orig_len {
                            let mut nspace = 0;
                            for &b in &self.line[self.orig_len..self.cursor] {
                                if b != b' ' {
                                    nspace = 0;
                                    break;
                                }
                                nspace += 1;
                            }
                            let nspace = if nspace < 4 { 1 } else { 4 };
                            self.line.drain(self.cursor - nspace..self.cursor);
                            step_back = nspace;
                            from_cursor = true;
                        }
                    }
                    9 | b' ' if self.auto_indent & AUTO_INDENT_JUST_ADDED != 0 => {
                        // Tab or space right after an auto-indent turns auto-indent off (a space
                        // leaves one space of the indent).
                        self.auto_indent = 0;
                        if c == b' ' {
                            step_back = 3;
                            let n = self.line.len().saturating_sub(3);
                            self.line.truncate(n);
                        }
                    }
                    9 => self.tab(vm, &mut from_cursor, &mut step_forward),
                    32..=126 => {
                        self.line.insert(self.cursor, c);
                        from_cursor = true;
                        step_forward = 1;
                    }
                    _ => {}
                }
            }
            Esc::Start => {
                self.esc = match c {
                    b'[' => Esc::Bracket,
                    b'O' => Esc::O,
                    _ => Esc::None,
                };
                // Emacs word keys: Alt-b, Alt-f, Alt-d, Alt-Backspace.
                match c {
                    b'b' => step_back = self.count_word(false),
                    b'f' => step_forward = self.count_word(true),
                    b'd' => {
                        let n = self.count_word(true);
                        self.line.drain(self.cursor..self.cursor + n);
                        from_cursor = true;
                    }
                    127 => self.kill_word_back(&mut step_back, &mut from_cursor),
                    _ => {}
                }
            }
            Esc::Bracket => {
                self.esc = Esc::None;
                match c {
                    b'0'..=b'9' => self.esc = Esc::BracketDigit(c),
                    b'A' => self.history_up(&mut step_back, &mut from_cursor, &mut step_forward),
                    b'B' => self.history_down(&mut step_back, &mut from_cursor, &mut step_forward),
                    b'C' => {
                        if self.cursor < self.line.len() {
                            step_forward = 1;
                        }
                    }
                    b'D' => {
                        if self.cursor > self.orig_len {
                            step_back = 1;
                        }
                    }
                    b'H' => step_back = self.cursor - self.orig_len,
                    b'F' => step_forward = self.line.len() - self.cursor,
                    _ => {}
                }
            }
            Esc::BracketDigit(d) => {
                self.esc = Esc::None;
                if c == b';' && d == b'1' {
                    // `ESC [ 1 ; 5 C`: a modifier parameter follows (Ctrl-Right / Ctrl-Left).
                    self.esc = Esc::Bracket;
                } else if d == b'5' && c == b'C' {
                    step_forward = self.count_word(true);
                } else if d == b'5' && c == b'D' {
                    step_back = self.count_word(false);
                } else if c == b'~' {
                    match d {
                        b'1' | b'7' => step_back = self.cursor - self.orig_len,
                        b'4' | b'8' => step_forward = self.line.len() - self.cursor,
                        b'3' => {
                            if self.cursor < self.line.len() {
                                self.line.remove(self.cursor);
                                from_cursor = true;
                            }
                        }
                        _ => {}
                    }
                }
            }
            Esc::O => {
                self.esc = Esc::None;
                match c {
                    b'H' => step_back = self.cursor - self.orig_len,
                    b'F' => step_forward = self.line.len() - self.cursor,
                    _ => {}
                }
            }
        }
        // Redraw, efficiently (the same VT100 sequences as MicroPython).
        if step_back > 0 {
            move_back(vm, step_back);
            self.cursor -= step_back;
        }
        if from_cursor {
            if self.line.len() < last_len {
                out(vm, "\x1b[K");
            }
            let tail = self.line[self.cursor..].to_vec();
            out_bytes(vm, &tail);
            move_back(
                vm,
                self.line.len().saturating_sub(self.cursor + step_forward),
            );
            self.cursor += step_forward;
        } else if step_forward > 0 {
            let end = (self.cursor + step_forward).min(self.line.len());
            let seg = self.line[self.cursor..end].to_vec();
            out_bytes(vm, &seg);
            self.cursor = end;
        }
        self.auto_indent &= !AUTO_INDENT_JUST_ADDED;
        None
    }

    /// Bytes from the cursor to the end (forward) or start (backward) of the next word, as
    /// MicroPython's readline counts them (words are ASCII letters and digits).
    fn count_word(&self, forward: bool) -> usize {
        let mut pos = self.cursor;
        let mut in_word = false;
        loop {
            if (!forward && pos <= self.orig_len) || (forward && pos >= self.line.len()) {
                break;
            }
            let b = if forward {
                self.line[pos]
            } else {
                self.line[pos - 1]
            };
            if b.is_ascii_alphanumeric() {
                in_word = true;
            } else if in_word {
                break;
            }
            if forward {
                pos += 1;
            } else {
                pos -= 1;
            }
        }
        pos.abs_diff(self.cursor)
    }

    /// Delete the word before the cursor (Ctrl-W, Alt-Backspace).
    fn kill_word_back(&mut self, step_back: &mut usize, from_cursor: &mut bool) {
        let n = self.count_word(false);
        self.line.drain(self.cursor - n..self.cursor);
        *step_back = n;
        *from_cursor = true;
    }

    fn history_up(&mut self, back: &mut usize, from: &mut bool, fwd: &mut usize) {
        let next = self.hist_cur + 1;
        if let Some(h) = self.history.get(next as usize) {
            self.hist_cur = next;
            let h = h.clone();
            self.line.truncate(self.orig_len);
            self.line.extend_from_slice(&h);
            *back = self.cursor - self.orig_len;
            *from = true;
            *fwd = self.line.len() - self.orig_len;
        }
    }

    fn history_down(&mut self, back: &mut usize, from: &mut bool, fwd: &mut usize) {
        if self.hist_cur >= 0 {
            self.hist_cur -= 1;
            self.line.truncate(self.orig_len);
            if self.hist_cur >= 0 {
                if let Some(h) = self.history.get(self.hist_cur as usize) {
                    let h = h.clone();
                    self.line.extend_from_slice(&h);
                }
            }
            *back = self.cursor - self.orig_len;
            *from = true;
            *fwd = self.line.len() - self.orig_len;
        }
    }

    fn tab(&mut self, vm: &mut Vm, from_cursor: &mut bool, step_forward: &mut usize) {
        let after_space = self.cursor > 0
            && !self.line.is_empty()
            && matches!(self.line[self.cursor - 1], b' ' | b'\t' | b'\n');
        let compl: Vec<u8> = if after_space {
            b"    ".to_vec()
        } else {
            let cur = self.line[self.orig_len..self.cursor].to_vec();
            match autocomplete(vm, &cur) {
                Completion::None => return,
                Completion::Insert(s) => s,
                Completion::Listed => {
                    let p = self.prompt.clone();
                    out(vm, &p);
                    let seg = self.line[self.orig_len..self.cursor].to_vec();
                    out_bytes(vm, &seg);
                    *from_cursor = true;
                    return;
                }
            }
        };
        for (i, b) in compl.iter().enumerate() {
            self.line.insert(self.cursor + i, *b);
        }
        *from_cursor = true;
        *step_forward = compl.len();
    }

    // ----- running code -------------------------------------------------------------------------

    /// Compile and run `src` in `__main__` with cooked output; in the raw REPL (`eof`) the
    /// output and the error text are each followed by `\x04`. Then, unless the code asked for an
    /// event, do what `after` says. In resumable mode (not for boot scripts) the code may
    /// suspend: the rest happens when it finishes (see [`Repl::resume`]).
    fn execute(
        &mut self,
        vm: &mut Vm,
        src: &str,
        filename: &str,
        mode: Mode,
        eof: bool,
        after: After,
    ) -> ReplEvent {
        let mut src = normalize_newlines(src);
        if mode == Mode::Single {
            // A compound statement ends with an empty line.
            src.push_str("\n\n");
        }
        let slot = Rc::new(RefCell::new(None));
        let inner = core::mem::replace(&mut vm.port, Box::new(NullPort::default()));
        let platform = String::from(inner.platform());
        *slot.borrow_mut() = Some(inner);
        vm.port = Box::new(CookedPort {
            inner: slot.clone(),
            platform,
        });
        let d = vm.main_dict();
        if mode == Mode::Exec {
            if let Some(dd) = dict_of(&d) {
                dd.borrow_mut().set_str("__file__", Value::str(filename));
            }
        }
        let resumable = self.resumable && after != After::Nothing;
        let result = match vm.compile_source(&src, filename, mode) {
            Ok(code) if resumable => vm.start_code(code),
            Ok(code) => vm.run_code_main(code).map(RunState::Finished),
            Err(e) => Err(e),
        };
        self.running = Some(Running { slot, eof, after });
        self.step(vm, result)
    }

    /// After starting or resuming the running code: report a suspension, or finish the run
    /// (the raw REPL's markers, the error report, the port back, then `after`).
    fn step(&mut self, vm: &mut Vm, r: crate::PyResult<RunState>) -> ReplEvent {
        let result = match r {
            Ok(RunState::Suspended(why)) => {
                vm.port.flush();
                return ReplEvent::Suspended(why);
            }
            Ok(RunState::Finished(_)) => Ok(()),
            Err(e) => Err(e),
        };
        let Some(run) = self.running.take() else {
            return ReplEvent::None;
        };
        if run.eof {
            vm.port.write_stdout(b"\x04");
        }
        let ev = match result {
            Ok(()) => ReplEvent::None,
            Err(e) => report(vm, e),
        };
        if run.eof {
            vm.port.write_stdout(b"\x04");
        }
        vm.port.flush();
        vm.port = Box::new(NullPort::default());
        if let Some(p) = run.slot.borrow_mut().take() {
            vm.port = p;
        }
        if ev != ReplEvent::None {
            return ev;
        }
        match run.after {
            After::Nothing => {}
            After::Prompt => self.input_restart(vm),
            After::RawPrompt => out(vm, ">"),
        }
        ReplEvent::None
    }
}

/// Print an uncaught exception (or turn SystemExit into an exit event).
fn report(vm: &mut Vm, e: PyErr) -> ReplEvent {
    if let Some(code) = vm.system_exit_status(&e) {
        return ReplEvent::Exit(code);
    }
    // Like a MicroPython board, the REPL reports OS errors as `OSError: [Errno 2] ENOENT`
    // (tools such as mpremote recognise missing files by exactly that text).
    let mut text = vm.format_exception(&e.0);
    if vm.is_instance(&e.0, &vm.exc_type(ExcKind::OSError)) {
        let errno = crate::objexcept::derived_attr(vm, &e.0, "errno");
        if let Some(Value::Int(n)) = errno {
            if let Some((name, _, _)) = crate::moderrno::ERRNO_TABLE
                .iter()
                .find(|(_, v, _)| *v as i64 == n)
            {
                let body = text.trim_end_matches('\n');
                let head = match body.rfind('\n') {
                    Some(i) => &body[..=i],
                    None => "",
                };
                text = format!("{}OSError: [Errno {}] {}\n", head, n, name);
            }
        }
    }
    vm.write_stderr(&text);
    ReplEvent::None
}

fn normalize_newlines(src: &str) -> String {
    if !src.contains('\r') {
        return String::from(src);
    }
    src.replace("\r\n", "\n").replace('\r', "\n")
}

fn out(vm: &mut Vm, s: &str) {
    vm.port.write_stdout(s.as_bytes());
}

fn out_bytes(vm: &mut Vm, b: &[u8]) {
    vm.port.write_stdout(b);
}

fn move_back(vm: &mut Vm, n: usize) {
    if n == 0 {
        return;
    }
    if n <= 4 {
        out_bytes(vm, &b"\x08\x08\x08\x08"[..n]);
    } else {
        out(vm, &format!("\x1b[{}D", n));
    }
}

/// `sys.ps1` / `sys.ps2` as text (the default when unset or not a str).
fn prompt_of(vm: &mut Vm, name: &str, default: &str) -> String {
    if let Some(Value::Obj(m)) = vm.sys_module("sys") {
        if let PyObject::Module(mm) = &*m {
            if let Some(d) = dict_of(&mm.dict) {
                if let Some(Value::Str(s)) = d.borrow().get_str(name) {
                    return String::from(s.as_str());
                }
            }
        }
    }
    String::from(default)
}

fn starts_with_word(s: &[u8], w: &[u8]) -> bool {
    s.starts_with(w)
        && s.get(w.len())
            .map(|&c| !(c.is_ascii_alphanumeric() || c == b'_' || c >= 0x80))
            .unwrap_or(true)
}

/// MicroPython's rule for asking for another line: open brackets or triple quotes, a trailing
/// backslash, or a compound statement whose last line is not empty.
pub fn continue_with_input(input: &[u8]) -> bool {
    if input.is_empty() {
        return false;
    }
    let compound = input[0] == b'@'
        || [
            &b"if"[..],
            b"while",
            b"for",
            b"try",
            b"with",
            b"def",
            b"class",
            b"async",
        ]
        .iter()
        .any(|w| starts_with_word(input, w));
    #[derive(PartialEq, Clone, Copy)]
    enum Q {
        None,
        S1,
        D1,
        S3,
        D3,
    }
    let mut q = Q::None;
    let (mut paren, mut brack, mut brace) = (0i32, 0i32, 0i32);
    let mut i = 0;
    let at = |k: usize| input.get(k).copied().unwrap_or(0);
    while i < input.len() {
        let c = input[i];
        if c == b'\'' || c == b'"' {
            let (one, three) = if c == b'\'' {
                (Q::S1, Q::S3)
            } else {
                (Q::D1, Q::D3)
            };
            if (q == Q::None || q == three) && at(i + 1) == c && at(i + 2) == c {
                i += 2;
                q = if q == Q::None { three } else { Q::None };
            } else if q == Q::None || q == one {
                q = if q == Q::None { one } else { Q::None };
            }
        } else if c == b'\\' && matches!(at(i + 1), b'\'' | b'"' | b'\\') {
            if q != Q::None {
                i += 1;
            }
        } else if q == Q::None {
            match c {
                b'(' => paren += 1,
                b')' => paren -= 1,
                b'[' => brack += 1,
                b']' => brack -= 1,
                b'{' => brace += 1,
                b'}' => brace -= 1,
                _ => {}
            }
        }
        i += 1;
    }
    if q == Q::S3 || q == Q::D3 {
        return true;
    }
    if (paren > 0 || brack > 0 || brace > 0) && q == Q::None {
        return true;
    }
    let last = input[input.len() - 1];
    if last == b'\\' {
        return true;
    }
    compound && last != b'\n'
}

// ----- tab completion -----------------------------------------------------------------------------

enum Completion {
    None,
    Insert(Vec<u8>),
    Listed,
}

fn dict_names(d: &crate::value::Obj) -> Vec<String> {
    dict_of(d)
        .map(|dd| {
            dd.borrow()
                .keys()
                .iter()
                .filter_map(|k| k.as_str().map(String::from))
                .collect()
        })
        .unwrap_or_default()
}

/// The attribute names of `obj` (through `dir`), or nothing if that raises.
fn attr_names(vm: &mut Vm, obj: &Value) -> Vec<String> {
    let b = vm.builtins.clone();
    let dir = dict_of(&b).and_then(|d| d.borrow().get_str("dir").cloned());
    let Some(dir) = dir else {
        return Vec::new();
    };
    let Ok(list) = vm.call(&dir, core::slice::from_ref(obj)) else {
        return Vec::new();
    };
    let Ok(items) = vm.collect(&list) else {
        return Vec::new();
    };
    items
        .iter()
        .filter_map(|v| v.as_str().map(String::from))
        .collect()
}

fn autocomplete(vm: &mut Vm, line: &[u8]) -> Completion {
    // The "a.b.c" chain before the cursor.
    let mut start = line.len();
    while start > 0 {
        let c = line[start - 1];
        if c.is_ascii_alphanumeric() || c == b'_' || c == b'.' {
            start -= 1;
        } else {
            break;
        }
    }
    let Ok(chain) = core::str::from_utf8(&line[start..]) else {
        return Completion::None;
    };
    let mut parts: Vec<&str> = chain.split('.').collect();
    let partial = parts.pop().unwrap_or("");
    let mut names: Vec<String>;
    if parts.is_empty() {
        let main = vm.main_dict();
        names = dict_names(&main);
        let b = vm.builtins.clone();
        names.extend(dict_names(&b));
    } else {
        let main = vm.main_dict();
        let first = dict_of(&main).and_then(|d| d.borrow().get_str(parts[0]).cloned());
        let b = vm.builtins.clone();
        let first =
            first.or_else(|| dict_of(&b).and_then(|d| d.borrow().get_str(parts[0]).cloned()));
        let Some(mut obj) = first else {
            return Completion::None;
        };
        for p in &parts[1..] {
            match vm.getattr_opt(&obj, p) {
                Ok(Some(v)) => obj = v,
                _ => return Completion::None,
            }
        }
        names = attr_names(vm, &obj);
    }
    let hide_private = !partial.starts_with('_');
    names.retain(|n| n.starts_with(partial) && !(hide_private && n.starts_with('_')));
    names.sort();
    names.dedup();
    if names.is_empty() {
        if start == 0 && parts.is_empty() && "import ".starts_with(partial) {
            return Completion::Insert(Vec::from(&"import "[partial.len()..]));
        }
        return Completion::None;
    }
    // The longest common prefix of the matches.
    let first = names[0].as_bytes();
    let mut common = first.len();
    for n in &names[1..] {
        let n = n.as_bytes();
        common = common.min(n.len());
        for k in partial.len()..common {
            if first[k] != n[k] {
                common = k;
                break;
            }
        }
    }
    if names.len() == 1 || common > partial.len() {
        return Completion::Insert(first[partial.len()..common].to_vec());
    }
    // Many matches: list them in 16-column slots, at most 64 columns a line.
    const SLOT: usize = 16;
    const MAX: usize = 4 * SLOT;
    let mut text = String::new();
    let mut line_len = MAX;
    for n in &names {
        let mut gap = line_len.div_ceil(SLOT) * SLOT - line_len;
        if gap < 2 {
            gap += SLOT;
        }
        if line_len + gap + n.len() <= MAX {
            for _ in 0..gap {
                text.push(' ');
            }
            text.push_str(n);
            line_len += gap + n.len();
        } else {
            text.push_str("\r\n");
            text.push_str(n);
            line_len = n.len();
        }
    }
    text.push_str("\r\n");
    out(vm, &text);
    Completion::Listed
}

// ----- help() -------------------------------------------------------------------------------------

const HELP_TEXT: &str = "Welcome to ferropy, a MicroPython-compatible Python!

Control commands:
  CTRL-A        -- on a blank line, enter raw REPL mode
  CTRL-B        -- on a blank line, enter normal REPL mode
  CTRL-C        -- interrupt a running program
  CTRL-D        -- on a blank line, do a soft reset of the board (exit the ferropy command)
  CTRL-E        -- on a blank line, enter paste mode

For further help on a specific object, type help(obj)
For a list of available modules, type help('modules')
";

/// Put `help` into the builtins (the REPL's `help()`).
pub fn install_help(vm: &mut Vm) {
    let b = vm.builtins.clone();
    if let Some(d) = dict_of(&b) {
        if d.borrow().get_str("help").is_none() {
            d.borrow_mut()
                .set_str("help", crate::modbuiltins::builtin_fn("help", help));
        }
    }
}

fn help(vm: &mut Vm, args: &[Value], _kw: &[(Str, Value)]) -> crate::PyResult {
    crate::modbuiltins::check_args(vm, "help", args, 0, 1)?;
    let Some(obj) = args.first() else {
        vm.write_stdout(HELP_TEXT);
        return Ok(Value::None);
    };
    if obj.as_str() == Some("modules") {
        let mut names: Vec<String> = vm
            .native_modules
            .iter()
            .map(|(n, _)| String::from(*n))
            .chain(
                vm.frozen_modules
                    .iter()
                    .map(|(n, _)| String::from(n.trim_end_matches(".__init__"))),
            )
            .collect();
        names.extend([String::from("builtins"), String::from("__main__")]);
        names.sort();
        names.dedup();
        // Column by column, four columns 18 wide, as MicroPython prints it.
        let mut text = String::new();
        let rows = names.len().div_ceil(4);
        for row in 0..rows {
            let mut j = row;
            while let Some(n) = names.get(j) {
                text.push_str(n);
                j += rows;
                if j >= names.len() {
                    break;
                }
                let len = n.chars().count();
                for _ in 0..18 - len % 18 {
                    text.push(' ');
                }
            }
            text.push('\n');
        }
        text.push_str("Plus any modules on the filesystem\n");
        vm.write_stdout(&text);
        return Ok(Value::None);
    }
    let r = vm.repr(obj)?;
    let tn = vm.type_name(obj);
    vm.write_stdout(&format!("object {} is of type {}\n", r.as_str(), tn));
    let target = match obj {
        Value::Obj(o) if matches!(&**o, PyObject::Module(_) | PyObject::Type(_)) => obj.clone(),
        Value::Obj(o) if matches!(&**o, PyObject::Function(_) | PyObject::Builtin(_)) => {
            return Ok(Value::None)
        }
        _ => Value::Obj(vm.type_of(obj)),
    };
    for name in attr_names(vm, &target) {
        if name.starts_with("__") && name != "__name__" {
            continue;
        }
        let Ok(Some(v)) = vm.getattr_opt(&target, &name) else {
            continue;
        };
        let s = match vm.str_of(&v) {
            Ok(s) => String::from(s.as_str()),
            Err(_) => String::from("?"),
        };
        vm.write_stdout(&format!("  {} -- {}\n", name, s));
    }
    Ok(Value::None)
}

// ----- cooked output --------------------------------------------------------------------------------

/// The embedder's port, wrapped while code runs so that `\n` goes out as `\r\n`.
struct CookedPort {
    inner: Rc<RefCell<Option<Box<dyn Port>>>>,
    platform: String,
}

impl CookedPort {
    fn with<R>(&self, default: R, f: impl FnOnce(&mut dyn Port) -> R) -> R {
        match self.inner.borrow_mut().as_mut() {
            Some(p) => f(p.as_mut()),
            None => default,
        }
    }
}

fn cook(data: &[u8], f: &mut dyn FnMut(&[u8])) {
    let mut last = 0;
    for (i, &b) in data.iter().enumerate() {
        if b == b'\n' {
            if i > last {
                f(&data[last..i]);
            }
            f(b"\r\n");
            last = i + 1;
        }
    }
    if last < data.len() {
        f(&data[last..]);
    }
}

impl Port for CookedPort {
    fn write_stdout(&mut self, data: &[u8]) {
        self.with((), |p| cook(data, &mut |s| p.write_stdout(s)))
    }
    fn write_stderr(&mut self, data: &[u8]) {
        self.with((), |p| cook(data, &mut |s| p.write_stderr(s)))
    }
    fn write_stdout_raw(&mut self, data: &[u8]) {
        self.with((), |p| p.write_stdout_raw(data))
    }
    fn read_line(&mut self) -> Option<String> {
        self.with(None, |p| p.read_line())
    }
    fn read_stdin(&mut self, buf: &mut [u8]) -> Option<usize> {
        self.with(None, |p| p.read_stdin(buf))
    }
    fn flush(&mut self) {
        self.with((), |p| p.flush())
    }
    fn ticks_ms(&mut self) -> u64 {
        self.with(0, |p| p.ticks_ms())
    }
    fn ticks_us(&mut self) -> u64 {
        self.with(0, |p| p.ticks_us())
    }
    fn time(&mut self) -> f64 {
        self.with(0.0, |p| p.time())
    }
    fn sleep_us(&mut self, us: u64) {
        self.with((), |p| p.sleep_us(us))
    }
    fn take_interrupt(&mut self) -> bool {
        self.with(false, |p| p.take_interrupt())
    }
    fn file_kind(&mut self, path: &str) -> FileKind {
        self.with(FileKind::Missing, |p| p.file_kind(path))
    }
    fn read_file(&mut self, path: &str) -> Result<Vec<u8>, Errno> {
        self.with(Err(5), |p| p.read_file(path))
    }
    fn write_file(&mut self, path: &str, data: &[u8]) -> Result<(), Errno> {
        self.with(Err(5), |p| p.write_file(path, data))
    }
    fn append_file(&mut self, path: &str, data: &[u8]) -> Result<(), Errno> {
        self.with(Err(5), |p| p.append_file(path, data))
    }
    fn list_dir(&mut self, path: &str) -> Result<Vec<String>, Errno> {
        self.with(Err(5), |p| p.list_dir(path))
    }
    fn stat(&mut self, path: &str) -> Result<FileStat, Errno> {
        self.with(Err(5), |p| p.stat(path))
    }
    fn mkdir(&mut self, path: &str) -> Result<(), Errno> {
        self.with(Err(5), |p| p.mkdir(path))
    }
    fn remove(&mut self, path: &str) -> Result<(), Errno> {
        self.with(Err(5), |p| p.remove(path))
    }
    fn rmdir(&mut self, path: &str) -> Result<(), Errno> {
        self.with(Err(5), |p| p.rmdir(path))
    }
    fn rename(&mut self, from: &str, to: &str) -> Result<(), Errno> {
        self.with(Err(5), |p| p.rename(from, to))
    }
    fn random_bytes(&mut self, buf: &mut [u8]) {
        self.with((), |p| p.random_bytes(buf))
    }
    fn heap_used(&self) -> Option<usize> {
        self.inner.borrow().as_ref().and_then(|p| p.heap_used())
    }
    fn platform(&self) -> &str {
        &self.platform
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// A port whose output the test reads after the VM took ownership of it.
    struct SharedPort(Rc<RefCell<Vec<u8>>>);

    impl Port for SharedPort {
        fn write_stdout(&mut self, data: &[u8]) {
            self.0.borrow_mut().extend_from_slice(data);
        }
        fn write_stderr(&mut self, data: &[u8]) {
            self.0.borrow_mut().extend_from_slice(data);
        }
    }

    fn setup(raw: bool) -> (Vm, Repl, Rc<RefCell<Vec<u8>>>) {
        let out = Rc::new(RefCell::new(Vec::new()));
        let mut vm = Vm::new(
            crate::VmConfig::default(),
            Box::new(SharedPort(out.clone())),
        );
        let mut repl = Repl::new();
        repl.set_resumable(true);
        repl.start(&mut vm);
        if raw {
            assert_eq!(repl.feed(&mut vm, CTRL_A), ReplEvent::None);
        }
        out.borrow_mut().clear();
        (vm, repl, out)
    }

    /// Feed every byte, expecting no event but at most a suspension at the last byte.
    fn type_in(vm: &mut Vm, repl: &mut Repl, data: &[u8]) -> ReplEvent {
        let mut ev = ReplEvent::None;
        for &b in data {
            assert_eq!(ev, ReplEvent::None);
            ev = repl.feed(vm, b);
        }
        ev
    }

    fn take(out: &Rc<RefCell<Vec<u8>>>) -> String {
        let s = String::from_utf8_lossy(&out.borrow()).into_owned();
        out.borrow_mut().clear();
        s
    }

    #[test]
    fn friendly_sleep_suspends_and_resumes() {
        let (mut vm, mut repl, out) = setup(false);
        let ev = type_in(
            &mut vm,
            &mut repl,
            b"import time; print('a'); time.sleep(0.01); print('b')\r",
        );
        assert_eq!(ev, ReplEvent::Suspended(Suspend::Sleep(10_000)));
        assert!(repl.is_suspended());
        assert!(take(&out).ends_with("\r\na\r\n"));
        // Bytes other than Ctrl-C are ignored while the code is suspended.
        assert_eq!(repl.feed(&mut vm, b'x'), ReplEvent::None);
        assert_eq!(repl.resume(&mut vm, Value::None), ReplEvent::None);
        assert!(!repl.is_suspended());
        assert_eq!(take(&out), "b\r\n>>> ");
        // The REPL goes on as usual.
        type_in(&mut vm, &mut repl, b"1 + 1\r");
        assert_eq!(take(&out), "1 + 1\r\n2\r\n>>> ");
    }

    #[test]
    fn code_that_does_not_suspend_finishes_at_once() {
        let (mut vm, mut repl, out) = setup(false);
        assert_eq!(
            type_in(&mut vm, &mut repl, b"print(6 * 7)\r"),
            ReplEvent::None
        );
        assert_eq!(take(&out), "print(6 * 7)\r\n42\r\n>>> ");
    }

    #[test]
    fn raw_repl_framing_after_a_resume() {
        let (mut vm, mut repl, out) = setup(true);
        let ev = type_in(
            &mut vm,
            &mut repl,
            b"import time\nprint(1)\ntime.sleep_ms(5)\nprint(2)\x04",
        );
        assert_eq!(ev, ReplEvent::Suspended(Suspend::Sleep(5_000)));
        assert_eq!(take(&out), "OK1\r\n");
        assert_eq!(repl.resume(&mut vm, Value::None), ReplEvent::None);
        assert_eq!(take(&out), "2\r\n\x04\x04>");
    }

    #[test]
    fn errors_after_a_resume_are_reported_as_in_sync_mode() {
        let (mut vm, mut repl, out) = setup(false);
        let ev = type_in(&mut vm, &mut repl, b"x = input('? ')\r");
        assert_eq!(ev, ReplEvent::Suspended(Suspend::Input));
        take(&out);
        assert_eq!(repl.resume(&mut vm, Value::str("abc")), ReplEvent::None);
        assert_eq!(take(&out), ">>> ");
        let ev = type_in(&mut vm, &mut repl, b"import time; time.sleep(0); int(x)\r");
        assert_eq!(ev, ReplEvent::Suspended(Suspend::Sleep(0)));
        take(&out);
        assert_eq!(repl.resume(&mut vm, Value::None), ReplEvent::None);
        let async_text = take(&out);
        // The same failure in the synchronous mode.
        repl.set_resumable(false);
        type_in(&mut vm, &mut repl, b"import time; time.sleep(0); int(x)\r");
        let sync_text = take(&out);
        assert!(
            async_text
                .ends_with("ValueError: invalid literal for int() with base 10: 'abc'\r\n>>> "),
            "{:?}",
            async_text
        );
        assert!(sync_text.ends_with(&async_text), "{:?}", sync_text);
        // SystemExit after a resume is the exit event.
        repl.set_resumable(true);
        type_in(
            &mut vm,
            &mut repl,
            b"import sys; time.sleep(0); sys.exit(3)\r",
        );
        assert_eq!(repl.resume(&mut vm, Value::None), ReplEvent::Exit(3));
    }

    #[test]
    fn raw_repl_error_after_a_resume() {
        let (mut vm, mut repl, out) = setup(true);
        type_in(&mut vm, &mut repl, b"import time\ntime.sleep(0)\n1/0\x04");
        take(&out);
        assert_eq!(repl.resume(&mut vm, Value::None), ReplEvent::None);
        let text = take(&out);
        assert!(text.starts_with("\x04Traceback"), "{:?}", text);
        assert!(
            text.ends_with("ZeroDivisionError: division by zero\r\n\x04>"),
            "{:?}",
            text
        );
    }

    #[test]
    fn ctrl_c_interrupts_suspended_code() {
        let (mut vm, mut repl, out) = setup(false);
        let ev = type_in(
            &mut vm,
            &mut repl,
            b"import time\rwhile True: time.sleep(1)\r\r",
        );
        assert_eq!(ev, ReplEvent::Suspended(Suspend::Sleep(1_000_000)));
        take(&out);
        assert_eq!(repl.feed(&mut vm, CTRL_C), ReplEvent::None);
        assert!(!repl.is_suspended());
        assert!(!vm.is_suspended());
        let text = take(&out);
        assert!(
            text.ends_with("\r\nKeyboardInterrupt\r\n>>> "),
            "{:?}",
            text
        );
        // A fresh prompt that works.
        type_in(&mut vm, &mut repl, b"'ok'\r");
        assert_eq!(take(&out), "'ok'\r\n'ok'\r\n>>> ");
    }
}
