//! Code objects: the compiled form of a module, function, class body, lambda or comprehension.

use alloc::boxed::Box;
use alloc::rc::{Rc, Weak};
use alloc::vec::Vec;
use core::cell::{Cell, RefCell};

use crate::opcode::Instr;
use crate::value::{PyObject, Str, Value};

/// Code flag: the code is a generator function (contains `yield`).
pub const CO_GENERATOR: u32 = 1;
/// Code flag: `async def` (a coroutine).
pub const CO_COROUTINE: u32 = 2;
/// Code flag: an `async def` containing `yield` (an async generator).
pub const CO_ASYNC_GENERATOR: u32 = 4;
/// Code flag: takes `*args`.
pub const CO_VARARGS: u32 = 8;
/// Code flag: takes `**kwargs`.
pub const CO_VARKEYWORDS: u32 = 16;
/// Code flag: runs with a locals dict (module level and class bodies use LoadName/StoreName).
pub const CO_NAMESPACE: u32 = 32;
/// Code flag: a class body whose last action returns the `__class__` cell (or None).
pub const CO_CLASS_BODY: u32 = 64;

/// A compiled unit of code. Immutable once built.
#[derive(Debug)]
pub struct Code {
    /// Function name (`<module>`, `<lambda>`, `<listcomp>`, ...).
    pub name: Str,
    /// Qualified name (`Outer.method.<locals>.inner`).
    pub qualname: Str,
    /// Source file name as given to the compiler.
    pub filename: Str,
    /// Line of the `def`/`class`/first statement.
    pub firstlineno: u32,
    /// CO_* flags.
    pub flags: u32,
    /// Number of positional parameters (including positional-only).
    pub argcount: u32,
    /// Number of positional-only parameters.
    pub posonlyargcount: u32,
    /// Number of keyword-only parameters.
    pub kwonlyargcount: u32,
    /// Fast local names; parameters first (positional, keyword-only, then *args, then **kwargs).
    pub varnames: Vec<Str>,
    /// Names of cells created by this frame (variables captured by inner functions).
    pub cellvars: Vec<Str>,
    /// For each cellvar: the local slot of the parameter it shadows (its initial value), if any.
    pub cell2arg: Vec<Option<u32>>,
    /// Names of free variables (cells received through the closure), after the cellvars.
    pub freevars: Vec<Str>,
    /// Names used by global/name/attribute/import instructions (interned).
    pub names: Vec<Str>,
    /// Constants: None, bool, int, bigint, float, complex, str, bytes, tuples of constants, code.
    pub consts: Vec<Value>,
    /// The instructions.
    pub instrs: Vec<Instr>,
    /// Line table: (first instruction index, line) pairs in increasing order of index.
    pub lines: Vec<(u32, u32)>,
    /// The largest operand-stack depth the code can reach.
    pub max_stack: u32,
    /// The docstring, if the body starts with one.
    pub doc: Option<Value>,
    /// Inline caches filled while the code runs (see `CodeCaches`).
    pub caches: CodeCaches,
    /// A plain function body: no `*args`/`**kwargs`, no keyword-only parameters, no cells, not
    /// a generator or coroutine. A call passing exactly `argcount` positional arguments just
    /// moves them into the first locals (`Vm::simple_call_frame`).
    pub simple_call: bool,
}

/// Marks a global-lookup hint that points into the builtins dict rather than the globals.
pub const HINT_BUILTINS: u32 = 1 << 31;
/// A global-lookup hint that points nowhere yet.
pub const HINT_NONE: u32 = u32::MAX;

/// Which attribute operation an attribute cache site serves.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum AttrOp {
    /// LoadAttr.
    Load = 0,
    /// StoreAttr.
    Store = 1,
    /// LoadMethod.
    Method = 2,
}

/// What an attribute cache site knows about instances of one shape (valid while
/// `Vm::type_version` has not moved; a shape belongs to one class, see `shape.rs`).
#[derive(Clone, Debug)]
pub enum SiteKind {
    /// Nothing known: take the generic path.
    Slow,
    /// Load: the instance's slot at this index (the class has no data descriptor of that name).
    Slot(u32),
    /// Load: the instance has no such attribute and the class attribute is this plain value
    /// (no descriptor).
    Class(Value),
    /// Method: the instance has no such attribute and the class attribute is this function (or
    /// unbound builtin method). Weak, so that a cache never keeps a function (and what it
    /// references) alive.
    Method(Weak<PyObject>),
    /// Store: replace the value in the slot at this index (no `__setattr__` override, no data
    /// descriptor).
    SetSlot(u32),
    /// Store: the instance has no such attribute yet; append a slot and move it to this shape
    /// (a child of the guard shape).
    AddSlot(Rc<crate::shape::Shape>),
}

/// One attribute cache site: the instance shape it was filled for and what is known.
#[derive(Debug)]
pub struct AttrSite {
    /// The guard: the instances' shape (held, so its address is not reused while cached).
    pub shape: Option<Rc<crate::shape::Shape>>,
    /// `Vm::type_version` when filled.
    pub version: u64,
    /// What is known.
    pub kind: SiteKind,
}

/// Inline caches of a code object, indexed by name index. They only remember where things were
/// found; every use re-checks the guard (class identity and type version for attributes, the
/// key at the hinted dict entry for globals), so a stale entry just misses.
#[derive(Debug, Default)]
pub struct CodeCaches {
    /// Per name: entry index of the global last found by LoadGlobal (`HINT_BUILTINS` set when
    /// it is in the builtins dict; `HINT_NONE` when unknown).
    pub global_hint: Box<[Cell<u32>]>,
    /// Attribute sites, two ways for each of the three `AttrOp`s of each name, allocated on
    /// first use.
    pub attr: RefCell<Vec<AttrSite>>,
}

impl CodeCaches {
    /// Empty caches for a code object with `nnames` names.
    pub fn new(nnames: usize) -> CodeCaches {
        CodeCaches {
            global_hint: (0..nnames).map(|_| Cell::new(HINT_NONE)).collect(),
            attr: RefCell::new(Vec::new()),
        }
    }
}

impl Code {
    /// The source line of the instruction at `ip`.
    pub fn line_for(&self, ip: usize) -> u32 {
        let ip = ip as u32;
        match self.lines.binary_search_by(|(i, _)| i.cmp(&ip)) {
            Ok(k) => self.lines[k].1,
            Err(0) => self.firstlineno,
            Err(k) => self.lines[k - 1].1,
        }
    }

    /// True for generator, coroutine and async-generator code.
    pub fn is_resumable(&self) -> bool {
        self.flags & (CO_GENERATOR | CO_COROUTINE | CO_ASYNC_GENERATOR) != 0
    }

    /// Number of fast-local slots.
    pub fn nlocals(&self) -> usize {
        self.varnames.len()
    }

    /// Total number of cells (cellvars then freevars).
    pub fn ncells(&self) -> usize {
        self.cellvars.len() + self.freevars.len()
    }
}

/// A boxed code object, as kept in constant tables.
pub type CodeBox = Box<Code>;
