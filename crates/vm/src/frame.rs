//! Frames: the execution state of one running (or suspended) code object. Frames live in the VM's
//! own frame stack, never on the Rust stack, so Python calls do not recurse in Rust and a frame can
//! be suspended (generators, coroutines) and resumed later.

use alloc::boxed::Box;
use alloc::rc::Rc;
use alloc::vec::Vec;

use crate::code::Code;
use crate::value::{Obj, Value};

/// A copy of `v` (a new reference for a str or object). Unlike the derived `clone`, which
/// rebuilds the value field by field (a byte store for the tag, another for the payload), it
/// copies the 16 bytes at once: a later whole-value load of the copy (a `pop`, a move into a
/// frame's locals) is then served by store forwarding instead of stalling on two partial
/// stores. The dispatch loop's loads (LoadFast, LoadConst, LoadGlobal) use it.
#[inline(always)]
pub(crate) fn dup(v: &Value) -> Value {
    match v {
        Value::Str(s) => core::mem::forget(Rc::clone(s)),
        Value::Obj(o) => core::mem::forget(Rc::clone(o)),
        _ => {}
    }
    // SAFETY: the only variants owning a resource are Str and Obj, whose reference counts
    // were just incremented for the copy; every other variant is plain data.
    unsafe { core::ptr::read(v) }
}

/// Drop the top of an operand stack in place (reading only its tag, see `dup`); nothing
/// when the stack is empty. `truncate` does the same but is an out-of-line loop.
#[inline(always)]
pub(crate) fn discard_top(stack: &mut Vec<Value>) {
    let n = stack.len();
    if n == 0 {
        return;
    }
    // SAFETY: `n - 1` is in bounds; the length is cut first, so the value is dropped exactly
    // once even if its drop were to panic (the same order `Vec::truncate` uses).
    unsafe {
        let p = stack.as_mut_ptr().add(n - 1);
        stack.set_len(n - 1);
        core::ptr::drop_in_place(p);
    }
}

/// A block of the block stack: an active handler, or a marker for a running handler.
#[derive(Clone, Debug)]
pub enum Block {
    /// SetupExcept/SetupFinally/SetupWith: jump to `handler` with the stack cut to `level`.
    Handler {
        /// Instruction index of the handler.
        handler: u32,
        /// Operand stack height to restore.
        level: u32,
    },
    /// Inside an except/finally handler: the exception that was being handled before it.
    ExceptHandler {
        /// The previously handled exception (None when there was none).
        prev: Option<Value>,
    },
}

/// What a frame is waiting for from the frame called above it (how a result is delivered back).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Pending {
    /// An ordinary call: push the return value.
    Call,
    /// `__init__` of a class instantiation: check the result is None, then push the instance
    /// (which is kept on the caller's stack below the result slot).
    Init,
    /// A generator resumed by ForIter: a yield pushes the value; a return ends the loop.
    ForIter(u32),
    /// A sub-generator resumed by YieldFrom: a yield makes this frame yield the same value; a
    /// return pushes the result.
    YieldFrom,
    /// A generator resumed by `next(g)` (the built-in called with one argument): a yield pushes
    /// the value; a return raises StopIteration carrying the return value in this frame.
    Next,
    /// A binary operator's Python method `a.__op__(b)`, with both operands kept on this frame's
    /// stack: a result replaces them; NotImplemented goes on to the reflected method
    /// (`Vm::binary_op_after_lhs`).
    BinOp(crate::ast::BinOp),
}

/// The execution state of one code object.
pub struct Frame {
    /// The code being run.
    pub code: Rc<Code>,
    /// Index of the next instruction.
    pub ip: usize,
    /// Fast locals (None = unbound).
    pub locals: Vec<Option<Value>>,
    /// The operand stack.
    pub stack: Vec<Value>,
    /// Cells: cellvars then freevars (cell objects).
    pub cells: Vec<Value>,
    /// The module globals (a dict object).
    pub globals: Obj,
    /// The namespace dict for module-level and class-body code (LoadName/StoreName).
    pub namespace: Option<Obj>,
    /// Active handlers and running-handler markers.
    pub blocks: Vec<Block>,
    /// The generator/coroutine object this frame belongs to, if any.
    pub generator: Option<Obj>,
    /// What this frame waits for while a frame above it runs.
    pub pending: Pending,
}

impl Frame {
    /// A fresh frame for `code` with empty locals.
    pub fn new(code: Rc<Code>, globals: Obj, namespace: Option<Obj>) -> Box<Frame> {
        let nlocals = code.nlocals();
        let mut locals = Vec::with_capacity(nlocals);
        locals.resize(nlocals, None);
        Box::new(Frame {
            stack: Vec::with_capacity(code.max_stack as usize + 2),
            locals,
            cells: Vec::new(),
            code,
            ip: 0,
            globals,
            namespace,
            blocks: Vec::new(),
            generator: None,
            pending: Pending::Call,
        })
    }

    /// Re-initialise a recycled frame for `code` (keeps the vectors' capacity).
    pub fn reset(&mut self, code: Rc<Code>, globals: Obj, namespace: Option<Obj>) {
        let nlocals = code.nlocals();
        self.locals.clear();
        self.locals.resize(nlocals, None);
        self.stack.clear();
        let want = code.max_stack as usize + 2;
        if self.stack.capacity() < want {
            self.stack.reserve(want);
        }
        self.cells.clear();
        self.blocks.clear();
        self.code = code;
        self.ip = 0;
        self.globals = globals;
        self.namespace = namespace;
        self.generator = None;
        self.pending = Pending::Call;
    }

    /// Re-initialise a pooled (cleared) frame for a simple call of `code`: the positional
    /// arguments `stack[pos + 1..]` are moved into the first locals and `stack[pos..]` (the
    /// callable) is dropped, leaving the stack `pos` long.
    #[inline]
    pub fn enter_from_stack(
        &mut self,
        code: Rc<Code>,
        globals: Obj,
        stack: &mut Vec<Value>,
        pos: usize,
    ) {
        self.take_args(code.nlocals(), code.max_stack as usize + 2, stack, pos + 1);
        if stack.len() == pos + 1 {
            discard_top(stack);
        } else {
            stack.truncate(pos);
        }
        self.code = code;
        self.globals = globals;
    }

    /// Size a pooled (cleared) frame for `nlocals` locals and an operand stack of `stack_want`
    /// values, move the positional arguments `stack[first..]` into the first locals (the stack
    /// is left `first` long) and start at the first instruction. The code and globals are the
    /// caller's to set.
    #[inline(always)]
    pub(crate) fn take_args(
        &mut self,
        nlocals: usize,
        stack_want: usize,
        stack: &mut Vec<Value>,
        first: usize,
    ) {
        // A cleared frame keeps its locals as unbound slots: usually the length is right, and
        // otherwise only the difference is cut or added.
        if self.locals.len() != nlocals {
            self.locals.resize(nlocals, None);
        }
        let nargs = stack.len().saturating_sub(first);
        if nargs <= self.locals.len() {
            // Move the arguments as whole 16-byte values (see `dup`).
            if let Some(args) = stack.get(first..) {
                for (slot, v) in self.locals.iter_mut().zip(args) {
                    // SAFETY: each argument is read exactly once here and the stack is cut
                    // below them right after, without dropping them (they were moved).
                    *slot = Some(unsafe { core::ptr::read(v) });
                }
                // SAFETY: `first <= len`; the values above `first` were moved out above.
                unsafe { stack.set_len(first) };
            }
        } else {
            let mut k = nargs;
            while k > 0 {
                k -= 1;
                let Some(v) = stack.pop() else { break };
                if let Some(slot) = self.locals.get_mut(k) {
                    *slot = Some(v);
                }
            }
        }
        // A pooled frame was emptied by `clear` (and a new one is empty): its stack, cells and
        // blocks are empty, it has no namespace or generator and waits for nothing.
        debug_assert!(self.stack.is_empty() && self.cells.is_empty() && self.blocks.is_empty());
        debug_assert!(self.namespace.is_none() && self.generator.is_none());
        if self.stack.capacity() < stack_want {
            self.stack.reserve(stack_want);
        }
        self.ip = 0;
    }

    /// Drop the frame's references (before it goes back to the pool). The locals stay as
    /// unbound slots, so that a frame reused for the same code needs no resizing. A cleared
    /// frame has an empty stack, no cells, blocks, namespace or generator, and `Pending::Call`
    /// (`enter_from_stack` relies on it).
    pub fn clear(&mut self) {
        self.clear_inline();
    }

    /// `clear`, inlined into the caller (the return fast path of the dispatch loop).
    #[inline(always)]
    pub(crate) fn clear_inline(&mut self) {
        for slot in self.locals.iter_mut() {
            *slot = None;
        }
        if !self.stack.is_empty() {
            self.stack.clear();
        }
        if !self.cells.is_empty() {
            self.cells.clear();
        }
        if !self.blocks.is_empty() {
            self.blocks.clear();
        }
        if self.namespace.is_some() {
            self.namespace = None;
        }
        if self.generator.is_some() {
            self.generator = None;
        }
        self.pending = Pending::Call;
    }

    /// The line being executed.
    pub fn line(&self) -> u32 {
        self.code.line_for(self.ip.saturating_sub(1))
    }
}
