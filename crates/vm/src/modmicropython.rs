//! The `micropython` module: `const`, `opt_level`, `mem_info`, `qstr_info`, `stack_use`,
//! `heap_lock`/`heap_unlock`/`heap_locked`, `kbd_intr`, `schedule` and
//! `alloc_emergency_exception_buf`.
//!
//! Its state (optimisation level, heap-lock depth, the queue of scheduled callbacks) lives in a
//! hidden per-VM object; [`heap_locked`] and [`run_scheduled`] are the hooks the allocator and the
//! dispatch loop use.

use alloc::collections::VecDeque;
use alloc::format;

use crate::attr::dict_of;
use crate::exceptions::ExcKind;
use crate::modbuiltins::{builtin_fn, check_args};
use crate::value::{NativeFn, Obj, PyObject, Str, Value};
use crate::vm::Vm;
use crate::PyResult;

/// Maximum number of pending `schedule`d callbacks (MicroPython's `MICROPY_SCHEDULER_DEPTH`).
pub const SCHEDULE_DEPTH: usize = 8;

/// The module's per-VM state.
#[derive(Default)]
struct MpState {
    opt_level: i64,
    queue: VecDeque<(Value, Value)>,
}

fn with_state<R>(vm: &mut Vm, f: impl FnOnce(&mut MpState) -> R) -> R {
    let o = crate::vfs::hidden_state::<MpState>(vm, " micropython");
    if let PyObject::Native(n) = &*o {
        if let Some(st) = n.data.borrow_mut().downcast_mut::<MpState>() {
            return f(st);
        }
    }
    f(&mut MpState::default())
}

/// Is the heap locked (`micropython.heap_lock()`)? While it is, creating objects raises
/// MemoryError (see [`Vm::heap_check`]).
pub fn heap_locked(vm: &mut Vm) -> bool {
    vm.heap_lock > 0
}

/// MicroPython's message for an allocation refused while the heap is locked.
pub const HEAP_LOCKED_MSG: &str = "memory allocation failed, heap is locked";

impl Vm {
    /// Call before creating or growing a Python-visible object (a list, tuple, dict, set,
    /// bytearray, memoryview, slice, view...): while `micropython.heap_lock()` is in force this
    /// is MemoryError, as in MicroPython where every heap allocation then fails. Costs one
    /// compare when the heap is not locked. Objects the interpreter needs to run code (frames,
    /// iterators of `for` loops, bound methods, `super()`, exceptions and tracebacks) are not
    /// checked: MicroPython makes those without the heap (on the C stack, or from its emergency
    /// exception buffer).
    #[inline]
    pub fn heap_check(&mut self) -> PyResult<()> {
        if self.heap_lock == 0 {
            Ok(())
        } else {
            Err(self.heap_locked_error())
        }
    }

    /// `heap_check` when the list, bytearray... `v` must grow by `extra` items: only a growth
    /// past the capacity allocates (as MicroPython's realloc of the items array).
    #[inline]
    pub fn heap_check_grow<T>(&mut self, v: &alloc::vec::Vec<T>, extra: usize) -> PyResult<()> {
        if self.heap_lock == 0 || v.capacity() - v.len() >= extra {
            Ok(())
        } else {
            Err(self.heap_locked_error())
        }
    }

    #[cold]
    #[inline(never)]
    fn heap_locked_error(&mut self) -> crate::PyErr {
        self.err(ExcKind::MemoryError, HEAP_LOCKED_MSG)
    }
}

/// Run the callbacks queued by `micropython.schedule`, oldest first. An exception from one stops
/// the run (the rest stay queued) and propagates, as in MicroPython.
pub fn run_scheduled(vm: &mut Vm) -> PyResult<()> {
    while let Some((f, arg)) = with_state(vm, |st| st.queue.pop_front()) {
        vm.call(&f, &[arg])?;
    }
    Ok(())
}

/// The optimisation level code is compiled at (`micropython.opt_level()`), clamped to 0..=3.
pub fn opt_level_of(vm: &mut Vm) -> u8 {
    with_state(vm, |st| st.opt_level.clamp(0, 3) as u8)
}

/// Set the optimisation level (the command line's `-O`).
pub fn set_opt_level(vm: &mut Vm, level: i64) {
    with_state(vm, |st| st.opt_level = level);
}

fn const_(vm: &mut Vm, args: &[Value], _kw: &[(Str, Value)]) -> PyResult {
    check_args(vm, "const", args, 1, 1)?;
    Ok(args[0].clone())
}

fn opt_level(vm: &mut Vm, args: &[Value], _kw: &[(Str, Value)]) -> PyResult {
    check_args(vm, "opt_level", args, 0, 1)?;
    match args.first() {
        None => Ok(Value::Int(with_state(vm, |st| st.opt_level))),
        Some(v) => {
            let n = vm.to_index(v)?;
            with_state(vm, |st| st.opt_level = n);
            Ok(Value::None)
        }
    }
}

fn stack_bytes(vm: &Vm) -> usize {
    (vm.frames.len() + 1) * core::mem::size_of::<crate::frame::Frame>()
}

fn mem_info(vm: &mut Vm, args: &[Value], _kw: &[(Str, Value)]) -> PyResult {
    check_args(vm, "mem_info", args, 0, 1)?;
    let used = vm.heap_used();
    let total = vm.heap.limit;
    let free = total.saturating_sub(used);
    let stack_limit = vm.config.recursion_limit * core::mem::size_of::<crate::frame::Frame>();
    let mut out = format!(
        "stack: {} out of {}\nGC: total: {}, used: {}, free: {}\n",
        stack_bytes(vm),
        stack_limit,
        total,
        used,
        free
    );
    out.push_str(&format!(
        " No. of tracked objects: {}, collections: {}\n",
        vm.heap.tracked_len(),
        vm.heap.collections
    ));
    if !args.is_empty() {
        out.push_str(&format!(
            " frames: {}, interned names: {}, last collection freed: {}\n",
            vm.frames.len(),
            vm.interner.len(),
            vm.heap.last_freed
        ));
    }
    vm.write_stdout(&out);
    Ok(Value::None)
}

fn qstr_info(vm: &mut Vm, args: &[Value], _kw: &[(Str, Value)]) -> PyResult {
    check_args(vm, "qstr_info", args, 0, 1)?;
    let s = format!("qstr pool: n_pool=1, n_qstr={}\n", vm.interner.len());
    vm.write_stdout(&s);
    Ok(Value::None)
}

fn stack_use(vm: &mut Vm, _args: &[Value], _kw: &[(Str, Value)]) -> PyResult {
    Ok(Value::Int(stack_bytes(vm) as i64))
}

fn heap_lock(vm: &mut Vm, _args: &[Value], _kw: &[(Str, Value)]) -> PyResult {
    vm.heap_lock = vm.heap_lock.saturating_add(1);
    Ok(Value::None)
}

fn heap_unlock(vm: &mut Vm, _args: &[Value], _kw: &[(Str, Value)]) -> PyResult {
    vm.heap_lock = vm.heap_lock.saturating_sub(1);
    Ok(Value::Int(i64::from(vm.heap_lock)))
}

fn heap_locked_fn(vm: &mut Vm, _args: &[Value], _kw: &[(Str, Value)]) -> PyResult {
    Ok(Value::Int(i64::from(vm.heap_lock)))
}

fn kbd_intr(vm: &mut Vm, args: &[Value], _kw: &[(Str, Value)]) -> PyResult {
    check_args(vm, "kbd_intr", args, 1, 1)?;
    let c = vm.to_index(&args[0])?;
    vm.kbd_intr_enabled = c != -1;
    Ok(Value::None)
}

fn schedule(vm: &mut Vm, args: &[Value], _kw: &[(Str, Value)]) -> PyResult {
    check_args(vm, "schedule", args, 2, 2)?;
    let pushed = with_state(vm, |st| {
        if st.queue.len() >= SCHEDULE_DEPTH {
            false
        } else {
            st.queue.push_back((args[0].clone(), args[1].clone()));
            true
        }
    });
    if !pushed {
        return Err(vm.err(ExcKind::RuntimeError, "schedule queue full"));
    }
    vm.sched_pending = true;
    Ok(Value::None)
}

fn nothing(_vm: &mut Vm, _args: &[Value], _kw: &[(Str, Value)]) -> PyResult {
    Ok(Value::None)
}

/// Create the `micropython` module.
pub fn init_module(vm: &mut Vm) -> PyResult<Obj> {
    let m = vm.new_module("micropython");
    let fns: &[(&'static str, NativeFn)] = &[
        ("const", const_),
        ("opt_level", opt_level),
        ("mem_info", mem_info),
        ("qstr_info", qstr_info),
        ("stack_use", stack_use),
        ("heap_lock", heap_lock),
        ("heap_unlock", heap_unlock),
        ("heap_locked", heap_locked_fn),
        ("kbd_intr", kbd_intr),
        ("schedule", schedule),
        ("alloc_emergency_exception_buf", nothing),
    ];
    if let PyObject::Module(mm) = &*m {
        if let Some(d) = dict_of(&mm.dict) {
            let mut d = d.borrow_mut();
            for (name, f) in fns {
                d.set_str(name, builtin_fn(name, *f));
            }
        }
    }
    Ok(m)
}
