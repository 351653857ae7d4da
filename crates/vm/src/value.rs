//! Python values and heap objects.
//!
//! A `Value` is 16 bytes: immediates (None, bools, small ints that fit in an i64, floats) need no
//! allocation; strings and every other object live behind a reference-counted pointer. Reference
//! counting frees acyclic garbage at once (like CPython); the cycle collector in `gc.rs` finds
//! unreachable cycles by tracing the container graph. See docs/design.md for the measurements.

use alloc::boxed::Box;
use alloc::rc::Rc;
use alloc::string::String;
use alloc::vec::Vec;
use core::any::Any;
use core::cell::{Cell, RefCell};
use core::fmt;

use num_bigint::BigInt;

use crate::code::Code;
use crate::dict::Dict;
use crate::objset::Set;

/// A reference to a heap object.
pub type Obj = Rc<PyObject>;
/// A reference to an (immutable) string object.
pub type Str = Rc<PyStr>;

/// A Python value.
///
/// `repr(u64)`: the tag is a full word and every variant's payload (the bool too) sits at
/// offset 8, so bytes 1..8 are padding in every variant. The compiler then builds and copies a
/// value as a tag word plus a payload word; with the default layout (a bool's payload at
/// offset 1) it copied the tag byte, those 7 bytes and the payload as separate pieces, and a
/// whole-value load right after such a piecewise store stalled on store forwarding. Measured
/// (CPU time, release build): nbody -12%, raytrace -8%, attributes -3%.
/// `Option<Value>` keeps its niche (unused tag values): still 16 bytes.
#[derive(Clone)]
#[repr(u64)]
pub enum Value {
    /// `None`.
    None,
    /// `NotImplemented`.
    NotImplemented,
    /// `Ellipsis` (`...`).
    Ellipsis,
    /// `True` / `False`.
    Bool(bool),
    /// An int that fits in i64. Larger ints are `PyObject::BigInt` (never holding an i64-sized value).
    Int(i64),
    /// A float.
    Float(f64),
    /// A str.
    Str(Str),
    /// Any other object.
    Obj(Obj),
}

// The layout above keeps a value (and an optional value: a local slot) at 16 bytes.
const _: () = assert!(core::mem::size_of::<Value>() == 16);
const _: () = assert!(core::mem::size_of::<Option<Value>>() == 16);

/// Tag word of `Value::Bool` in the `repr(u64)` layout (declaration order).
const TAG_BOOL: u64 = 3;
/// Tag word of `Value::Int`.
const TAG_INT: u64 = 4;
/// Tag word of `Value::Float`.
const TAG_FLOAT: u64 = 5;

/// A value seen as its tag word (for the layout checks below).
union TagView {
    /// The value.
    v: core::mem::ManuallyDrop<Value>,
    /// Its first word.
    tag: u64,
}

// The tags above are the layout's discriminants, and ints and floats are their payload word.
const _: () = {
    // SAFETY: `Value` is `repr(u64)`: its first word is the (initialised) tag; ints and floats
    // fill the second word, so their transmutes read no padding.
    let b = unsafe {
        TagView {
            v: core::mem::ManuallyDrop::new(Value::Bool(true)),
        }
        .tag
    };
    let i: [u64; 2] = unsafe { core::mem::transmute(Value::Int(-2)) };
    let f: [u64; 2] = unsafe { core::mem::transmute(Value::Float(0.5)) };
    assert!(b == TAG_BOOL && i[0] == TAG_INT && i[1] == (-2i64) as u64);
    assert!(f[0] == TAG_FLOAT && f[1] == 0.5f64.to_bits());
};

/// Write the value with tag word `tag` and payload word `payload` to `dst` as one 16-byte
/// store. A value the compiler builds is stored as two words; the next whole-value load of it
/// (a pop, a move to a local or a list) then misses store forwarding and stalls. Values made by
/// the dispatch loop's fast paths (arithmetic and comparison results, loop counters) are
/// written with this instead, so every later load of them, whole or by parts, is forwarded.
///
/// # Safety
/// `dst` must be valid for a 16-byte write, and `tag`/`payload` a valid plain-data value (a
/// bool, int or float); the old value at `dst` is overwritten without being dropped.
#[inline(always)]
unsafe fn write_words(dst: *mut Value, tag: u64, payload: u64) {
    #[cfg(target_arch = "x86_64")]
    {
        use core::arch::x86_64::{__m128i, _mm_set_epi64x, _mm_storeu_si128};
        // SAFETY: SSE2 is part of the x86_64 baseline; the caller guarantees `dst` is valid
        // for the (unaligned) 16-byte store.
        unsafe {
            _mm_storeu_si128(
                dst as *mut __m128i,
                _mm_set_epi64x(payload as i64, tag as i64),
            )
        }
    }
    #[cfg(not(target_arch = "x86_64"))]
    {
        // SAFETY: as above; `Value` is aligned for `u64`.
        unsafe { core::ptr::write(dst as *mut [u64; 2], [tag, payload]) }
    }
}

/// Overwrite `slot`, which holds a value that owns nothing (a bool, int, float, None...), with
/// the int `i` (see `write_words`). A slot holding a str or object would leak: callers check.
#[inline(always)]
pub(crate) fn set_int(slot: &mut Value, i: i64) {
    debug_assert!(!matches!(slot, Value::Str(_) | Value::Obj(_)));
    // SAFETY: `slot` is a valid, exclusive `Value` place; an int is plain data.
    unsafe { write_words(slot, TAG_INT, i as u64) }
}

/// Overwrite `slot` (owning nothing, as for `set_int`) with the float `x`.
#[inline(always)]
pub(crate) fn set_float(slot: &mut Value, x: f64) {
    debug_assert!(!matches!(slot, Value::Str(_) | Value::Obj(_)));
    // SAFETY: as in `set_int`.
    unsafe { write_words(slot, TAG_FLOAT, x.to_bits()) }
}

/// Overwrite `slot` (owning nothing, as for `set_int`) with the bool `b`.
#[inline(always)]
pub(crate) fn set_bool(slot: &mut Value, b: bool) {
    debug_assert!(!matches!(slot, Value::Str(_) | Value::Obj(_)));
    // SAFETY: as in `set_int`; on x86_64 (little-endian) the payload word is the bool byte
    // (0 or 1) followed by zero padding.
    #[cfg(target_arch = "x86_64")]
    unsafe {
        write_words(slot, TAG_BOOL, b as u64)
    }
    #[cfg(not(target_arch = "x86_64"))]
    {
        *slot = Value::Bool(b);
    }
}

/// Push the int `i` onto an operand stack with one 16-byte store (see `write_words`).
#[inline(always)]
pub(crate) fn push_int(stack: &mut Vec<Value>, i: i64) {
    stack.reserve(1);
    let n = stack.len();
    // SAFETY: capacity for one more value was just reserved; the slot is written before the
    // length covers it.
    unsafe {
        write_words(stack.as_mut_ptr().add(n), TAG_INT, i as u64);
        stack.set_len(n + 1);
    }
}

impl fmt::Debug for Value {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Value::None => f.write_str("None"),
            Value::NotImplemented => f.write_str("NotImplemented"),
            Value::Ellipsis => f.write_str("Ellipsis"),
            Value::Bool(b) => write!(f, "{}", if *b { "True" } else { "False" }),
            Value::Int(i) => write!(f, "{}", i),
            Value::Float(x) => write!(f, "{:?}", x),
            Value::Str(s) => write!(f, "{:?}", s.as_str()),
            Value::Obj(o) => write!(f, "<{}>", o.kind_name()),
        }
    }
}

/// Longest text (in bytes) a str keeps inline, in the same allocation as its header.
const INLINE_CAP: usize = 22;

/// A str's bytes: short texts live inline (one allocation per str instead of two), longer ones
/// on the heap.
enum Text {
    /// `len` bytes of `buf` hold the text (always valid UTF-8, copied from a `&str`).
    Inline(u8, [u8; INLINE_CAP]),
    /// Text longer than `INLINE_CAP` bytes.
    Heap(Box<str>),
}

/// Hash value meaning "not computed yet" (`hash_bytes` never returns -1, like CPython).
const NO_HASH: i64 = -1;

/// A str: immutable UTF-8 text with a cached hash and character count.
pub struct PyStr {
    text: Text,
    /// Number of characters (code points); equals the byte length when the text is ASCII.
    chars: usize,
    hash: Cell<i64>,
}

/// Number of characters in `s` (its byte length when it is ASCII).
#[inline]
fn count_chars(s: &str) -> usize {
    if s.is_ascii() {
        s.len()
    } else {
        s.chars().count()
    }
}

impl PyStr {
    /// Make a str from text.
    #[inline]
    pub fn new(s: &str) -> PyStr {
        let chars = count_chars(s);
        PyStr::with_chars(s, chars)
    }
    /// Make a str from text whose character count the caller knows.
    fn with_chars(s: &str, chars: usize) -> PyStr {
        let text = if s.len() <= INLINE_CAP {
            let mut buf = [0u8; INLINE_CAP];
            buf[..s.len()].copy_from_slice(s.as_bytes());
            Text::Inline(s.len() as u8, buf)
        } else {
            Text::Heap(s.into())
        };
        PyStr {
            text,
            chars,
            hash: Cell::new(NO_HASH),
        }
    }
    /// Make a str from an owned string.
    pub fn from_string(s: String) -> PyStr {
        if s.len() <= INLINE_CAP {
            return PyStr::new(&s);
        }
        let chars = count_chars(&s);
        PyStr {
            text: Text::Heap(s.into_boxed_str()),
            chars,
            hash: Cell::new(NO_HASH),
        }
    }
    /// Make a str from text known to be ASCII (checked in debug builds only).
    #[inline]
    pub fn from_ascii(s: &str) -> PyStr {
        debug_assert!(s.is_ascii());
        PyStr::with_chars(s, s.len())
    }
    /// The text.
    #[inline]
    pub fn as_str(&self) -> &str {
        match &self.text {
            Text::Inline(len, buf) => {
                let bytes = buf.get(..*len as usize).unwrap_or(&[]);
                // SAFETY: `bytes` is exactly the bytes copied from a `&str` in `with_chars`
                // (whole, never cut), so it is valid UTF-8.
                unsafe { core::str::from_utf8_unchecked(bytes) }
            }
            Text::Heap(s) => s,
        }
    }
    /// Number of characters.
    #[inline]
    pub fn char_len(&self) -> usize {
        self.chars
    }
    /// True when every character is ASCII (so byte offsets are character offsets).
    #[inline]
    pub fn is_ascii(&self) -> bool {
        self.chars == self.as_str().len()
    }
    /// The str's hash (full width, computed once).
    #[inline]
    pub fn hash(&self) -> i64 {
        let h = self.hash.get();
        if h != NO_HASH {
            return h;
        }
        let h = crate::hash::hash_bytes(self.as_str().as_bytes());
        self.hash.set(h);
        h
    }
}

impl fmt::Debug for PyStr {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{:?}", self.as_str())
    }
}

/// A native function: `(vm, positional args, keyword args as (name, value) pairs) -> result`.
/// For methods, `args[0]` is `self`.
pub type NativeFn = fn(&mut crate::vm::Vm, &[Value], &[(Str, Value)]) -> crate::PyResult;

/// A built-in function or method implemented in Rust.
pub struct Builtin {
    /// Name shown in reprs and errors.
    pub name: &'static str,
    /// The implementation.
    pub func: NativeFn,
    /// The object it is bound to (`[].append` binds the list); None when unbound.
    pub bound: Option<Value>,
    /// True for a method of a type (it binds to the instance when found on a class); false
    /// for a plain function such as `abs`, which stays unbound when stored on a class.
    pub method: bool,
}

/// A Python function (the result of `def` or `lambda`).
pub struct Function {
    /// Its code.
    pub code: Rc<Code>,
    /// The module globals (a dict object).
    pub globals: Obj,
    /// `__name__`.
    pub name: RefCell<Str>,
    /// `__qualname__`.
    pub qualname: RefCell<Str>,
    /// Positional defaults (a tuple value or None).
    pub defaults: RefCell<Value>,
    /// Keyword-only defaults (a dict value or None).
    pub kwdefaults: RefCell<Value>,
    /// The closure cells (cell objects), parallel to `code.freevars`.
    pub closure: RefCell<Vec<Value>>,
    /// `__dict__` (function attributes), `__annotations__`, `__doc__` and `__module__` live here.
    pub dict: RefCell<Dict>,
}

/// A class (type object), built-in or defined in Python.
pub struct TypeObj {
    /// `__name__`.
    pub name: RefCell<Str>,
    /// `__qualname__`.
    pub qualname: RefCell<Str>,
    /// Direct bases.
    pub bases: RefCell<Vec<Obj>>,
    /// The method resolution order, excluding the class itself.
    pub mro: RefCell<Vec<Obj>>,
    /// The class namespace.
    pub dict: RefCell<Dict>,
    /// The built-in layout instances carry (for built-in types and classes derived from them).
    pub layout: Layout,
    /// True for classes defined by Python code (attributes may be set on them).
    pub heap_type: bool,
    /// The metaclass (None means `type`).
    pub metaclass: RefCell<Option<Obj>>,
    /// The root of the shape tree of this class's instances (made with the first instance).
    pub shape: core::cell::OnceCell<Rc<crate::shape::Shape>>,
}

/// The built-in layout of a type's instances: which `PyObject` variant (or which built-in base
/// value) an instance carries. A Python subclass of `list` has layout `List`.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Layout {
    /// `object` and plain Python classes.
    Object,
    /// Built-in scalar types that cannot be subclassed meaningfully or are immediates.
    NoneType,
    /// `int` (and bool).
    Int,
    /// `bool`.
    Bool,
    /// `float`.
    Float,
    /// `complex`.
    Complex,
    /// `str`.
    Str,
    /// `bytes`.
    Bytes,
    /// `bytearray`.
    ByteArray,
    /// `tuple`.
    Tuple,
    /// `list`.
    List,
    /// `dict`.
    Dict,
    /// `set`.
    Set,
    /// `frozenset`.
    FrozenSet,
    /// `BaseException` and its subclasses.
    Exception,
    /// `type` and metaclasses.
    Type,
    /// Everything else built in (functions, modules, iterators...): not subclassable.
    Other,
    /// A type implemented by a module whose `__new__` makes a `PyObject::Native` of the class
    /// it is given (array, deque...): subclassable, and a subclass's instances are native objects
    /// of the subclass (without an instance `__dict__`).
    Native,
}

/// An instance of a Python class.
pub struct Instance {
    /// Its class.
    pub class: RefCell<Obj>,
    /// The instance's own attributes: slots named by a shared shape, or (once `__dict__` was
    /// asked for, an attribute deleted, or the shape tree's limits reached) a dict object.
    /// See `shape.rs`.
    pub attrs: RefCell<crate::shape::Attrs>,
    /// For instances of subclasses of built-in types: the built-in value (a list for a list
    /// subclass, an int for an int subclass...). None otherwise.
    pub base: RefCell<Value>,
    /// Exception state, for instances of BaseException subclasses.
    pub exc: Option<Box<RefCell<ExcState>>>,
}

/// The state every exception carries.
pub struct ExcState {
    /// `args` (a tuple value).
    pub args: Value,
    /// Traceback entries, innermost first: (filename, function name, line).
    pub traceback: Vec<TbEntry>,
    /// `__cause__`.
    pub cause: Value,
    /// `__context__`.
    pub context: Value,
    /// `__suppress_context__`.
    pub suppress_context: bool,
}

/// One traceback entry.
#[derive(Clone, Debug)]
pub struct TbEntry {
    /// Source file.
    pub filename: Str,
    /// Function name.
    pub name: Str,
    /// Line number.
    pub line: u32,
}

/// A module.
pub struct Module {
    /// `__name__`.
    pub name: Str,
    /// The module namespace (a Dict object, shared with its functions as their globals).
    pub dict: Obj,
}

/// Built-in iterator states.
pub enum IterState {
    /// Over a tuple or list (by index, seeing mutations).
    Seq {
        /// The sequence.
        seq: Value,
        /// Next index.
        index: usize,
    },
    /// Over a range.
    Range {
        /// Next value.
        next: i64,
        /// Remaining count.
        remaining: u64,
        /// Step.
        step: i64,
    },
    /// Over the characters of a str (byte offset).
    Str {
        /// The str.
        s: Str,
        /// Byte offset of the next character.
        offset: usize,
    },
    /// Over bytes/bytearray (yields ints).
    Bytes {
        /// The object.
        seq: Value,
        /// Next index.
        index: usize,
    },
    /// Over a dict's keys (0), values (1) or items (2), by entry index.
    Dict {
        /// The dict object.
        dict: Obj,
        /// Next entry index.
        index: usize,
        /// 0 keys, 1 values, 2 items.
        kind: u8,
        /// Length when the iteration started (RuntimeError if it changes).
        len: usize,
    },
    /// Over a snapshot of values (sets, and anything else materialised eagerly).
    Snapshot {
        /// The items.
        items: Vec<Value>,
        /// Next index.
        index: usize,
    },
    /// `enumerate`.
    Enumerate {
        /// The underlying iterator.
        it: Value,
        /// The next count.
        count: Value,
    },
    /// `zip`.
    Zip {
        /// The iterators.
        its: Vec<Value>,
        /// `strict=True`.
        strict: bool,
    },
    /// `map`.
    Map {
        /// The function.
        func: Value,
        /// The iterators.
        its: Vec<Value>,
    },
    /// `filter` (func None means truthiness).
    Filter {
        /// The predicate.
        func: Value,
        /// The iterator.
        it: Value,
    },
    /// `reversed` over a sequence.
    Reversed {
        /// The sequence.
        seq: Value,
        /// Number of items left (next index is remaining - 1).
        remaining: usize,
    },
    /// `iter(callable, sentinel)`.
    Callable {
        /// The callable.
        func: Value,
        /// The sentinel.
        sentinel: Value,
    },
    /// `iter(obj)` on an object with only `__getitem__`.
    GetItem {
        /// The object.
        obj: Value,
        /// Next index.
        index: i64,
    },
    /// An exhausted iterator.
    Done,
}

/// Which kind of dict view.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum ViewKind {
    /// `dict.keys()`.
    Keys,
    /// `dict.values()`.
    Values,
    /// `dict.items()`.
    Items,
}

/// A generator, coroutine or async generator.
pub struct Generator {
    /// The suspended frame (None while running or when finished).
    pub frame: Option<Box<crate::frame::Frame>>,
    /// True while its frame is executing.
    pub running: bool,
    /// True when it has returned or raised.
    pub finished: bool,
    /// The code's CO_* flags (generator, coroutine or async generator), kept after it finishes.
    pub flags: u32,
    /// For async generators: true when the last suspension was a `yield` (a value for the
    /// `async for`), false when it was an `await` passing through to the event loop.
    pub yielded_value: bool,
    /// Name and qualified name for reprs.
    pub name: Str,
    /// `__qualname__`.
    pub qualname: Str,
    /// Where a suspended frame with live `try`/`with` blocks goes when the generator is dropped,
    /// so the VM can close it (run its `finally` clauses) as CPython does; dangling once the VM
    /// is gone.
    pub finalizers: alloc::rc::Weak<crate::finalize::Finalizers>,
    /// An exception set by MicroPython's `pend_throw`, thrown in at the next resume.
    pub pend: Option<Value>,
}

/// A heap object. Mutable payloads use `RefCell`; never hold a borrow across a call into the VM.
pub enum PyObject {
    /// An int too large for i64.
    BigInt(BigInt),
    /// A complex number (real, imag).
    Complex(f64, f64),
    /// An immutable byte string.
    Bytes(Box<[u8]>),
    /// A mutable byte string.
    ByteArray(RefCell<Vec<u8>>),
    /// A tuple.
    Tuple(Box<[Value]>),
    /// A list.
    List(RefCell<Vec<Value>>),
    /// A dict.
    Dict(RefCell<Dict>),
    /// A set.
    Set(RefCell<Set>),
    /// A frozenset.
    FrozenSet(Set),
    /// `range(start, stop, step)`.
    Range {
        /// Start.
        start: i64,
        /// Stop.
        stop: i64,
        /// Step (never 0).
        step: i64,
    },
    /// `slice(start, stop, step)`.
    Slice(Value, Value, Value),
    /// A class (boxed: type objects are large and few, and inline they would make every
    /// object as large as they are).
    Type(Box<TypeObj>),
    /// An instance of a Python class (or of an exception class).
    Instance(Instance),
    /// A Python function (boxed, like `Type`, to keep the common objects small).
    Function(Box<Function>),
    /// A built-in function, possibly bound.
    Builtin(Builtin),
    /// A bound method: (function, self).
    BoundMethod(Value, Value),
    /// A module.
    Module(Module),
    /// A closure cell (None inside means empty).
    Cell(RefCell<Option<Value>>),
    /// A generator, coroutine or async generator (see `Code::flags`).
    Generator(RefCell<Generator>),
    /// A built-in iterator.
    Iter(RefCell<IterState>),
    /// A dict view.
    DictView(Obj, ViewKind),
    /// `property(fget, fset, fdel, doc)`.
    Property {
        /// Getter.
        fget: Value,
        /// Setter.
        fset: Value,
        /// Deleter.
        fdel: Value,
        /// Docstring.
        doc: Value,
    },
    /// `staticmethod(f)`.
    StaticMethod(Value),
    /// `classmethod(f)`.
    ClassMethod(Value),
    /// `super(cls, obj)`.
    Super(Value, Value),
    /// A code object.
    Code(Rc<Code>),
    /// A native object defined by a module (StringIO, deque, ...): its class and its data.
    Native(NativeObj),
}

/// An object implemented natively by a module: a class object (with the methods) and any data.
pub struct NativeObj {
    /// The object's class.
    pub class: Obj,
    /// The data (downcast by the module's methods).
    pub data: RefCell<Box<dyn Any>>,
}

/// True when `v` is an object only this reference keeps alive and that holds values: freeing
/// it would free what it holds, one native level deeper.
#[inline]
fn owns_container(v: &Value) -> bool {
    match v {
        Value::Obj(o) => {
            Rc::strong_count(o) == 1
                && matches!(
                    &**o,
                    PyObject::List(_)
                        | PyObject::Tuple(_)
                        | PyObject::Dict(_)
                        | PyObject::Instance(_)
                )
        }
        _ => false,
    }
}

/// Move the values `obj` holds (list and tuple items, dict values, instance attributes) to
/// `out`, leaving None in their places.
fn take_children(obj: &mut PyObject, out: &mut Vec<Value>) {
    let take = |v: &mut Value| core::mem::replace(v, Value::None);
    match obj {
        PyObject::List(l) => out.extend(l.get_mut().iter_mut().map(take)),
        PyObject::Tuple(t) => out.extend(t.iter_mut().map(take)),
        PyObject::Dict(d) => out.extend(d.get_mut().values_mut().map(take)),
        PyObject::Instance(inst) => match inst.attrs.get_mut() {
            crate::shape::Attrs::Slots(_, slots) => out.extend(slots.iter_mut().map(take)),
            // A second reference: by the time the work list reaches it, the instance is gone
            // and the dict is uniquely owned again.
            crate::shape::Attrs::Dict(d) => out.push(Value::Obj(d.clone())),
        },
        _ => {}
    }
}

/// Freeing deeply nested data (a list of lists 100000 deep, a long linked list of instances)
/// must not recurse once per level: the drop glue would overflow the machine stack (the JS
/// engine's in the browser). A container that owns another container (the only case that
/// nests) moves its values to a work list first; each uniquely owned child gives up its values
/// the same way before it goes, so every object is freed at most two native levels deep.
impl Drop for PyObject {
    fn drop(&mut self) {
        let nested = match self {
            PyObject::List(l) => l.get_mut().iter().any(owns_container),
            PyObject::Tuple(t) => t.iter().any(owns_container),
            PyObject::Dict(d) => d.get_mut().iter().any(|(_, v)| owns_container(v)),
            PyObject::Instance(inst) => match inst.attrs.get_mut() {
                crate::shape::Attrs::Slots(_, slots) => slots.iter().any(owns_container),
                crate::shape::Attrs::Dict(d) => Rc::strong_count(d) == 1,
            },
            _ => false,
        };
        if !nested {
            return;
        }
        let mut work = Vec::new();
        take_children(self, &mut work);
        while let Some(v) = work.pop() {
            if let Value::Obj(o) = v {
                if let Ok(mut inner) = Rc::try_unwrap(o) {
                    take_children(&mut inner, &mut work);
                }
            }
        }
    }
}

impl PyObject {
    /// A short name of the variant, for debugging.
    pub fn kind_name(&self) -> &'static str {
        match self {
            PyObject::BigInt(_) => "int",
            PyObject::Complex(..) => "complex",
            PyObject::Bytes(_) => "bytes",
            PyObject::ByteArray(_) => "bytearray",
            PyObject::Tuple(_) => "tuple",
            PyObject::List(_) => "list",
            PyObject::Dict(_) => "dict",
            PyObject::Set(_) => "set",
            PyObject::FrozenSet(_) => "frozenset",
            PyObject::Range { .. } => "range",
            PyObject::Slice(..) => "slice",
            PyObject::Type(_) => "type",
            PyObject::Instance(_) => "instance",
            PyObject::Function(_) => "function",
            PyObject::Builtin(_) => "builtin_function_or_method",
            PyObject::BoundMethod(..) => "bound_method",
            PyObject::Module(_) => "module",
            PyObject::Cell(_) => "cell",
            PyObject::Generator(_) => "generator",
            PyObject::Iter(_) => "iterator",
            PyObject::DictView(..) => "dict_view",
            PyObject::Property { .. } => "property",
            PyObject::StaticMethod(_) => "staticmethod",
            PyObject::ClassMethod(_) => "classmethod",
            PyObject::Super(..) => "super",
            PyObject::Code(_) => "code",
            PyObject::Native(_) => "native",
        }
    }

    /// True for objects that can hold references to other objects (and so take part in cycles).
    pub fn is_container(&self) -> bool {
        !matches!(
            self,
            PyObject::BigInt(_)
                | PyObject::Complex(..)
                | PyObject::Bytes(_)
                | PyObject::ByteArray(_)
                | PyObject::Range { .. }
                | PyObject::Code(_)
        )
    }
}

impl Value {
    /// A new str value.
    pub fn str(s: &str) -> Value {
        Value::Str(Rc::new(PyStr::new(s)))
    }
    /// A new str value from an owned String.
    pub fn string(s: String) -> Value {
        Value::Str(Rc::new(PyStr::from_string(s)))
    }
    /// A bytes value (not tracked by the GC: it holds no references).
    pub fn bytes(b: &[u8]) -> Value {
        Value::Obj(Rc::new(PyObject::Bytes(b.into())))
    }
    /// A bytes value from an owned vector.
    pub fn bytes_vec(b: Vec<u8>) -> Value {
        Value::Obj(Rc::new(PyObject::Bytes(b.into_boxed_slice())))
    }
    /// An int from a BigInt, normalised to `Value::Int` when it fits.
    pub fn from_bigint(b: BigInt) -> Value {
        use num_traits::ToPrimitive;
        match b.to_i64() {
            Some(i) => Value::Int(i),
            None => Value::Obj(Rc::new(PyObject::BigInt(b))),
        }
    }
    /// A complex value.
    pub fn complex(re: f64, im: f64) -> Value {
        Value::Obj(Rc::new(PyObject::Complex(re, im)))
    }

    /// The heap object, if this is one.
    #[inline]
    pub fn as_obj(&self) -> Option<&Obj> {
        match self {
            Value::Obj(o) => Some(o),
            _ => None,
        }
    }
    /// The str, if this is exactly a str.
    #[inline]
    pub fn as_str(&self) -> Option<&str> {
        match self {
            Value::Str(s) => Some(s.as_str()),
            _ => None,
        }
    }
    /// The small int, if this is one (bools are not included).
    #[inline]
    pub fn as_int(&self) -> Option<i64> {
        match self {
            Value::Int(i) => Some(*i),
            _ => None,
        }
    }
    /// True for None.
    #[inline]
    pub fn is_none(&self) -> bool {
        matches!(self, Value::None)
    }
    /// Identity (`is`).
    #[inline]
    pub fn is(&self, other: &Value) -> bool {
        match (self, other) {
            (Value::None, Value::None)
            | (Value::NotImplemented, Value::NotImplemented)
            | (Value::Ellipsis, Value::Ellipsis) => true,
            (Value::Bool(a), Value::Bool(b)) => a == b,
            // Small ints behave as interned (as in CPython for -5..256 and MicroPython for all
            // small ints); floats compare by bits.
            (Value::Int(a), Value::Int(b)) => a == b,
            (Value::Float(a), Value::Float(b)) => a.to_bits() == b.to_bits(),
            (Value::Str(a), Value::Str(b)) => Rc::ptr_eq(a, b),
            (Value::Obj(a), Value::Obj(b)) => Rc::ptr_eq(a, b),
            _ => false,
        }
    }
    /// An address-like identity number for `id()` and default reprs.
    pub fn id(&self) -> usize {
        match self {
            Value::Str(s) => Rc::as_ptr(s) as *const u8 as usize,
            Value::Obj(o) => Rc::as_ptr(o) as *const u8 as usize,
            Value::None => 0x1000,
            Value::NotImplemented => 0x1010,
            Value::Ellipsis => 0x1020,
            Value::Bool(b) => 0x1030 + *b as usize * 16,
            Value::Int(i) => (*i as usize).wrapping_mul(16).wrapping_add(0x10_0000),
            Value::Float(f) => f.to_bits() as usize,
        }
    }
    /// The tuple items, if this is exactly a tuple.
    pub fn as_tuple(&self) -> Option<&[Value]> {
        match self {
            Value::Obj(o) => match &**o {
                PyObject::Tuple(t) => Some(t),
                _ => None,
            },
            _ => None,
        }
    }
}

/// Convenience: build a `Str` (an `Rc<PyStr>`).
pub fn new_str(s: &str) -> Str {
    Rc::new(PyStr::new(s))
}

#[cfg(test)]
mod layout_tests {
    use super::*;

    /// Every object is allocated at the size of the largest variant: the big, rare ones (type
    /// and function objects, 200 bytes each) are boxed so that lists, dicts, tuples, bound
    /// methods and cells are not allocated at their size. Instances (160 bytes, with their first
    /// attribute values inline) are the largest variant kept inline.
    #[test]
    fn object_size() {
        use core::mem::size_of;
        assert!(size_of::<PyObject>() <= 168, "{}", size_of::<PyObject>());
        assert!(size_of::<Instance>() + 8 >= size_of::<PyObject>());
    }
}
