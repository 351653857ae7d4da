//! The terminal REPL: the VM's port-independent REPL engine (the same one the browser and
//! `ferropy board` use) driven from a terminal in raw mode, like MicroPython's unix port:
//! MicroPython's banner and prompts, line editing, history, auto-indent, tab completion, paste
//! mode (Ctrl-E), Ctrl-C to cancel a line or interrupt running code, and Ctrl-D on an empty line
//! to leave. `_thread` threads started by earlier inputs keep running while the prompt waits.

use std::collections::VecDeque;
use std::io::Read;
use std::sync::atomic::{AtomicBool, Ordering};
use std::sync::{Arc, Condvar, Mutex};

use ferropy_vm::repl::{Repl, ReplEvent};
use ferropy_vm::Vm;

use crate::port::INTERRUPTED;

/// Bytes typed on the terminal, shared between the reader thread and the interpreter.
#[derive(Default)]
pub struct Input {
    queue: VecDeque<u8>,
    closed: bool,
}

/// The input queue and its wake-up signal.
pub type SharedInput = Arc<(Mutex<Input>, Condvar)>;

/// True while Python code runs (a Ctrl-C byte then interrupts instead of being typed).
pub static RUNNING: AtomicBool = AtomicBool::new(false);

fn lock(input: &SharedInput) -> std::sync::MutexGuard<'_, Input> {
    input.0.lock().unwrap_or_else(|e| e.into_inner())
}

/// The next typed byte, blocking; None at end of input.
pub fn next_byte(input: &SharedInput) -> Option<u8> {
    let mut g = lock(input);
    loop {
        if let Some(b) = g.queue.pop_front() {
            return Some(b);
        }
        if g.closed {
            return None;
        }
        g = input.1.wait(g).unwrap_or_else(|e| e.into_inner());
    }
}

/// A typed byte if one is queued (`Some(None)` at end of input), without waiting.
fn try_byte(input: &SharedInput) -> Option<Option<u8>> {
    let mut g = lock(input);
    match g.queue.pop_front() {
        Some(b) => Some(Some(b)),
        None if g.closed => Some(None),
        None => None,
    }
}

/// How long (port microseconds) `_thread` threads run between checks for typed bytes.
const IDLE_SLICE_US: u64 = 10_000;

/// The next typed byte; while `_thread` threads started by earlier inputs are waiting, they
/// keep running until it comes (MicroPython's unix port runs them in OS threads).
fn next_byte_running_threads(vm: &mut Vm, input: &SharedInput) -> Option<u8> {
    loop {
        if !vm.threads_waiting() {
            return next_byte(input);
        }
        if let Some(b) = try_byte(input) {
            return b;
        }
        if !vm.thread_run_idle(IDLE_SLICE_US) {
            return next_byte(input);
        }
        vm.port.flush();
    }
}

/// Start the thread reading the terminal.
pub fn start_reader() -> SharedInput {
    let input: SharedInput = Arc::new((Mutex::new(Input::default()), Condvar::new()));
    let shared = input.clone();
    std::thread::spawn(move || {
        let mut stdin = std::io::stdin();
        let mut buf = [0u8; 1024];
        loop {
            match stdin.read(&mut buf) {
                Ok(0) | Err(_) => break,
                Ok(n) => {
                    let mut g = lock(&shared);
                    for &b in &buf[..n] {
                        if b == 3 && RUNNING.load(Ordering::SeqCst) {
                            INTERRUPTED.store(true, Ordering::SeqCst);
                        } else {
                            g.queue.push_back(b);
                        }
                    }
                    shared.1.notify_all();
                }
            }
        }
        lock(&shared).closed = true;
        shared.1.notify_all();
    });
    input
}

/// The terminal's settings before raw mode, restored on drop.
struct RawMode(Option<libc::termios>);

impl RawMode {
    fn enter() -> RawMode {
        // SAFETY: termios is plain data; tcgetattr fills it for a valid fd or fails, and
        // tcsetattr only reads it.
        unsafe {
            let mut t: libc::termios = std::mem::zeroed();
            if libc::tcgetattr(0, &mut t) != 0 {
                return RawMode(None);
            }
            let old = t;
            libc::cfmakeraw(&mut t);
            // Keep output post-processing so stray "\n" still returns the carriage.
            t.c_oflag |= libc::OPOST | libc::ONLCR;
            libc::tcsetattr(0, libc::TCSANOW, &t);
            RawMode(Some(old))
        }
    }
}

impl Drop for RawMode {
    fn drop(&mut self) {
        if let Some(old) = &self.0 {
            // SAFETY: restores settings read from the same fd.
            unsafe {
                libc::tcsetattr(0, libc::TCSANOW, old);
            }
        }
    }
}

/// Run the REPL until Ctrl-D on an empty line (or `sys.exit`); returns the exit status.
pub fn run(vm: &mut Vm, input: SharedInput) -> i32 {
    let raw = RawMode::enter();
    let mut repl = Repl::new();
    // The shape of MicroPython's unix port banner, which tools and test runners match.
    repl.set_banner(
        &format!(
            "MicroPython (ferropy v{}) on 2026-11-22; linux [Rust] version",
            env!("CARGO_PKG_VERSION")
        ),
        "Use Ctrl-D to exit, Ctrl-E for paste mode",
    );
    repl.start(vm);
    vm.port.flush();
    let code = loop {
        let Some(b) = next_byte_running_threads(vm, &input) else {
            break 0;
        };
        RUNNING.store(true, Ordering::SeqCst);
        let ev = repl.feed(vm, b);
        RUNNING.store(false, Ordering::SeqCst);
        INTERRUPTED.store(false, Ordering::SeqCst);
        vm.port.flush();
        match ev {
            // Suspended: only in the resumable mode, which this REPL does not turn on.
            ReplEvent::None | ReplEvent::Suspended(_) => {}
            // Ctrl-D on an empty line leaves, as in MicroPython's unix port.
            ReplEvent::SoftReset => {
                vm.write_stdout("\r\n");
                break 0;
            }
            ReplEvent::Exit(code) => break code,
        }
    };
    vm.port.flush();
    drop(raw);
    code
}
