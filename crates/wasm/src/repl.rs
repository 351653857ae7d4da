//! The REPL behind `replInit`/`replProcessChar`: the VM's port-independent engine
//! ([`ferropy_vm::repl::Repl`]: MicroPython's friendly REPL with prompts, auto-indent, history,
//! tab completion and paste mode, plus the raw and raw-paste protocols), fed byte by byte, so a
//! terminal in the page sees exactly the bytes a MicroPython board sends over its serial line.
//!
//! With `replProcessChar`, code typed at the REPL runs synchronously (as on a board): in a Web
//! Worker, `input()` can block on a `SharedArrayBuffer` and Ctrl-C arrives through the interrupt
//! buffer (`Engine::setInterruptBuffer`). With `replProcessCharAsync` it runs resumably: sleeps,
//! `input()` and awaited promises suspend it and return to the event loop (the JS glue resumes
//! it). A soft reset (Ctrl-D) clears `__main__` and greets again.

use ferropy_vm::embed::Suspend;
use ferropy_vm::repl::{Repl as Engine, ReplEvent};
use ferropy_vm::value::PyObject;
use ferropy_vm::PyErr;
use ferropy_vm::{Value, Vm};

/// What `replProcessChar` returns after a soft reset or `sys.exit()` (MicroPython's
/// `PYEXEC_FORCED_EXIT`); 0 otherwise.
pub const FORCED_EXIT: i32 = 0x100;

/// The REPL engine of one interpreter.
#[derive(Default)]
pub struct Repl {
    engine: Engine,
}

impl Repl {
    /// Print the banner and the first prompt (a fresh line editor).
    pub fn init(&mut self, vm: &mut Vm) {
        self.engine = Engine::new();
        self.engine.set_machine("ferropy with webassembly");
        self.engine.start(vm);
    }

    /// Handle one input byte, running typed code to completion; returns [`FORCED_EXIT`] when it
    /// caused a soft reset, else 0.
    pub fn process_byte(&mut self, vm: &mut Vm, c: u8) -> i32 {
        self.engine.set_resumable(false);
        let ev = self.engine.feed(vm, c);
        // A suspension (only possible for code started by `process_byte_async`, which Ctrl-C
        // resumed here) leaves that code suspended: 0.
        self.finish(vm, ev).unwrap_or(0)
    }

    /// Handle one input byte, running typed code resumably: `Ok` with 0 or [`FORCED_EXIT`] when
    /// it finished, `Err` with the reason when the code is suspended (continue with `resume`).
    /// While suspended, Ctrl-C interrupts the code and other bytes are ignored.
    pub fn process_byte_async(&mut self, vm: &mut Vm, c: u8) -> Result<i32, Suspend> {
        self.engine.set_resumable(true);
        let ev = self.engine.feed(vm, c);
        self.finish(vm, ev)
    }

    /// True while code typed at the REPL is suspended.
    pub fn is_suspended(&self) -> bool {
        self.engine.is_suspended()
    }

    /// Continue the suspended code with a value (`Ok`) or by raising an exception (`Err`);
    /// returns as `process_byte_async` does.
    pub fn resume(&mut self, vm: &mut Vm, v: Result<Value, PyErr>) -> Result<i32, Suspend> {
        let ev = match v {
            Ok(v) => self.engine.resume(vm, v),
            Err(e) => self.engine.resume_throw(vm, e.0),
        };
        self.finish(vm, ev)
    }

    fn finish(&mut self, vm: &mut Vm, ev: ReplEvent) -> Result<i32, Suspend> {
        match ev {
            ReplEvent::None => Ok(0),
            ReplEvent::Suspended(why) => Err(why),
            ReplEvent::SoftReset | ReplEvent::Exit(_) => {
                clear_main(vm);
                self.engine.soft_reboot(vm);
                Ok(FORCED_EXIT)
            }
        }
    }
}

/// Forget the user's variables in `__main__` (what a fresh interpreter would have).
fn clear_main(vm: &mut Vm) {
    let d = vm.main_dict();
    let PyObject::Dict(dd) = &*d else {
        return;
    };
    let keys: Vec<ferropy_vm::value::Str> = dd
        .borrow()
        .keys()
        .into_iter()
        .filter_map(|k| match k {
            Value::Str(s) if !s.as_str().starts_with("__") => Some(s),
            _ => None,
        })
        .collect();
    for k in keys {
        let old = dd.borrow_mut().remove_name(&k);
        drop(old);
    }
}
