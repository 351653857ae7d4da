//! The REPL behind `replInit`/`replProcessChar`: the VM's port-independent engine
//! ([`ferropy_vm::repl::Repl`]: MicroPython's friendly REPL with prompts, auto-indent, history,
//! tab completion and paste mode, plus the raw and raw-paste protocols), fed byte by byte, so a
//! terminal in the page sees exactly the bytes a MicroPython board sends over its serial line.
//!
//! Code typed at the REPL runs synchronously (as on a board). In a Web Worker, `input()` can
//! block on a `SharedArrayBuffer` and Ctrl-C arrives through the interrupt buffer
//! (`Engine::setInterruptBuffer`); a soft reset (Ctrl-D) clears `__main__` and greets again.

use ferropy_vm::repl::{Repl as Engine, ReplEvent};
use ferropy_vm::value::PyObject;
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

    /// Handle one input byte; returns [`FORCED_EXIT`] when it caused a soft reset, else 0.
    pub fn process_byte(&mut self, vm: &mut Vm, c: u8) -> i32 {
        match self.engine.feed(vm, c) {
            ReplEvent::None => 0,
            ReplEvent::SoftReset | ReplEvent::Exit(_) => {
                clear_main(vm);
                self.engine.soft_reboot(vm);
                FORCED_EXIT
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
