//! The `micropython` module: `const`, `opt_level`, `mem_info`, `qstr_info`, `stack_use`,
//! `heap_lock`/`heap_unlock`/`heap_locked`, `kbd_intr`, `schedule`,
//! `alloc_emergency_exception_buf` and the `RingIO` stream.
//!
//! Its state (optimisation level, heap-lock depth, the queue of scheduled callbacks) lives in a
//! hidden per-VM object; [`heap_locked`] and [`run_scheduled`] are the hooks the allocator and the
//! dispatch loop use.

use alloc::boxed::Box;
use alloc::collections::VecDeque;
use alloc::format;
use alloc::string::String;
use alloc::vec::Vec;
use core::cell::RefCell;

use crate::attr::dict_of;
use crate::exceptions::ExcKind;
use crate::modbuiltins::{builtin_fn, check_args};
use crate::types;
use crate::value::{Layout, NativeFn, NativeObj, Obj, PyObject, Str, Value};
use crate::vm::Vm;
use crate::PyResult;

/// Maximum number of pending `schedule`d callbacks (MicroPython's `MICROPY_SCHEDULER_DEPTH`).
pub const SCHEDULE_DEPTH: usize = 8;

/// The module's per-VM state.
#[derive(Default)]
struct MpState {
    opt_level: i64,
    queue: VecDeque<(Value, Value)>,
    /// A scheduled callback is running: the scheduler is locked (callbacks it schedules wait
    /// until it returns, as in MicroPython).
    running: bool,
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
    if with_state(vm, |st| core::mem::replace(&mut st.running, true)) {
        // Called from inside a callback: the outer call goes on with the queue.
        vm.sched_pending = true;
        return Ok(());
    }
    let mut r = Ok(());
    while let Some((f, arg)) = with_state(vm, |st| st.queue.pop_front()) {
        if let Err(e) = vm.call(&f, &[arg]) {
            r = Err(e);
            break;
        }
    }
    with_state(vm, |st| st.running = false);
    if with_state(vm, |st| !st.queue.is_empty()) {
        vm.sched_pending = true;
    }
    r
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

/// MicroPython's allocation unit (`BYTES_PER_BLOCK`: four machine words), used to express
/// object sizes as blocks in `mem_info()`.
const BLOCK: usize = 4 * core::mem::size_of::<usize>();

/// An estimate of the heap bytes a container object holds: the object itself plus its
/// element storage.
fn object_bytes(o: &PyObject) -> usize {
    let word = core::mem::size_of::<Value>();
    let base = core::mem::size_of::<PyObject>() + 2 * core::mem::size_of::<usize>();
    let extra = match o {
        PyObject::List(l) => l.try_borrow().map_or(0, |l| l.capacity() * word),
        PyObject::Tuple(t) => t.len() * word,
        PyObject::Dict(d) => d.try_borrow().map_or(0, |d| d.len() * 3 * word),
        PyObject::ByteArray(b) => b.try_borrow().map_or(0, |b| b.capacity()),
        PyObject::Bytes(b) => b.len(),
        _ => 0,
    };
    base + extra
}

/// Per kind of live container: (kind, count, estimated bytes), largest first.
fn census(vm: &Vm) -> Vec<(&'static str, usize, usize)> {
    let mut out: Vec<(&'static str, usize, usize)> = Vec::new();
    for o in vm.heap.live_objects() {
        let kind = o.kind_name();
        let bytes = object_bytes(&o);
        match out.iter_mut().find(|e| e.0 == kind) {
            Some(e) => {
                e.1 += 1;
                e.2 += bytes;
            }
            None => out.push((kind, 1, bytes)),
        }
    }
    out.sort_by(|a, b| b.2.cmp(&a.2).then(a.0.cmp(b.0)));
    out
}

/// `micropython.mem_info([verbose])` in MicroPython's layout: the allocator's totals (when the
/// port keeps them), the stack, the heap (`gc.mem_alloc()`/`gc.mem_free()` are its `used` and
/// `free`) and block statistics of the live container objects (sizes in MicroPython's blocks);
/// verbose adds the live containers by kind.
fn mem_info(vm: &mut Vm, args: &[Value], _kw: &[(Str, Value)]) -> PyResult {
    check_args(vm, "mem_info", args, 0, 1)?;
    let used = vm.heap_used();
    let total = vm.heap.limit;
    let free = total.saturating_sub(used);
    let stack_limit = vm.config.recursion_limit * core::mem::size_of::<crate::frame::Frame>();
    let mut out = String::new();
    if let Some((all, peak)) = vm.port.heap_stats() {
        out.push_str(&format!(
            "mem: total={}, current={}, peak={}\n",
            all,
            used,
            peak.max(used)
        ));
    }
    out.push_str(&format!(
        "stack: {} out of {}\nGC: total: {}, used: {}, free: {}\n",
        stack_bytes(vm),
        stack_limit,
        total,
        used,
        free
    ));
    let (mut one, mut two, mut max_blocks) = (0usize, 0usize, 0usize);
    for o in vm.heap.live_objects() {
        let blocks = object_bytes(&o).div_ceil(BLOCK);
        match blocks {
            1 => one += 1,
            2 => two += 1,
            _ => {}
        }
        max_blocks = max_blocks.max(blocks);
    }
    out.push_str(&format!(
        " No. of 1-blocks: {}, 2-blocks: {}, max blk sz: {}, max free sz: {}\n",
        one,
        two,
        max_blocks,
        free / BLOCK
    ));
    if args.first().is_some_and(|v| !v.is_none()) {
        let at = &vm.heap as *const crate::gc::Heap as usize;
        out.push_str(&format!("GC memory layout; from {:x}:\n", at));
        out.push_str(&format!(
            " collections: {}, last freed: {}, frames: {}\n",
            vm.heap.collections,
            vm.heap.last_freed,
            vm.frames.len()
        ));
        for (kind, n, bytes) in census(vm) {
            out.push_str(&format!(
                " {:>8} {:<20} {} blocks\n",
                n,
                kind,
                bytes.div_ceil(BLOCK)
            ));
        }
    }
    vm.write_stdout(&out);
    Ok(Value::None)
}

/// `micropython.mem_total()`: bytes allocated since the start (the port's allocator count).
fn mem_total(vm: &mut Vm, _args: &[Value], _kw: &[(Str, Value)]) -> PyResult {
    let (all, _) = vm.port.heap_stats().unwrap_or((0, 0));
    Ok(Value::Int(all.min(i64::MAX as usize) as i64))
}

/// `micropython.mem_current()`: bytes allocated now (`gc.mem_alloc()`).
fn mem_current(vm: &mut Vm, _args: &[Value], _kw: &[(Str, Value)]) -> PyResult {
    Ok(Value::Int(vm.heap_used().min(i64::MAX as usize) as i64))
}

/// `micropython.mem_peak()`: the most bytes allocated at once.
fn mem_peak(vm: &mut Vm, _args: &[Value], _kw: &[(Str, Value)]) -> PyResult {
    let (_, peak) = vm.port.heap_stats().unwrap_or((0, 0));
    let used = vm.heap_used();
    Ok(Value::Int(peak.max(used).min(i64::MAX as usize) as i64))
}

/// `micropython.qstr_info([verbose])`: the interned names (MicroPython's qstr pool), and with
/// verbose each name as `Q(name)`.
fn qstr_info(vm: &mut Vm, args: &[Value], _kw: &[(Str, Value)]) -> PyResult {
    check_args(vm, "qstr_info", args, 0, 1)?;
    let n = vm.interner.len();
    let data: usize = vm.interner.names().map(|s| s.len() + 1).sum();
    let overhead = core::mem::size_of::<crate::value::PyStr>() + 2 * core::mem::size_of::<usize>();
    let mut out = format!(
        "qstr pool: n_pool=1, n_qstr={}, n_str_data_bytes={}, n_total_bytes={}\n",
        n,
        data,
        data + n * overhead
    );
    if args.first().is_some_and(|v| !v.is_none()) {
        for name in vm.interner.names() {
            out.push_str("Q(");
            out.push_str(name);
            out.push_str(")\n");
        }
    }
    vm.write_stdout(&out);
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
    // Make the dispatch loop's next tick do its periodic work, which runs the queue.
    vm.ticks |= crate::vm::PERIODIC_MASK;
    Ok(Value::None)
}

fn nothing(_vm: &mut Vm, _args: &[Value], _kw: &[(Str, Value)]) -> PyResult {
    Ok(Value::None)
}

/// A `micropython.RingIO`: a byte FIFO of fixed capacity with the stream methods (and the poll
/// ioctl, so asyncio streams can wait on it).
struct RingIO {
    data: VecDeque<u8>,
    cap: usize,
}

/// The stream ioctl request asking for readiness (MicroPython's `MP_STREAM_POLL`).
const MP_STREAM_POLL: i64 = 3;
/// The stream ioctl request closing the stream (`MP_STREAM_CLOSE`).
const MP_STREAM_CLOSE: i64 = 4;

fn with_ring<R>(vm: &mut Vm, v: &Value, f: impl FnOnce(&mut RingIO) -> R) -> PyResult<R> {
    if let Value::Obj(o) = v {
        if let PyObject::Native(n) = &**o {
            if let Some(r) = n.data.borrow_mut().downcast_mut::<RingIO>() {
                return Ok(f(r));
            }
        }
    }
    Err(vm.type_error("descriptor requires a 'RingIO' object"))
}

/// An optional size argument: None, absent or negative mean "everything".
fn opt_size(vm: &mut Vm, v: Option<&Value>) -> PyResult<usize> {
    match v {
        None | Some(Value::None) => Ok(usize::MAX),
        Some(v) => {
            let n = vm.to_index(v)?;
            Ok(usize::try_from(n).unwrap_or(usize::MAX))
        }
    }
}

fn ring_new(vm: &mut Vm, args: &[Value], _kw: &[(Str, Value)]) -> PyResult {
    check_args(vm, "RingIO", args, 2, 2)?;
    let cls = match &args[0] {
        Value::Obj(c) => c.clone(),
        _ => return Err(vm.type_error("RingIO.__new__(X): X is not a type object")),
    };
    let cap = match &args[1] {
        Value::Int(_) | Value::Bool(_) => {
            let n = vm.to_index(&args[1])?;
            usize::try_from(n).map_err(|_| vm.value_error("size must be positive"))?
        }
        // A buffer gives the storage size; MicroPython keeps one byte of it free.
        v => match crate::objbytes::bytes_data(v) {
            Some(b) => b.len().saturating_sub(1),
            None => {
                let tn = vm.type_name(v);
                return Err(vm.type_error(format!("can't convert {} to int", tn)));
            }
        },
    };
    vm.heap_check()?;
    let ring = RingIO {
        data: VecDeque::with_capacity(cap.min(1 << 20)),
        cap,
    };
    Ok(Value::Obj(vm.alloc(PyObject::Native(NativeObj {
        class: cls,
        data: RefCell::new(Box::new(ring)),
    }))))
}

fn ring_any(vm: &mut Vm, args: &[Value], _kw: &[(Str, Value)]) -> PyResult {
    check_args(vm, "any", args, 1, 1)?;
    let n = with_ring(vm, &args[0], |r| r.data.len())?;
    Ok(Value::Int(n as i64))
}

fn ring_read(vm: &mut Vm, args: &[Value], _kw: &[(Str, Value)]) -> PyResult {
    check_args(vm, "read", args, 1, 2)?;
    let n = opt_size(vm, args.get(1))?;
    let out: Vec<u8> = with_ring(vm, &args[0], |r| {
        let k = n.min(r.data.len());
        r.data.drain(..k).collect()
    })?;
    Ok(Value::bytes_vec(out))
}

fn ring_readline(vm: &mut Vm, args: &[Value], _kw: &[(Str, Value)]) -> PyResult {
    check_args(vm, "readline", args, 1, 2)?;
    let n = opt_size(vm, args.get(1))?;
    let out: Vec<u8> = with_ring(vm, &args[0], |r| {
        let end = r
            .data
            .iter()
            .position(|&b| b == b'\n')
            .map_or(r.data.len(), |p| p + 1);
        r.data.drain(..end.min(n)).collect()
    })?;
    Ok(Value::bytes_vec(out))
}

fn ring_readinto(vm: &mut Vm, args: &[Value], _kw: &[(Str, Value)]) -> PyResult {
    check_args(vm, "readinto", args, 2, 3)?;
    let room = vm.len(&args[1])?;
    let n = opt_size(vm, args.get(2))?.min(room);
    let out: Vec<u8> = with_ring(vm, &args[0], |r| {
        let k = n.min(r.data.len());
        r.data.drain(..k).collect()
    })?;
    let k = out.len();
    let sl = Value::Obj(vm.alloc(PyObject::Slice(
        Value::Int(0),
        Value::Int(k as i64),
        Value::None,
    )));
    vm.setitem(&args[1], &sl, Value::bytes_vec(out))?;
    Ok(Value::Int(k as i64))
}

fn ring_write(vm: &mut Vm, args: &[Value], _kw: &[(Str, Value)]) -> PyResult {
    check_args(vm, "write", args, 2, 2)?;
    let Some(data) = crate::objbytes::bytes_data(&args[1]) else {
        let tn = vm.type_name(&args[1]);
        return Err(vm.type_error(format!(
            "object with buffer protocol required, not '{}'",
            tn
        )));
    };
    let n = with_ring(vm, &args[0], |r| {
        let k = data.len().min(r.cap - r.data.len());
        r.data.extend(&data[..k]);
        k
    })?;
    Ok(Value::Int(n as i64))
}

fn ring_close(vm: &mut Vm, args: &[Value], _kw: &[(Str, Value)]) -> PyResult {
    check_args(vm, "close", args, 1, 1)?;
    Ok(Value::None)
}

fn ring_ioctl(vm: &mut Vm, args: &[Value], _kw: &[(Str, Value)]) -> PyResult {
    check_args(vm, "ioctl", args, 3, 3)?;
    let req = vm.to_index(&args[1])?;
    match req {
        MP_STREAM_POLL => {
            let events = vm.to_index(&args[2])?;
            let (used, free) = with_ring(vm, &args[0], |r| (r.data.len(), r.cap - r.data.len()))?;
            let mut ready = 0;
            if used > 0 {
                ready |= 0x0001;
            }
            if free > 0 {
                ready |= 0x0004;
            }
            Ok(Value::Int(ready & events))
        }
        MP_STREAM_CLOSE => Ok(Value::Int(0)),
        // EINVAL, as MicroPython answers requests a stream does not know.
        _ => Ok(Value::Int(-22)),
    }
}

fn ring_repr(_vm: &mut Vm, _args: &[Value], _kw: &[(Str, Value)]) -> PyResult {
    Ok(Value::str("<RingIO>"))
}

fn ring_class(vm: &mut Vm) -> Obj {
    let cls = types::new_type(
        "RingIO",
        alloc::vec![vm.types.object.clone()],
        Layout::Other,
        false,
    );
    types::set_attr(&cls, "__module__", Value::str("micropython"));
    types::add_static_methods(&cls, &[("__new__", ring_new)]);
    types::add_methods(
        &cls,
        &[
            ("any", ring_any),
            ("read", ring_read),
            ("readline", ring_readline),
            ("readinto", ring_readinto),
            ("write", ring_write),
            ("close", ring_close),
            ("ioctl", ring_ioctl),
            ("__repr__", ring_repr),
        ],
    );
    cls
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
            drop(d);
            let ring = ring_class(vm);
            let stats = vm.port.heap_stats().is_some();
            if let Some(d) = dict_of(&mm.dict) {
                let mut d = d.borrow_mut();
                d.set_str("RingIO", Value::Obj(ring));
                // MicroPython's MICROPY_MEM_STATS functions, where the port keeps the figures.
                if stats {
                    let stat_fns: [(&'static str, NativeFn); 3] = [
                        ("mem_total", mem_total),
                        ("mem_current", mem_current),
                        ("mem_peak", mem_peak),
                    ];
                    for (name, f) in stat_fns {
                        d.set_str(name, builtin_fn(name, f));
                    }
                }
            }
        }
    }
    Ok(m)
}

#[cfg(test)]
mod tests {
    use alloc::boxed::Box;
    use alloc::rc::Rc;
    use alloc::string::String;
    use core::cell::RefCell;

    use crate::embed::RunState;
    use crate::vm::Vm;

    /// A port with allocator statistics whose output the test reads.
    struct StatsPort(Rc<RefCell<alloc::vec::Vec<u8>>>);

    impl crate::port::Port for StatsPort {
        fn write_stdout(&mut self, data: &[u8]) {
            self.0.borrow_mut().extend_from_slice(data);
        }
        fn heap_used(&self) -> Option<usize> {
            Some(5000)
        }
        fn heap_stats(&self) -> Option<(usize, usize)> {
            Some((90_000, 7000))
        }
    }

    fn run(src: &str) -> String {
        let out = Rc::new(RefCell::new(alloc::vec::Vec::new()));
        let cfg = crate::VmConfig {
            heap_size: 64 * 1024,
            ..Default::default()
        };
        let mut vm = Vm::new(cfg, Box::new(StatsPort(out.clone())));
        let st = vm.start(src, "<t>", false);
        assert!(matches!(st, Ok(RunState::Finished(_))));
        let s = String::from_utf8_lossy(&out.borrow()).into_owned();
        drop(vm);
        s
    }

    #[test]
    fn mem_info_uses_micropythons_layout_and_gc_numbers() {
        let s = run("import micropython, gc\nx = [[1], [2]]\nmicropython.mem_info()\nprint(gc.mem_alloc(), gc.mem_free())\n");
        let lines: alloc::vec::Vec<&str> = s.lines().collect();
        assert_eq!(lines[0], "mem: total=90000, current=5000, peak=7000");
        assert!(lines[1].starts_with("stack: "));
        assert_eq!(lines[2], "GC: total: 65536, used: 5000, free: 60536");
        assert!(lines[3].starts_with(" No. of 1-blocks: "));
        assert!(lines[3].ends_with(&alloc::format!("max free sz: {}", 60536 / super::BLOCK)));
        assert_eq!(lines[4], "5000 60536");
    }

    #[test]
    fn mem_stats_functions_follow_the_port() {
        let s = run("import micropython\nprint(micropython.mem_total(), micropython.mem_current(), micropython.mem_peak())\n");
        assert_eq!(s, "90000 5000 7000\n");
    }

    #[test]
    fn verbose_forms_list_containers_and_names() {
        let s = run("import micropython\nmicropython.mem_info(1)\nmicropython.qstr_info(1)\n");
        assert!(s.contains("GC memory layout; from "));
        assert!(s.contains(" module "));
        assert!(s.contains("qstr pool: n_pool=1, n_qstr="));
        assert!(s.contains("\nQ(micropython)\n"));
    }
}
