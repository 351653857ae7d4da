//! The virtual machine: its state (types, modules, frames, heap) and the object-protocol helpers
//! that natives use (`call`, `getattr`, `repr`, `hash`, `eq`, `iter`, ...). The dispatch loop is in
//! `eval.rs`, calls in `call.rs`, operators in `ops.rs`, attributes in `attr.rs`.

use alloc::boxed::Box;
use alloc::format;
use alloc::rc::Rc;
use alloc::string::String;
use alloc::vec;
use alloc::vec::Vec;
use core::cell::RefCell;

use crate::dict::Dict;
use crate::exceptions::{new_exc_state, ExcKind, EXC_TABLE};
use crate::frame::Frame;
use crate::gc::Heap;
use crate::interner::Interner;
use crate::objset::Set;
use crate::port::Port;
use crate::types::{self, BuiltinTypes};
use crate::value::{Instance, IterState, Layout, Obj, PyObject, Str, Value};
use crate::{PyErr, PyResult};

/// Settings chosen by the embedder.
#[derive(Clone, Debug)]
pub struct VmConfig {
    /// Heap limit in bytes (MemoryError past it, after a collection).
    pub heap_size: usize,
    /// Maximum Python call depth (RecursionError past it).
    pub recursion_limit: usize,
    /// Maximum depth of native re-entry (repr, comparison, json of nested containers; calls
    /// from natives back into Python) before RecursionError: it protects the host's machine
    /// stack, so a port with a small one (the browser's JS engine) sets it lower.
    pub native_depth_limit: usize,
    /// `sys.argv`.
    pub argv: Vec<String>,
    /// `sys.path` entries.
    pub path: Vec<String>,
}

impl Default for VmConfig {
    fn default() -> Self {
        VmConfig {
            heap_size: 256 * 1024 * 1024,
            recursion_limit: 1000,
            native_depth_limit: MAX_NATIVE_DEPTH,
            argv: Vec::new(),
            path: vec![String::new()],
        }
    }
}

/// The dispatch loop does its periodic work (Ctrl-C, finalizers, scheduled callbacks, GC) once
/// every `PERIODIC_MASK + 1` ticks.
pub(crate) const PERIODIC_MASK: u32 = 0x3ff;

/// The interpreter state.
pub struct Vm {
    /// The built-in types.
    pub types: BuiltinTypes,
    /// The built-in exception classes, indexed by `ExcKind as usize`.
    pub exc: Vec<Obj>,
    /// Interned names.
    pub interner: Interner,
    /// The `builtins` module namespace (a dict object).
    pub builtins: Obj,
    /// `sys.modules` (a dict object).
    pub modules: Obj,
    /// Frames of callers waiting for the running frame(s); see eval.rs.
    pub frames: Vec<Box<Frame>>,
    /// The exception currently being handled (`sys.exc_info()`), if any.
    pub handled: Option<Value>,
    /// Object tracking and the cycle collector.
    pub heap: Heap,
    /// Settings.
    pub config: VmConfig,
    /// The platform.
    pub port: Box<dyn Port>,
    /// Depth of Rust-level re-entry (natives calling back into Python, nested reprs...).
    pub native_depth: usize,
    /// The frame that made the current native call (for `globals()`, `locals()`, ...); only valid
    /// during that call.
    pub(crate) caller_frame: *const Frame,
    /// Counter for periodic checks (interrupts, GC) in the dispatch loop: they run when
    /// `ticks & PERIODIC_MASK` wraps to 0.
    pub(crate) ticks: u32,
    /// Pending `micropython.schedule` callbacks and similar hooks could go here.
    pub(crate) kbd_intr_enabled: bool,
    /// The StopIteration a user `__next__` raised to end an iteration that `Vm::next` reported
    /// as exhaustion: `next()` re-raises it so its arguments survive built-in iterators.
    pub(crate) pending_stop: Option<Value>,
    /// Native module initialisers by name (`import math` creates the module on first import).
    pub native_modules: Vec<(&'static str, fn(&mut Vm) -> PyResult<Obj>)>,
    /// Native modules already created, by name: built-in modules are singletons (as in
    /// MicroPython), so importing one again after `sys.modules` lost it gives the same object.
    pub(crate) native_loaded: Vec<(&'static str, Obj)>,
    /// Frozen Python module sources by name.
    pub frozen_modules: Vec<(&'static str, &'static str)>,
    /// Ids of containers whose repr is in progress (to print `[...]` for cycles).
    pub(crate) repr_stack: Vec<usize>,
    /// A suspension requested by a native (sleep, input, await) or by the instruction budget.
    pub(crate) suspend_request: Option<crate::embed::Suspend>,
    /// Whether resuming pushes the resume value (as the result of the suspended call).
    pub(crate) suspend_push: bool,
    /// True while a resumable run (`start`/`resume`) is executing.
    pub(crate) resumable: bool,
    /// Set by the dispatch loop right before it calls a callable directly.
    pub(crate) direct_call: bool,
    /// True while the running native was called directly by the dispatch loop.
    pub(crate) native_direct: bool,
    /// Backward jumps and calls allowed per time slice in resumable runs (0 = no slicing).
    pub(crate) budget: u32,
    /// What is left of the current slice.
    pub(crate) budget_left: u32,
    /// The top-level coroutine of a resumable run with top-level `await`.
    pub(crate) top_coro: Option<Obj>,
    /// The `_thread` scheduler, once a thread has been started.
    pub(crate) threads: Option<alloc::boxed::Box<crate::thread::Threads>>,
    /// Finished frames kept for reuse (saves two allocations per call).
    #[allow(clippy::vec_box)]
    // frames move between the pool, the stack and generators as boxes
    pub(crate) frame_pool: Vec<Box<Frame>>,
    /// Cache of attribute lookups along class MROs, keyed by (class, interned name).
    pub(crate) method_cache: Vec<Option<MethodCacheEntry>>,
    /// Live method cache entries evicted by another key since the table was last resized.
    pub(crate) method_cache_evictions: usize,
    /// Bumped whenever a class namespace changes, invalidating `method_cache`.
    pub(crate) type_version: u64,
    /// Per-VM state objects of native modules (file system, open files, micropython...).
    pub(crate) module_state: Vec<(&'static str, Obj)>,
    /// Set when `micropython.schedule` queued a callback.
    pub(crate) sched_pending: bool,
    /// `micropython.heap_lock()` depth; while non-zero, `Vm::heap_check` raises MemoryError.
    pub(crate) heap_lock: u32,
    /// Duties left by dropped objects (see `finalize`).
    pub(crate) finalizers: Rc<crate::finalize::Finalizers>,
}

/// One entry of the method cache.
pub(crate) struct MethodCacheEntry {
    cls: Obj,
    name: Str,
    version: u64,
    value: Option<Value>,
}

/// The method cache's first size (entries).
const METHOD_CACHE_MIN: usize = 256;
/// The method cache's largest size (entries).
const METHOD_CACHE_MAX: usize = 4096;

/// The default `VmConfig::native_depth_limit` (protects the Rust stack of the native ports).
pub const MAX_NATIVE_DEPTH: usize = 200;

/// A dropped VM frees everything its program made, cycles included (a board's soft reset drops
/// the VM and makes a new one; without this each reset leaked the old program's modules).
impl Drop for Vm {
    fn drop(&mut self) {
        self.frames.clear();
        self.heap.clear_all();
    }
}

impl Vm {
    /// A new interpreter with the built-in types, exceptions and modules set up.
    pub fn new(config: VmConfig, port: Box<dyn Port>) -> Vm {
        let types = BuiltinTypes::new();
        let mut exc: Vec<Obj> = Vec::with_capacity(EXC_TABLE.len());
        for (kind, name, parent) in EXC_TABLE {
            let base = if *kind == ExcKind::BaseException {
                types.object.clone()
            } else {
                exc[*parent as usize].clone()
            };
            exc.push(types::new_type(name, vec![base], Layout::Exception, false));
        }
        let builtins = Rc::new(PyObject::Dict(RefCell::new(Dict::new())));
        let modules = Rc::new(PyObject::Dict(RefCell::new(Dict::new())));
        let mut vm = Vm {
            types,
            exc,
            interner: Interner::new(),
            builtins,
            modules,
            frames: Vec::new(),
            handled: None,
            heap: Heap::new(config.heap_size),
            config,
            port,
            native_depth: 0,
            caller_frame: core::ptr::null(),
            ticks: 0,
            kbd_intr_enabled: true,
            pending_stop: None,
            native_modules: Vec::new(),
            native_loaded: Vec::new(),
            frozen_modules: Vec::new(),
            repr_stack: Vec::new(),
            suspend_request: None,
            suspend_push: false,
            resumable: false,
            direct_call: false,
            native_direct: false,
            budget: 0,
            budget_left: 0,
            top_coro: None,
            threads: None,
            frame_pool: Vec::new(),
            method_cache: Vec::new(),
            method_cache_evictions: 0,
            type_version: 0,
            module_state: Vec::new(),
            sched_pending: false,
            heap_lock: 0,
            finalizers: Rc::new(crate::finalize::Finalizers::default()),
        };
        crate::init_builtin_types(&mut vm);
        vm
    }

    // ----- object creation -----------------------------------------------------------------

    /// Put an object on the heap (tracked by the cycle collector when it can hold references).
    pub fn alloc(&mut self, o: PyObject) -> Obj {
        let rc = Rc::new(o);
        if rc.is_container() {
            self.heap.track(&rc);
        }
        rc
    }
    /// A new list.
    pub fn new_list(&mut self, items: Vec<Value>) -> Value {
        Value::Obj(self.alloc(PyObject::List(RefCell::new(items))))
    }
    /// A new tuple.
    pub fn new_tuple(&mut self, items: Vec<Value>) -> Value {
        if items.iter().any(|v| matches!(v, Value::Obj(_))) {
            Value::Obj(self.alloc(PyObject::Tuple(items.into_boxed_slice())))
        } else {
            Value::Obj(Rc::new(PyObject::Tuple(items.into_boxed_slice())))
        }
    }
    /// A new dict object (as an `Obj`, for namespaces).
    pub fn new_dict_obj(&mut self, d: Dict) -> Obj {
        self.alloc(PyObject::Dict(RefCell::new(d)))
    }
    /// A new dict.
    pub fn new_dict(&mut self, d: Dict) -> Value {
        Value::Obj(self.new_dict_obj(d))
    }
    /// A new set.
    pub fn new_set(&mut self, s: Set) -> Value {
        Value::Obj(self.alloc(PyObject::Set(RefCell::new(s))))
    }
    /// A new frozenset.
    pub fn new_frozenset(&mut self, s: Set) -> Value {
        Value::Obj(self.alloc(PyObject::FrozenSet(s)))
    }
    /// A new built-in iterator.
    pub fn new_iter(&mut self, st: IterState) -> Value {
        Value::Obj(self.alloc(PyObject::Iter(RefCell::new(st))))
    }
    /// A frame for a function call, reusing a pooled one when possible.
    #[inline]
    pub fn alloc_frame(&mut self, code: Rc<crate::code::Code>, globals: Obj) -> Box<Frame> {
        match self.frame_pool.pop() {
            Some(mut f) => {
                f.reset(code, globals, None);
                f
            }
            None => Frame::new(code, globals, None),
        }
    }

    /// Return a finished frame to the pool.
    #[inline]
    pub fn recycle_frame(&mut self, mut f: Box<Frame>) {
        if self.frame_pool.len() < 64 {
            f.clear();
            self.frame_pool.push(f);
        }
    }

    /// Look a name up along a class's MRO, through the method cache.
    #[inline]
    pub fn type_lookup(&mut self, cls: &Obj, name: &Str) -> Option<Value> {
        let key = (Rc::as_ptr(cls) as *const u8 as usize >> 4)
            ^ (Rc::as_ptr(name) as *const u8 as usize >> 3);
        let hash = (key as u64).wrapping_mul(0x9E37_79B9_7F4A_7C15);
        // The table's size is a power of two: the slot is the hash's top log2(size) bits.
        let len = self.method_cache.len();
        let mut slot = (hash >> (64 - len.trailing_zeros().max(1))) as usize;
        if let Some(Some(e)) = self.method_cache.get(slot) {
            if e.version == self.type_version {
                if Rc::ptr_eq(&e.cls, cls) && Rc::ptr_eq(&e.name, name) {
                    return e.value.clone();
                }
                // A live entry is about to be evicted by another key.
                self.method_cache_evictions += 1;
            }
        }
        let v = types::lookup(cls, name);
        if len == 0 || (self.method_cache_evictions > len / 4 && len < METHOD_CACHE_MAX) {
            // Allocated on first use (a program that never looks a method up does not pay
            // for it) and small (256 entries, 10 KB); doubled, up to 4096 entries (160 KB),
            // when live entries keep evicting each other.
            let new_len = if len == 0 { METHOD_CACHE_MIN } else { len * 2 };
            let mut table = Vec::with_capacity(new_len);
            table.resize_with(new_len, || None);
            self.method_cache = table;
            self.method_cache_evictions = 0;
            slot = (hash >> (64 - new_len.trailing_zeros())) as usize;
        }
        let Some(entry) = self.method_cache.get_mut(slot) else {
            return v;
        };
        *entry = Some(MethodCacheEntry {
            cls: cls.clone(),
            name: name.clone(),
            version: self.type_version,
            value: v.clone(),
        });
        v
    }

    /// Note that some class namespace changed (invalidates cached lookups).
    #[inline]
    pub fn types_changed(&mut self) {
        self.type_version = self.type_version.wrapping_add(1);
    }

    /// The interned name for static text (cheap).
    #[inline]
    pub fn name(&mut self, s: &'static str) -> Str {
        self.interner.intern_static(s)
    }

    /// A per-VM state object stored by a native module under `key` (see `set_state_object`).
    pub fn state_object(&self, key: &'static str) -> Option<Obj> {
        self.module_state
            .iter()
            .find(|(k, _)| *k == key)
            .map(|(_, o)| o.clone())
    }

    /// Store (or replace) a native module's per-VM state object under `key`.
    pub fn set_state_object(&mut self, key: &'static str, o: Obj) {
        match self.module_state.iter_mut().find(|(k, _)| *k == key) {
            Some(slot) => slot.1 = o,
            None => self.module_state.push((key, o)),
        }
    }

    /// An interned name.
    pub fn intern(&mut self, s: &str) -> Str {
        self.interner.intern(s)
    }
    /// A bare instance of a Python class (layout Object), with an exception state when the class
    /// derives from BaseException.
    pub fn new_instance(&mut self, cls: &Obj) -> Value {
        let layout = types::as_type(cls)
            .map(|t| t.layout)
            .unwrap_or(Layout::Object);
        let exc = if layout == Layout::Exception {
            let args = self.new_tuple(Vec::new());
            Some(new_exc_state(args))
        } else {
            None
        };
        let shape = match types::as_type(cls) {
            Some(t) => t.shape.get_or_init(crate::shape::Shape::root).clone(),
            None => crate::shape::Shape::root(),
        };
        Value::Obj(self.alloc(PyObject::Instance(Instance {
            class: RefCell::new(cls.clone()),
            attrs: RefCell::new(crate::shape::Attrs::Slots(
                shape,
                crate::shape::Slots::new(),
            )),
            base: RefCell::new(Value::None),
            exc,
        })))
    }
    /// An instance of a Python subclass of a built-in type, wrapping the built-in value.
    pub fn new_subclass_instance(&mut self, cls: &Obj, base: Value) -> Value {
        let v = self.new_instance(cls);
        if let Value::Obj(o) = &v {
            if let PyObject::Instance(i) = &**o {
                *i.base.borrow_mut() = base;
            }
        }
        v
    }

    // ----- errors ----------------------------------------------------------------------------

    /// The class of a built-in exception.
    pub fn exc_type(&self, kind: ExcKind) -> Obj {
        self.exc[kind as usize].clone()
    }
    /// A new exception instance of class `cls` with these args.
    pub fn new_exception(&mut self, cls: &Obj, args: Vec<Value>) -> Value {
        let v = self.new_instance(cls);
        let t = self.new_tuple(args);
        if let Some(st) = crate::exceptions::exc_state(&v) {
            st.borrow_mut().args = t;
        }
        v
    }
    /// A built-in exception with a message, ready to return as an error.
    pub fn err(&mut self, kind: ExcKind, msg: impl Into<String>) -> PyErr {
        let cls = self.exc_type(kind);
        let m = Value::string(msg.into());
        PyErr(self.new_exception(&cls, vec![m]))
    }
    /// A built-in exception with these args.
    pub fn err_args(&mut self, kind: ExcKind, args: Vec<Value>) -> PyErr {
        let cls = self.exc_type(kind);
        PyErr(self.new_exception(&cls, args))
    }
    /// TypeError(msg).
    pub fn type_error(&mut self, msg: impl Into<String>) -> PyErr {
        self.err(ExcKind::TypeError, msg)
    }
    /// ValueError(msg).
    pub fn value_error(&mut self, msg: impl Into<String>) -> PyErr {
        self.err(ExcKind::ValueError, msg)
    }
    /// IndexError(msg).
    pub fn index_error(&mut self, msg: impl Into<String>) -> PyErr {
        self.err(ExcKind::IndexError, msg)
    }
    /// KeyError(key).
    pub fn key_error(&mut self, key: Value) -> PyErr {
        self.err_args(ExcKind::KeyError, vec![key])
    }
    /// OverflowError(msg).
    pub fn overflow_error(&mut self, msg: impl Into<String>) -> PyErr {
        self.err(ExcKind::OverflowError, msg)
    }
    /// ZeroDivisionError(msg).
    pub fn zero_division(&mut self, msg: impl Into<String>) -> PyErr {
        self.err(ExcKind::ZeroDivisionError, msg)
    }
    /// AttributeError(msg).
    pub fn attribute_error(&mut self, msg: impl Into<String>) -> PyErr {
        self.err(ExcKind::AttributeError, msg)
    }
    /// StopIteration(value).
    pub fn stop_iteration(&mut self, value: Value) -> PyErr {
        if value.is_none() {
            self.err_args(ExcKind::StopIteration, vec![])
        } else {
            self.err_args(ExcKind::StopIteration, vec![value])
        }
    }
    /// Is this error an instance of the built-in exception `kind` (or a subclass)?
    pub fn err_matches(&self, e: &PyErr, kind: ExcKind) -> bool {
        let cls = self.type_of(&e.0);
        types::is_subclass(&cls, &self.exc[kind as usize])
    }

    // ----- types -----------------------------------------------------------------------------

    /// `type(v)`.
    pub fn type_of(&self, v: &Value) -> Obj {
        let t = &self.types;
        match v {
            Value::None => t.none.clone(),
            Value::NotImplemented => t.notimplemented.clone(),
            Value::Ellipsis => t.ellipsis.clone(),
            Value::Bool(_) => t.bool_.clone(),
            Value::Int(_) => t.int.clone(),
            Value::Float(_) => t.float.clone(),
            Value::Str(_) => t.str_.clone(),
            Value::Obj(o) => match &**o {
                PyObject::BigInt(_) => t.int.clone(),
                PyObject::Complex(..) => t.complex.clone(),
                PyObject::Bytes(_) => t.bytes.clone(),
                PyObject::ByteArray(_) => t.bytearray.clone(),
                PyObject::Tuple(_) => t.tuple.clone(),
                PyObject::List(_) => t.list.clone(),
                PyObject::Dict(_) => t.dict.clone(),
                PyObject::Set(_) => t.set.clone(),
                PyObject::FrozenSet(_) => t.frozenset.clone(),
                PyObject::Range { .. } => t.range.clone(),
                PyObject::Slice(..) => t.slice.clone(),
                PyObject::Type(ty) => ty
                    .metaclass
                    .borrow()
                    .clone()
                    .unwrap_or_else(|| t.type_.clone()),
                PyObject::Instance(i) => i.class.borrow().clone(),
                PyObject::Function(_) => t.function.clone(),
                PyObject::Builtin(_) => t.builtin_function.clone(),
                PyObject::BoundMethod(..) => t.bound_method.clone(),
                PyObject::Module(_) => t.module.clone(),
                PyObject::Cell(_) => t.cell.clone(),
                PyObject::Generator(g) => {
                    let flags = g.borrow().flags;
                    if flags & crate::code::CO_ASYNC_GENERATOR != 0 {
                        t.async_generator.clone()
                    } else if flags & crate::code::CO_COROUTINE != 0 {
                        t.coroutine.clone()
                    } else {
                        t.generator.clone()
                    }
                }
                PyObject::Iter(it) => match &*it.borrow() {
                    IterState::Enumerate { .. } => t.enumerate.clone(),
                    IterState::Zip { .. } => t.zip.clone(),
                    IterState::Map { .. } => t.map.clone(),
                    IterState::Filter { .. } => t.filter.clone(),
                    IterState::Reversed {
                        seq: Value::Obj(s), ..
                    } if matches!(&**s, PyObject::List(_)) => t.iter_kind("list_reverseiterator"),
                    IterState::Reversed { .. } => t.reversed.clone(),
                    IterState::Seq {
                        seq: Value::Obj(s), ..
                    } => match &**s {
                        PyObject::List(_) => t.iter_kind("list_iterator"),
                        PyObject::Tuple(_) => t.iter_kind("tuple_iterator"),
                        _ => t.iterator.clone(),
                    },
                    IterState::Range { .. } => t.iter_kind("range_iterator"),
                    IterState::Str { s, .. } => t.iter_kind(if s.is_ascii() {
                        "str_ascii_iterator"
                    } else {
                        "str_iterator"
                    }),
                    IterState::Bytes {
                        seq: Value::Obj(s), ..
                    } if matches!(&**s, PyObject::ByteArray(_)) => {
                        t.iter_kind("bytearray_iterator")
                    }
                    IterState::Bytes { .. } => t.iter_kind("bytes_iterator"),
                    IterState::Dict { kind: 0, .. } => t.iter_kind("dict_keyiterator"),
                    IterState::Dict { kind: 1, .. } => t.iter_kind("dict_valueiterator"),
                    IterState::Dict { .. } => t.iter_kind("dict_itemiterator"),
                    IterState::Snapshot { .. } => t.iter_kind("set_iterator"),
                    IterState::Callable { .. } => t.iter_kind("callable_iterator"),
                    _ => t.iterator.clone(),
                },
                PyObject::DictView(_, k) => match k {
                    crate::value::ViewKind::Keys => t.dict_keys.clone(),
                    crate::value::ViewKind::Values => t.dict_values.clone(),
                    crate::value::ViewKind::Items => t.dict_items.clone(),
                },
                PyObject::Property { .. } => t.property.clone(),
                PyObject::StaticMethod(_) => t.staticmethod.clone(),
                PyObject::ClassMethod(_) => t.classmethod.clone(),
                PyObject::Super(..) => t.super_.clone(),
                PyObject::Code(_) => t.code.clone(),
                PyObject::Native(n) => n.class.clone(),
            },
        }
    }

    /// The name of `type(v)`, for messages.
    pub fn type_name(&self, v: &Value) -> String {
        types::name_string(&self.type_of(v))
    }

    /// `isinstance(v, cls)` for a single class (no `__instancecheck__`).
    pub fn is_instance(&self, v: &Value, cls: &Obj) -> bool {
        types::is_subclass(&self.type_of(v), cls)
    }

    /// For instances of subclasses of built-in types: the wrapped built-in value; otherwise the
    /// value itself. Natives for list/dict/str/... methods call this on `self`.
    pub fn builtin_base(&self, v: &Value) -> Value {
        if let Value::Obj(o) = v {
            if let PyObject::Instance(i) = &**o {
                let b = i.base.borrow();
                if !b.is_none() {
                    return b.clone();
                }
            }
        }
        v.clone()
    }

    /// Re-entry guard for natives that recurse (repr of nested containers, eq of nested tuples...).
    pub fn enter_native(&mut self) -> PyResult<()> {
        if self.native_depth >= self.config.native_depth_limit {
            return Err(self.err(ExcKind::RecursionError, "maximum recursion depth exceeded"));
        }
        self.native_depth += 1;
        Ok(())
    }
    /// Leave a region entered with `enter_native`.
    pub fn leave_native(&mut self) {
        self.native_depth -= 1;
    }

    // ----- output ----------------------------------------------------------------------------

    /// Write text to stdout.
    pub fn write_stdout(&mut self, s: &str) {
        self.port.write_stdout(s.as_bytes());
    }
    /// Write text to stderr.
    pub fn write_stderr(&mut self, s: &str) {
        self.port.write_stderr(s.as_bytes());
    }

    /// Print an uncaught exception with its traceback to stderr.
    pub fn print_exception(&mut self, exc: &Value) {
        let text = self.format_exception(exc);
        self.write_stderr(&text);
    }

    // ----- convenience conversions -------------------------------------------------------------

    /// A str argument, or TypeError naming the function.
    pub fn expect_str<'a>(&mut self, v: &'a Value, what: &str) -> PyResult<&'a str> {
        match v {
            Value::Str(s) => Ok(s.as_str()),
            _ => {
                let tn = self.type_name(v);
                Err(self.type_error(format!("{} must be str, not {}", what, tn)))
            }
        }
    }
}

impl Vm {
    /// A new, empty module object (not registered in `sys.modules`).
    pub fn new_module(&mut self, name: &str) -> Obj {
        let dict = self.new_dict_obj(Dict::new());
        let n = self.intern(name);
        if let PyObject::Dict(d) = &*dict {
            d.borrow_mut().set_str("__name__", Value::Str(n.clone()));
        }
        self.alloc(PyObject::Module(crate::value::Module { name: n, dict }))
    }
}

impl Vm {
    /// The `builtins` module object wrapping the builtins namespace.
    pub fn builtins_module_obj(&mut self) -> Obj {
        let n = self.intern("builtins");
        self.alloc(PyObject::Module(crate::value::Module {
            name: n,
            dict: self.builtins.clone(),
        }))
    }
}
