//! Work the VM owes objects that Rust dropped: a `Drop` cannot run Python code or reach the
//! port, so dropped objects leave their last duties here and the VM does them at its next safe
//! point (`break`, `del`, a store to a global, a function return, the periodic checks,
//! `gc.collect()`). Two kinds: generators suspended inside `try`/`with` blocks, which CPython
//! closes when their last reference goes (their `finally` clauses run), and file objects dropped
//! with unwritten bytes, which CPython flushes and closes (`open(p, "w").write(s)` loses nothing).

use alloc::format;
use alloc::string::String;
use alloc::vec::Vec;
use core::cell::{Cell, RefCell};

use crate::value::{Generator, PyObject, Value};
use crate::vm::Vm;

/// A file write left behind by a dropped file object.
pub struct PendingWrite {
    /// The file's path.
    pub path: String,
    /// The bytes to write.
    pub data: Vec<u8>,
    /// Append them (true) or replace the file's contents (false).
    pub append: bool,
}

/// The queue of duties left by dropped objects (one per VM; objects hold a `Weak` to it).
#[derive(Default)]
pub struct Finalizers {
    gens: RefCell<Vec<Generator>>,
    writes: RefCell<Vec<PendingWrite>>,
    pending: Cell<bool>,
}

impl Finalizers {
    /// True when dropped objects are waiting for their finalization.
    #[inline]
    pub fn pending(&self) -> bool {
        self.pending.get()
    }

    /// Queue a dropped generator to be closed; false if the queue is busy (being drained).
    pub fn push_generator(&self, g: Generator) -> bool {
        match self.gens.try_borrow_mut() {
            Ok(mut q) => {
                q.push(g);
                self.pending.set(true);
                true
            }
            Err(_) => false,
        }
    }

    /// Queue a dropped file's unwritten bytes.
    pub fn push_write(&self, w: PendingWrite) {
        if let Ok(mut q) = self.writes.try_borrow_mut() {
            q.push(w);
            self.pending.set(true);
        }
    }
}

/// Do every queued duty: write dropped files' bytes, then close dropped generators. An
/// exception escaping a generator's `close()` is reported on stderr as CPython does
/// ("Exception ignored in: ...") and otherwise ignored; so is a failed write.
pub fn run_finalizers(vm: &mut Vm) {
    vm.finalizers.pending.set(false);
    loop {
        let w = vm.finalizers.writes.borrow_mut().pop();
        let Some(w) = w else { break };
        if let Err(e) = crate::vfs::write_file(vm, &w.path, &w.data, w.append) {
            vm.write_stderr(&format!(
                "Exception ignored while closing file {:?}\n",
                w.path
            ));
            vm.print_exception(&e.0);
        }
    }
    loop {
        let g = vm.finalizers.gens.borrow_mut().pop();
        let Some(g) = g else { break };
        let gen = Value::Obj(vm.alloc(PyObject::Generator(RefCell::new(g))));
        if let Err(e) = crate::objgen::close(vm, &gen) {
            let what = vm
                .repr_string(&gen)
                .unwrap_or_else(|_| String::from("<generator>"));
            vm.write_stderr(&format!("Exception ignored in: {}\n", what));
            vm.print_exception(&e.0);
        }
    }
}
