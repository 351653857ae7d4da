//! The dispatch loop.
//!
//! `run_loop` owns the running frame as a local `Box<Frame>`; callers waiting for it sit in
//! `Vm::frames`. A Python-to-Python call, a generator resumed by `for` or `yield from`/`await`,
//! and `__init__` of a class instantiation push the current frame and switch to the new one
//! without recursing in Rust. Natives that call back into Python (`vm.call`) start a nested
//! `run_loop` whose base is the current height of `Vm::frames`.

use alloc::boxed::Box;
use alloc::format;
use alloc::rc::Rc;
use alloc::string::String;
use alloc::vec::Vec;
use core::cell::RefCell;

use crate::ast::BinOp;
use crate::attr::{dict_of, SuperCall};
use crate::code::{AttrOp, Code, CO_COROUTINE, HINT_BUILTINS, HINT_NONE};
use crate::dict::Dict;
use crate::exceptions::{exc_state, ExcKind};
use crate::frame::{discard_top, dup, Block, Frame, Pending};
use crate::opcode::Instr;
use crate::types;
use crate::value::{
    push_int, set_bool, set_float, set_int, Function, Obj, PyObject, Str, TbEntry, Value,
};
use crate::vm::Vm;
use crate::{PyErr, PyResult};

/// How a generator resumption ended.
pub enum GenOutcome {
    /// It yielded a value.
    Yielded(Value),
    /// It returned (StopIteration) with a value.
    Returned(Value),
}

/// What made `execute` return to the loop.
enum Event {
    /// Switch to a new frame (the current one waits, with its `pending` set).
    Call(Box<Frame>),
    /// The current frame returned.
    Return(Value),
    /// The current (generator) frame yielded.
    Yield(Value),
    /// A native asked to suspend the whole run (see `embed::Suspend`).
    Suspend,
}

/// The "no self" marker pushed by LoadMethod when the attribute is already bound.
const NO_SELF: Value = Value::NotImplemented;

macro_rules! pop {
    ($self:ident, $frame:ident) => {
        match $frame.stack.pop() {
            Some(v) => v,
            None => return Err($self.stack_underflow()),
        }
    };
}

macro_rules! top {
    ($self:ident, $frame:ident) => {
        match $frame.stack.last() {
            Some(v) => v,
            None => return Err($self.stack_underflow()),
        }
    };
}

/// How `Call` can enter the Python function `v` with `nargs` positional arguments by just
/// moving them into its locals (see `Code::simple_call`): Some(false) for a plain frame,
/// Some(true) when the frame also needs cells (a closure, or a function whose variables are
/// captured: `Vm::init_cells` runs once the arguments are in place); None for the general path.
#[inline]
fn simple_call_kind(v: Option<&Value>, nargs: usize) -> Option<bool> {
    if let Some(Value::Obj(o)) = v {
        if let PyObject::Function(f) = &**o {
            let code = &f.code;
            if code.argcount as usize == nargs {
                if code.simple_call {
                    return Some(false);
                }
                if crate::call::positional_only(code) {
                    return Some(true);
                }
            }
        }
    }
    None
}

/// Arithmetic on two small ints or two floats that needs no VM (no overflow, no error, no
/// Python code): the result, or None for the general path. Both the plain and in-place forms
/// use it (ints and floats are immutable, so `+=` is `+`).
#[inline]
fn int_float_fast(a: &Value, b: &Value, op: BinOp) -> Option<Value> {
    match (a, b) {
        (Value::Int(x), Value::Int(y)) => int_arith(op, *x, *y).map(Value::Int),
        (Value::Float(x), Value::Float(y)) => float_arith(op, *x, *y).map(Value::Float),
        (Value::Float(x), Value::Int(y)) if (-(1i64 << 53)..=(1i64 << 53)).contains(y) => {
            float_arith(op, *x, *y as f64).map(Value::Float)
        }
        (Value::Int(x), Value::Float(y)) if (-(1i64 << 53)..=(1i64 << 53)).contains(x) => {
            float_arith(op, *x as f64, *y).map(Value::Float)
        }
        _ => None,
    }
}

/// `x op y` for small ints when the result is a small int and nothing can fail (None for the
/// general path: overflow, zero or negative divisors, large shifts, other operators).
#[inline(always)]
fn int_arith(op: BinOp, x: i64, y: i64) -> Option<i64> {
    Some(match op {
        BinOp::Add => x.checked_add(y)?,
        BinOp::Sub => x.checked_sub(y)?,
        BinOp::Mult => x.checked_mul(y)?,
        BinOp::BitAnd => x & y,
        BinOp::BitOr => x | y,
        BinOp::BitXor => x ^ y,
        BinOp::FloorDiv if y > 0 && x >= 0 => x / y,
        BinOp::Mod if y > 0 && x >= 0 => x % y,
        BinOp::LShift if (0..32).contains(&y) && (-(1i64 << 31)..(1i64 << 31)).contains(&x) => {
            x << y
        }
        BinOp::RShift if (0..64).contains(&y) => x >> y,
        _ => return None,
    })
}

/// The common numeric cases of a binary operator on the top two stack slots, computed where
/// they lie (no pops and pushes of 16-byte values: docs/value-representation.md measured that
/// shape as the enum's main cost). None for everything else.
#[inline(always)]
fn num_fast(stack: &mut Vec<Value>, op: BinOp) -> bool {
    let [.., a, b] = &mut stack[..] else {
        return false;
    };
    if !arith_into(a, b, op) {
        return false;
    }
    // The right operand was a number: dropping it in place does nothing.
    discard_top(stack);
    true
}

/// `a = a op b` for two ints, two floats or an int and a float when that cannot fail: the
/// result is written straight into `a`'s slot with one 16-byte store (no temporary `Value`, no
/// store the next whole-value load could not forward from: see `value::write_words`). False,
/// with nothing written, for everything else.
#[inline(always)]
fn arith_into(a: &mut Value, b: &Value, op: BinOp) -> bool {
    match (&*a, b) {
        (Value::Int(x), Value::Int(y)) => match int_arith(op, *x, *y) {
            Some(r) => set_int(a, r),
            // `/` of two ints that convert exactly: one correctly rounded division, as in
            // CPython.
            None if op == BinOp::Div
                && *y != 0
                && (-(1i64 << 53)..=(1i64 << 53)).contains(x)
                && (-(1i64 << 53)..=(1i64 << 53)).contains(y) =>
            {
                set_float(a, *x as f64 / *y as f64)
            }
            None => return false,
        },
        (Value::Float(x), Value::Float(y)) => match float_arith(op, *x, *y) {
            Some(r) => set_float(a, r),
            None => return false,
        },
        (Value::Float(x), Value::Int(y)) if (-(1i64 << 53)..=(1i64 << 53)).contains(y) => {
            match float_arith(op, *x, *y as f64) {
                Some(r) => set_float(a, r),
                None => return false,
            }
        }
        (Value::Int(x), Value::Float(y)) if (-(1i64 << 53)..=(1i64 << 53)).contains(x) => {
            match float_arith(op, *x as f64, *y) {
                Some(r) => set_float(a, r),
                None => return false,
            }
        }
        _ => return false,
    }
    true
}

/// Item `i` (negative from the end) of a list or tuple, copied; None for anything else or an
/// index out of range.
#[inline(always)]
fn seq_item(o: &PyObject, i: i64) -> Option<Value> {
    let get = |items: &[Value]| {
        let n = items.len() as i64;
        let j = if i < 0 { i + n } else { i };
        usize::try_from(j).ok().and_then(|j| items.get(j)).map(dup)
    };
    match o {
        PyObject::List(l) => get(&l.try_borrow().ok()?),
        PyObject::Tuple(t) => get(t),
        _ => None,
    }
}

/// The raw (start, stop, step) of `[.., start, stop]` (`n` = 2) or `[.., start, stop, step]`
/// (`n` = 3) on top of the stack when all are ints or None and the step is not zero, with the
/// defaults of `objrange::slice_unpack`; None for everything else (the general path).
#[inline]
fn slice_bounds(stack: &[Value], n: u32) -> Option<(i64, i64, i64)> {
    let bound = |v: &Value| match v {
        Value::None => Some(None),
        Value::Int(i) => Some(Some(*i)),
        _ => None,
    };
    let (a, b, step) = match (n, stack) {
        (2, [.., a, b]) => (a, b, 1),
        (3, [.., a, b, c]) => match bound(c)? {
            None => (a, b, 1),
            Some(0) => return None,
            Some(s) => (a, b, s.max(-i64::MAX)),
        },
        _ => return None,
    };
    let start = bound(a)?.unwrap_or(if step < 0 { i64::MAX } else { 0 });
    let stop = bound(b)?.unwrap_or(if step < 0 { i64::MIN } else { i64::MAX });
    Some((start, stop, step))
}

/// The items of `items` a slice selects (raw bounds as `slice_bounds` gives them).
fn slice_items(items: &[Value], (start, stop, step): (i64, i64, i64)) -> Vec<Value> {
    use crate::objrange::{adjust_indices, slice_len, slice_positions};
    let (s, e, st) = adjust_indices(start, stop, step, items.len());
    let n = slice_len(s, e, st);
    if n == 0 {
        Vec::new()
    } else if st == 1 {
        items
            .get(s as usize..e as usize)
            .map(<[Value]>::to_vec)
            .unwrap_or_default()
    } else {
        let mut v = Vec::with_capacity(n);
        v.extend(slice_positions(s, e, st).filter_map(|p| items.get(p).cloned()));
        v
    }
}

/// `container[index]` for a list or tuple and an in-range int index, read from the top two
/// stack slots (None for everything else, including errors).
#[inline(always)]
fn subscr_fast(stack: &[Value]) -> Option<Value> {
    let [.., Value::Obj(o), Value::Int(i)] = stack else {
        return None;
    };
    seq_item(o, *i)
}

/// `container[index] = v` for a list and an in-range int index; `v` back for everything else
/// (the general path, which also raises the errors).
#[inline(always)]
fn store_subscr_fast(obj: &Value, idx: &Value, v: Value) -> Result<(), Value> {
    let (Value::Obj(o), Value::Int(i)) = (obj, idx) else {
        return Err(v);
    };
    let PyObject::List(l) = &**o else {
        return Err(v);
    };
    let Ok(mut lb) = l.try_borrow_mut() else {
        return Err(v);
    };
    let n = lb.len() as i64;
    let j = if *i < 0 { i + n } else { *i };
    match usize::try_from(j).ok().and_then(|j| lb.get_mut(j)) {
        Some(slot) => {
            let old = core::mem::replace(slot, v);
            drop(lb);
            // Dropping never runs Python code (finalizers are deferred).
            drop(old);
            Ok(())
        }
        None => Err(v),
    }
}

/// Push `items` in reverse order (UnpackSequence of a tuple or list of the right length),
/// each copied with `dup`, after one capacity check.
#[inline(always)]
fn push_rev(stack: &mut Vec<Value>, items: &[Value]) {
    stack.reserve(items.len());
    for v in items.iter().rev() {
        stack.push(dup(v));
    }
}

/// Int and float comparisons on the top two stack slots (None for everything else). An int
/// meets a float only when it converts exactly (|i| <= 2**53), so the result is the exact
/// comparison CPython makes.
#[inline(always)]
fn compare_fast(stack: &[Value], op: crate::ast::CmpOp) -> Option<bool> {
    let [.., a, b] = stack else { return None };
    match (a, b) {
        (Value::Int(x), Value::Int(y)) => ordered(x, y, op),
        (Value::Float(x), Value::Float(y)) => ordered(x, y, op),
        (Value::Float(x), Value::Int(y)) if (-(1i64 << 53)..=(1i64 << 53)).contains(y) => {
            ordered(x, &(*y as f64), op)
        }
        (Value::Int(x), Value::Float(y)) if (-(1i64 << 53)..=(1i64 << 53)).contains(x) => {
            ordered(&(*x as f64), y, op)
        }
        _ => None,
    }
}

/// `x op y` for an ordering or equality operator (None for `is`, `in` and their negations).
#[inline(always)]
fn ordered<T: PartialOrd>(x: &T, y: &T, op: crate::ast::CmpOp) -> Option<bool> {
    use crate::ast::CmpOp::*;
    Some(match op {
        Lt => x < y,
        LtE => x <= y,
        Gt => x > y,
        GtE => x >= y,
        Eq => x == y,
        NotEq => x != y,
        _ => return None,
    })
}

/// The next item of a range, list or tuple iterator on top of the stack, read in place:
/// `Some(Some(v))`, `Some(None)` when exhausted, None for other iterators (the general path).
#[inline(always)]
fn for_iter_fast(top: Option<&Value>) -> Option<Option<Value>> {
    let Some(Value::Obj(o)) = top else {
        return None;
    };
    let PyObject::Iter(st) = &**o else {
        return None;
    };
    let mut st = st.try_borrow_mut().ok()?;
    // The next item of a list or tuple, copied with `dup` (one 16-byte move); the end of the
    // sequence and the other iterators go to `step_simple`.
    if let crate::value::IterState::Seq {
        seq: Value::Obj(s),
        index,
    } = &mut *st
    {
        let item = match &**s {
            PyObject::List(l) => l.try_borrow().ok().and_then(|l| l.get(*index).map(dup)),
            PyObject::Tuple(t) => t.get(*index).map(dup),
            _ => None,
        };
        if item.is_some() {
            *index += 1;
            return Some(item);
        }
    }
    crate::iter::step_simple(&mut st)
}

/// Replace the top two stack slots by `r` (what they held is dropped; dropping never runs
/// Python code: finalizers are deferred).
#[inline(always)]
fn replace_top2(stack: &mut Vec<Value>, r: Value) {
    // Not `pop`: dropping in place reads only the tag (see `dup`).
    discard_top(stack);
    if let Some(top) = stack.last_mut() {
        *top = r;
    }
}

/// `x op y` for floats when it cannot fail (None for the slow path: division by zero, other
/// operators).
#[inline(always)]
fn float_arith(op: BinOp, x: f64, y: f64) -> Option<f64> {
    Some(match op {
        BinOp::Add => x + y,
        BinOp::Sub => x - y,
        BinOp::Mult => x * y,
        BinOp::Div if y != 0.0 => x / y,
        BinOp::Pow => crate::number::float_pow_fast(x, y)?,
        _ => return None,
    })
}

/// LoadGlobal's full lookup of `name` in the dict `dc` (the globals, or the builtins with `tag`
/// HINT_BUILTINS): on a hit the entry's index goes to `hint`, and the code's interned name
/// becomes the key (a hint only matches the very key object).
fn global_lookup_fill(
    dc: &RefCell<crate::dict::Dict>,
    name: &Str,
    hint: &core::cell::Cell<u32>,
    tag: u32,
) -> Option<Value> {
    let d = dc.borrow();
    let ix = d.index_of_name(name)?;
    hint.set(ix as u32 | tag);
    let v = d.entry(ix).map(|e| e.value.clone());
    drop(d);
    if let Ok(mut dm) = dc.try_borrow_mut() {
        dm.adopt_name_at(ix, name);
    }
    v
}

/// What `gen_enter` found.
enum GenEntry {
    /// The generator's frame, ready to run.
    Frame(Box<Frame>),
    /// The generator is finished (its caller treats that as exhaustion).
    Finished,
    /// An exception is pending (`pend_throw`): the caller resumes through `gen_resume`, which
    /// throws it in; the value to send is handed back.
    Pending(Value),
}

fn gen_of(o: &Obj) -> Option<&RefCell<crate::value::Generator>> {
    match &**o {
        PyObject::Generator(g) => Some(g),
        _ => None,
    }
}

/// The generator `g` when `callee` is `[next, g]`: the built-in `next` called with a generator
/// (not a coroutine or an async generator, which `next` refuses).
#[inline]
fn next_of_generator(callee: Option<&[Value]>) -> Option<Obj> {
    let Some([Value::Obj(f), Value::Obj(g)]) = callee else {
        return None;
    };
    let (PyObject::Builtin(b), PyObject::Generator(gc)) = (&**f, &**g) else {
        return None;
    };
    if b.name != "next" || b.method || b.bound.is_some() {
        return None;
    }
    let flags = gc.try_borrow().ok()?.flags;
    if flags & (CO_COROUTINE | crate::code::CO_ASYNC_GENERATOR) != 0 {
        return None;
    }
    Some(g.clone())
}

/// Undo what `gen_enter` did to a suspended generator frame's stack and instruction pointer
/// (the sent value pushed, or the PopTop after its `yield` skipped), so that the frame can be
/// parked again as it was.
fn unsend(f: &mut Frame) {
    let skipped = f.ip >= 2
        && matches!(f.code.instrs.get(f.ip - 1), Some(Instr::PopTop))
        && matches!(f.code.instrs.get(f.ip - 2), Some(Instr::YieldValue));
    if skipped {
        f.ip -= 1;
    } else {
        f.stack.pop();
    }
}

/// Store a suspended frame back into its generator. The frame's link to the generator is cut
/// while it is parked, so the generator is not kept alive by its own frame.
fn park_frame(gm: &mut crate::value::Generator, mut f: Box<Frame>) {
    f.generator = None;
    gm.frame = Some(f);
}

impl Vm {
    #[cold]
    #[inline(never)]
    fn unbound_local(&mut self, code: &Code, i: usize) -> PyErr {
        let n = code
            .varnames
            .get(i)
            .map(|s| String::from(s.as_str()))
            .unwrap_or_default();
        self.err(
            ExcKind::UnboundLocalError,
            format!(
                "cannot access local variable '{}' where it is not associated with a value",
                n
            ),
        )
    }

    fn stack_underflow(&mut self) -> PyErr {
        self.err(ExcKind::SystemError, "bytecode stack underflow")
    }

    /// The Python frame that made the native call now running, if any.
    pub fn caller_frame(&self) -> Option<&Frame> {
        if self.caller_frame.is_null() {
            None
        } else {
            // SAFETY: `caller_frame` is set by the dispatch loop to the frame that is making a
            // native call, right before the call, and that frame (a Box owned by the loop) stays
            // alive and unmoved in memory until the call returns; it is cleared when the loop that
            // set it exits.
            unsafe { Some(&*self.caller_frame) }
        }
    }

    /// Run a frame to completion (a nested run); returns its return value.
    pub fn run_nested(&mut self, frame: Box<Frame>) -> PyResult {
        match self.run_frame(frame, None)? {
            GenOutcome::Returned(v) => Ok(v),
            GenOutcome::Yielded(_) => Err(self.err(ExcKind::SystemError, "unexpected yield")),
        }
    }

    /// Run a frame until it returns or (if it is a generator frame) yields.
    pub fn run_frame(&mut self, frame: Box<Frame>, throw: Option<PyErr>) -> PyResult<GenOutcome> {
        let base = self.frames.len();
        self.run_frame_at(frame, throw, base)
    }

    /// Run with an explicit base height of the frame stack (frames below it are not this
    /// run's); used to resume a suspended run whose callers are still on the stack.
    pub(crate) fn run_frame_at(
        &mut self,
        frame: Box<Frame>,
        throw: Option<PyErr>,
        base: usize,
    ) -> PyResult<GenOutcome> {
        self.enter_native()?;
        let saved = self.caller_frame;
        let r = self.run_loop(frame, throw, base);
        self.caller_frame = saved;
        self.leave_native();
        r
    }

    /// Append a traceback entry for `frame` to the exception.
    pub(crate) fn add_traceback(&mut self, e: &PyErr, frame: &Frame) {
        if let Some(st) = exc_state(&e.0) {
            let entry = TbEntry {
                filename: frame.code.filename.clone(),
                name: frame.code.name.clone(),
                line: frame.line(),
            };
            let mut st = st.borrow_mut();
            if st.traceback.len() < 2000 {
                st.traceback.push(entry);
            }
        }
    }

    /// Do the duties dropped objects left behind, if any (see `finalize`): write dropped files'
    /// buffers, close generators dropped inside `try`/`with` blocks.
    #[inline]
    pub(crate) fn run_finalizers(&mut self) {
        if self.finalizers.pending() {
            crate::finalize::run_finalizers(self);
        }
    }

    fn finish_generator(&mut self, g: &Obj) {
        if let Some(gc) = gen_of(g) {
            let mut gm = gc.borrow_mut();
            gm.running = false;
            gm.finished = true;
            gm.frame = None;
        }
    }

    /// Pop the top of the stack as a truth value (a bool read in place, anything else through
    /// `bool()`), for the conditional jumps.
    #[inline(always)]
    fn pop_truth(&mut self, frame: &mut Frame) -> PyResult<bool> {
        // Bools, ints and None are read in place (nothing to drop).
        let t = match frame.stack.last() {
            Some(Value::Bool(b)) => Some(*b),
            Some(Value::Int(i)) => Some(*i != 0),
            Some(Value::None) => Some(false),
            _ => None,
        };
        match t {
            Some(b) => {
                discard_top(&mut frame.stack);
                Ok(b)
            }
            None => match frame.stack.pop() {
                Some(v) => self.truthy(&v),
                None => Err(self.stack_underflow()),
            },
        }
    }

    /// True when a resumable run should pause now to give the host a turn.
    #[inline]
    fn slice_over(&mut self) -> bool {
        if self.budget == 0 || !self.resumable || self.native_depth != 1 {
            return false;
        }
        if self.budget_left == 0 {
            self.budget_left = self.budget;
            self.suspend_request = Some(crate::embed::Suspend::Yield);
            self.suspend_push = false;
            return true;
        }
        self.budget_left -= 1;
        false
    }

    fn run_loop(
        &mut self,
        mut frame: Box<Frame>,
        throw: Option<PyErr>,
        base: usize,
    ) -> PyResult<GenOutcome> {
        let mut pending_err = throw;
        if let Some(e) = &pending_err {
            let e = e.clone();
            self.add_traceback(&e, &frame);
        }
        loop {
            let ev = match pending_err.take() {
                Some(e) => Err(e),
                None => self.execute(&mut frame, base),
            };
            match ev {
                Ok(Event::Call(new)) => {
                    if self.frames.len() >= self.config.recursion_limit {
                        if let Some(g) = new.generator.clone() {
                            // Put a generator's frame back so it can be resumed later.
                            if let Some(gc) = gen_of(&g) {
                                let mut gm = gc.borrow_mut();
                                gm.running = false;
                                let mut nf = new;
                                if nf.ip > 0 {
                                    unsend(&mut nf);
                                }
                                park_frame(&mut gm, nf);
                            }
                        }
                        frame.pending = Pending::Call;
                        let e =
                            self.err(ExcKind::RecursionError, "maximum recursion depth exceeded");
                        self.add_traceback(&e, &frame);
                        pending_err = Some(e);
                        continue;
                    }
                    let old = core::mem::replace(&mut frame, new);
                    self.frames.push(old);
                    if self.slice_over() {
                        self.frames.push(frame);
                        return Err(PyErr(Value::None));
                    }
                }
                Ok(Event::Suspend) => {
                    self.frames.push(frame);
                    return Err(PyErr(Value::None));
                }
                Ok(Event::Return(v)) => {
                    if let Some(g) = frame.generator.take() {
                        self.finish_generator(&g);
                    }
                    if self.frames.len() == base {
                        self.recycle_frame(frame);
                        return Ok(GenOutcome::Returned(v));
                    }
                    let caller = match self.frames.pop() {
                        Some(f) => f,
                        None => return Err(self.stack_underflow()),
                    };
                    let done = core::mem::replace(&mut frame, caller);
                    self.recycle_frame(done);
                    self.run_finalizers();
                    match frame.pending {
                        Pending::Call => frame.stack.push(v),
                        Pending::Init => {
                            if !v.is_none() {
                                let tn = self.type_name(&v);
                                let e = self.type_error(format!(
                                    "__init__() should return None, not '{}'",
                                    tn
                                ));
                                self.add_traceback(&e, &frame);
                                pending_err = Some(e);
                            }
                        }
                        Pending::ForIter(t) => {
                            frame.stack.pop();
                            frame.ip = t as usize;
                        }
                        Pending::YieldFrom => {
                            frame.stack.pop();
                            frame.stack.push(v);
                        }
                        Pending::Next => {
                            let e = self.stop_iteration(v);
                            self.add_traceback(&e, &frame);
                            if let Some(h) = &self.handled {
                                if let Some(st) = exc_state(&e.0) {
                                    st.borrow_mut().context = h.clone();
                                }
                            }
                            pending_err = Some(e);
                        }
                        Pending::BinOp(op) => {
                            let b = frame.stack.pop().unwrap_or(Value::None);
                            let a = frame.stack.pop().unwrap_or(Value::None);
                            let r = if matches!(v, Value::NotImplemented) {
                                self.binary_op_after_lhs(&a, &b, op)
                            } else {
                                Ok(v)
                            };
                            match r {
                                Ok(r) => frame.stack.push(r),
                                Err(e) => {
                                    self.add_traceback(&e, &frame);
                                    pending_err = Some(e);
                                }
                            }
                        }
                    }
                    frame.pending = Pending::Call;
                }
                Ok(Event::Yield(v)) => {
                    let mut cur = frame;
                    loop {
                        let Some(g) = cur.generator.clone() else {
                            return Err(
                                self.err(ExcKind::SystemError, "yield outside a generator frame")
                            );
                        };
                        let caller = if self.frames.len() == base {
                            None
                        } else {
                            self.frames.pop()
                        };
                        if let Some(gc) = gen_of(&g) {
                            let mut gm = gc.borrow_mut();
                            gm.running = false;
                            park_frame(&mut gm, cur);
                        }
                        let Some(c) = caller else {
                            return Ok(GenOutcome::Yielded(v));
                        };
                        cur = c;
                        if cur.pending == Pending::YieldFrom {
                            cur.ip -= 1;
                            cur.pending = Pending::Call;
                            continue;
                        }
                        cur.stack.push(v);
                        cur.pending = Pending::Call;
                        break;
                    }
                    frame = cur;
                }
                Err(e) => {
                    let mut e = e;
                    loop {
                        if self.handle_exception(&mut frame, &e) {
                            break;
                        }
                        if let Some(g) = frame.generator.take() {
                            self.finish_generator(&g);
                            let is_agen = frame.code.flags & crate::code::CO_ASYNC_GENERATOR != 0;
                            if self.err_matches(&e, ExcKind::StopIteration)
                                || (is_agen && self.err_matches(&e, ExcKind::StopAsyncIteration))
                            {
                                let is_coro = frame.code.flags & CO_COROUTINE != 0;
                                let msg = if is_coro {
                                    "coroutine raised StopIteration"
                                } else {
                                    "generator raised StopIteration"
                                };
                                let ne = self.err(ExcKind::RuntimeError, msg);
                                if let Some(st) = exc_state(&ne.0) {
                                    let mut st = st.borrow_mut();
                                    st.cause = e.0.clone();
                                    st.context = e.0.clone();
                                    st.suppress_context = true;
                                }
                                e = ne;
                            }
                        }
                        if self.frames.len() == base {
                            return Err(e);
                        }
                        frame = match self.frames.pop() {
                            Some(f) => f,
                            None => return Err(e),
                        };
                        frame.pending = Pending::Call;
                        self.add_traceback(&e, &frame);
                    }
                }
            }
        }
    }

    /// Find a handler for `e` in the frame; true when execution continues there.
    fn handle_exception(&mut self, frame: &mut Frame, e: &PyErr) -> bool {
        while let Some(b) = frame.blocks.pop() {
            match b {
                Block::ExceptHandler { prev } => self.handled = prev,
                Block::Handler { handler, level } => {
                    frame.stack.truncate(level as usize);
                    frame.blocks.push(Block::ExceptHandler {
                        prev: self.handled.take(),
                    });
                    self.handled = Some(e.0.clone());
                    frame.stack.push(e.0.clone());
                    frame.ip = handler as usize;
                    return true;
                }
            }
        }
        false
    }

    /// Run instructions of `frame` until a frame event; errors get the frame's traceback entry.
    fn execute(&mut self, frame: &mut Box<Frame>, base: usize) -> Result<Event, PyErr> {
        let mut reraise = false;
        match self.execute_inner(frame, &mut reraise, base) {
            Ok(ev) => Ok(ev),
            Err(_) if self.suspend_request.is_some() => Ok(Event::Suspend),
            Err(e) => {
                if !reraise {
                    self.add_traceback(&e, frame);
                    if let Some(h) = &self.handled {
                        if !h.is(&e.0) {
                            if let Some(st) = exc_state(&e.0) {
                                let mut st = st.borrow_mut();
                                if st.context.is_none() {
                                    st.context = h.clone();
                                }
                            }
                        }
                    }
                }
                Err(e)
            }
        }
    }

    fn name_error(&mut self, name: &Str) -> PyErr {
        self.err(
            ExcKind::NameError,
            format!("name '{}' is not defined", name.as_str()),
        )
    }

    fn load_global(&mut self, globals: &Obj, name: &Str) -> PyResult {
        if let Some(d) = dict_of(globals) {
            if let Some(v) = d.borrow().get_name(name) {
                return Ok(v.clone());
            }
        }
        if let Some(d) = dict_of(&self.builtins) {
            if let Some(v) = d.borrow().get_name(name) {
                return Ok(v.clone());
            }
        }
        Err(self.name_error(name))
    }

    /// The code and globals of the Python method `a.__op__` when the dispatch loop may run it
    /// as a frame: `a` is an instance whose class defines it as a plain two-parameter function,
    /// and `b` cannot take priority (a non-object value, or an instance of the same class).
    #[inline]
    fn binop_target(&mut self, a: &Value, b: &Value, op: BinOp) -> Option<(Rc<Code>, Obj)> {
        let Value::Obj(ao) = a else { return None };
        let PyObject::Instance(ia) = &**ao else {
            return None;
        };
        let cls = ia.class.try_borrow().ok()?.clone();
        if let Value::Obj(bo) = b {
            let PyObject::Instance(ib) = &**bo else {
                return None;
            };
            if !Rc::ptr_eq(&*ib.class.try_borrow().ok()?, &cls) {
                return None;
            }
        }
        let name = self.name(crate::ops::binop_names(op).0);
        let Some(Value::Obj(fo)) = self.type_lookup(&cls, &name) else {
            return None;
        };
        match &*fo {
            PyObject::Function(f) if f.code.simple_call && f.code.argcount == 2 => {
                Some((f.code.clone(), f.globals.clone()))
            }
            _ => None,
        }
    }

    /// LoadMethod on a super object bound to an instance, when the attribute found after the
    /// start class in the instance's MRO is a plain Python function: that function and the
    /// instance (so CallMethod passes it as self without a bound method). None for everything
    /// else, which takes the generic attribute lookup.
    #[inline]
    fn super_method(&mut self, obj: &Value, name: Option<&Str>) -> Option<(Value, Value)> {
        let Value::Obj(o) = obj else { return None };
        let PyObject::Super(Value::Obj(start), target @ Value::Obj(t)) = &**o else {
            return None;
        };
        let name = name?;
        let PyObject::Instance(inst) = &**t else {
            return None;
        };
        let owner = inst.class.try_borrow().ok()?.clone();
        match self.super_lookup(start, &owner, name)? {
            f @ Value::Obj(_) if matches!(&f, Value::Obj(fo) if matches!(&**fo, PyObject::Function(_))) => {
                Some((f, target.clone()))
            }
            _ => None,
        }
    }

    /// LoadGlobal of name `i` of `code`, trying the entry where it was found last time.
    #[inline]
    fn load_global_cached(&mut self, globals: &Obj, code: &Code, i: usize) -> PyResult {
        let (Some(name), Some(hint)) = (code.names.get(i), code.caches.global_hint.get(i)) else {
            return Err(self.stack_underflow());
        };
        let h = hint.get();
        if let Some(dc) = dict_of(globals) {
            let d = dc.borrow();
            if h & HINT_BUILTINS == 0 {
                if let Some(v) = d.value_if_key_at(h as usize, name) {
                    return Ok(dup(v));
                }
            }
            // A builtin is usually proved absent from the globals by their key filter.
            let maybe = d.may_contain_name(name);
            drop(d);
            if maybe {
                if let Some(v) = global_lookup_fill(dc, name, hint, 0) {
                    return Ok(v);
                }
            }
        } else {
            return self.load_global(globals, name);
        }
        if let Some(dc) = dict_of(&self.builtins) {
            let d = dc.borrow();
            if h != HINT_NONE && h & HINT_BUILTINS != 0 {
                if let Some(v) = d.value_if_key_at((h & !HINT_BUILTINS) as usize, name) {
                    return Ok(v.clone());
                }
            }
            drop(d);
            if let Some(v) = global_lookup_fill(dc, name, hint, HINT_BUILTINS) {
                return Ok(v);
            }
        }
        Err(self.name_error(name))
    }

    // `code` is a plain reference to the current frame's code (it was an `Rc`): the handlers'
    // `&code` arguments are kept as they are.
    #[allow(clippy::cognitive_complexity, clippy::needless_borrow)]
    fn execute_inner(
        &mut self,
        frame: &mut Box<Frame>,
        reraise: &mut bool,
        base: usize,
    ) -> Result<Event, PyErr> {
        // The current frame's code, borrowed without a reference count: `load_code!` renews it
        // at every frame switch. SAFETY (for every use of `code`): the current frame owns an
        // `Rc` of its code for as long as it is current (it is only ever moved, never dropped,
        // while this loop runs it, and a frame's code is never replaced while it is in use), and
        // `code` is reloaded right after each switch, before any use.
        let mut code: &Code = unsafe { &*Rc::as_ptr(&frame.code) };
        // The instruction slice and the instruction pointer live in locals of the loop (no
        // reloads through the frame and the code object per instruction). `frame.ip` is still
        // written at every dispatch, so everything outside this loop (tracebacks, frame
        // switches, suspension) sees the right value; jumps set both.
        let mut instrs: *const [Instr] = &code.instrs[..];
        let mut ip: usize = frame.ip;
        // Switch the locals above to the code and ip of the (new) current frame.
        macro_rules! load_code {
            () => {{
                // SAFETY: see `code` above.
                code = unsafe { &*Rc::as_ptr(&frame.code) };
                instrs = &code.instrs[..];
                ip = frame.ip;
            }};
        }
        // Continue at instruction `t`.
        macro_rules! jump {
            ($t:expr) => {{
                ip = $t as usize;
                frame.ip = ip;
            }};
        }
        // Enter a Python frame without leaving the loop (calls stay in this Rust frame).
        macro_rules! enter {
            ($nf:expr) => {{
                let nf = $nf;
                if self.frames.len() >= self.config.recursion_limit {
                    return Ok(Event::Call(nf));
                }
                let old = core::mem::replace(frame, nf);
                self.frames.push(old);
                if self.slice_over() {
                    return Ok(Event::Suspend);
                }
                load_code!();
                continue;
            }};
        }
        // LoadFast of slot `i` alone: the slow path of the superinstructions that start with it.
        macro_rules! load_fast {
            ($i:expr) => {{
                match frame.locals.get($i as usize) {
                    Some(Some(v)) => {
                        let v = dup(v);
                        frame.stack.push(v);
                    }
                    _ => return Err(self.unbound_local(&code, $i as usize)),
                }
            }};
        }
        loop {
            // SAFETY: `instrs` points into `code.instrs`; `code` is the current frame's code
            // (see its definition), only replaced by `load_code!`, which resets `instrs` with
            // it, and a code object is never mutated once built.
            let Some(&ins) = (unsafe { &*instrs }).get(ip) else {
                return Err(self.err(ExcKind::SystemError, "instruction pointer out of range"));
            };
            ip += 1;
            frame.ip = ip;
            match ins {
                Instr::Nop => {}
                Instr::LoadConst(i) => {
                    let v = code.consts.get(i as usize).map(dup).unwrap_or(Value::None);
                    frame.stack.push(v);
                }
                Instr::LoadNone => frame.stack.push(Value::None),
                Instr::LoadBool(b) => frame.stack.push(Value::Bool(b)),
                Instr::LoadInt(i) => push_int(&mut frame.stack, i as i64),
                Instr::LoadFast(i) => match frame.locals.get(i as usize) {
                    Some(Some(v)) => {
                        // `local.attr` and `local.attr = x` (`self.x`) answered by the attribute
                        // cache straight from the local: the object is neither pushed nor
                        // popped, so its reference count is not touched, and the LoadAttr or
                        // StoreAttr that follows is consumed. A cache miss takes the two
                        // instructions one by one.
                        if let Value::Obj(_) = v {
                            // SAFETY: as for the fetch above.
                            match unsafe { &*instrs }.get(ip) {
                                Some(&Instr::LoadAttr(a)) => {
                                    if let Some(r) = self.load_attr_cached(&code, a as usize, v) {
                                        ip += 1;
                                        frame.stack.push(r);
                                        continue;
                                    }
                                }
                                Some(&Instr::StoreAttr(a)) => {
                                    if let Some(x) = frame.stack.pop() {
                                        match self.store_attr_cached(&code, a as usize, v, x) {
                                            None => {
                                                ip += 1;
                                                continue;
                                            }
                                            Some(x) => frame.stack.push(x),
                                        }
                                    }
                                }
                                _ => {}
                            }
                        }
                        let v = dup(v);
                        frame.stack.push(v)
                    }
                    _ => {
                        let n = code
                            .varnames
                            .get(i as usize)
                            .map(|s| String::from(s.as_str()))
                            .unwrap_or_default();
                        return Err(self.err(ExcKind::UnboundLocalError, format!("cannot access local variable '{}' where it is not associated with a value", n)));
                    }
                },
                Instr::StoreFast(i) => {
                    // One 16-byte move from the stack top into the slot (the fast paths store
                    // their results whole, see `value::write_words`); the old value is dropped
                    // after the store, so the new one is not spilled around that drop.
                    let v = pop!(self, frame);
                    if let Some(slot) = frame.locals.get_mut(i as usize) {
                        let old = slot.replace(v);
                        drop(old);
                    }
                }
                Instr::DeleteFast(i) => {
                    let ok = frame
                        .locals
                        .get_mut(i as usize)
                        .map(|s| s.take().is_some())
                        .unwrap_or(false);
                    if !ok {
                        let n = code
                            .varnames
                            .get(i as usize)
                            .map(|s| String::from(s.as_str()))
                            .unwrap_or_default();
                        return Err(self.err(ExcKind::UnboundLocalError, format!("cannot access local variable '{}' where it is not associated with a value", n)));
                    }
                    self.run_finalizers();
                }
                Instr::LoadDeref(i) => {
                    let v = self.cell_get(frame, &code, i as usize)?;
                    frame.stack.push(v);
                }
                Instr::StoreDeref(i) => {
                    let v = pop!(self, frame);
                    if let Some(Value::Obj(c)) = frame.cells.get(i as usize) {
                        if let PyObject::Cell(cell) = &**c {
                            *cell.borrow_mut() = Some(v);
                        }
                    }
                }
                Instr::DeleteDeref(i) => {
                    self.cell_get(frame, &code, i as usize)?;
                    if let Some(Value::Obj(c)) = frame.cells.get(i as usize) {
                        if let PyObject::Cell(cell) = &**c {
                            *cell.borrow_mut() = None;
                        }
                    }
                }
                Instr::LoadClosure(i) => {
                    let c = frame.cells.get(i as usize).cloned().unwrap_or(Value::None);
                    frame.stack.push(c);
                }
                Instr::LoadClassDeref(packed) => {
                    let ni = (packed & 0xffff) as usize;
                    let ci = (packed >> 16) as usize;
                    let name = code.names[ni].clone();
                    let found = frame
                        .namespace
                        .as_ref()
                        .and_then(|ns| dict_of(ns))
                        .and_then(|d| d.borrow().get_name(&name).cloned());
                    match found {
                        Some(v) => frame.stack.push(v),
                        None => {
                            let v = self.cell_get(frame, &code, ci)?;
                            frame.stack.push(v);
                        }
                    }
                }
                Instr::LoadGlobal(i) => {
                    let v = self.load_global_cached(&frame.globals, &code, i as usize)?;
                    frame.stack.push(v);
                }
                Instr::StoreGlobal(i) => {
                    let v = pop!(self, frame);
                    if let Some(d) = dict_of(&frame.globals) {
                        d.borrow_mut().set_name(code.names[i as usize].clone(), v);
                    }
                    self.run_finalizers();
                }
                Instr::DeleteGlobal(i) => {
                    let name = &code.names[i as usize];
                    let removed =
                        dict_of(&frame.globals).and_then(|d| d.borrow_mut().remove_name(name));
                    if removed.is_none() {
                        return Err(self.name_error(name));
                    }
                    drop(removed);
                    self.run_finalizers();
                }
                Instr::LoadName(i) => {
                    let name = &code.names[i as usize];
                    let found = match &frame.namespace {
                        Some(ns) => self.namespace_get(ns, name)?,
                        None => None,
                    };
                    let v = match found {
                        Some(v) => v,
                        None => self.load_global(&frame.globals, name)?,
                    };
                    frame.stack.push(v);
                }
                Instr::StoreName(i) => {
                    let v = pop!(self, frame);
                    let name = code.names[i as usize].clone();
                    let ns = frame
                        .namespace
                        .clone()
                        .unwrap_or_else(|| frame.globals.clone());
                    self.namespace_set(&ns, name, v)?;
                    self.run_finalizers();
                }
                Instr::DeleteName(i) => {
                    let name = code.names[i as usize].clone();
                    let ns = frame
                        .namespace
                        .clone()
                        .unwrap_or_else(|| frame.globals.clone());
                    let removed = match dict_of(&ns) {
                        Some(d) => d.borrow_mut().remove_name(&name).is_some(),
                        None => {
                            let k = Value::Str(name.clone());
                            self.delitem(&Value::Obj(ns.clone()), &k).is_ok()
                        }
                    };
                    if !removed {
                        return Err(self.name_error(&name));
                    }
                    self.run_finalizers();
                }
                Instr::LoadAttr(i) => {
                    let obj = pop!(self, frame);
                    let v = match self.load_attr_cached(&code, i as usize, &obj) {
                        Some(v) => v,
                        None => self.load_attr_slow(&code, i as usize, &obj)?,
                    };
                    frame.stack.push(v);
                }
                Instr::StoreAttr(i) => {
                    let obj = pop!(self, frame);
                    let v = pop!(self, frame);
                    if let Some(v) = self.store_attr_cached(&code, i as usize, &obj, v) {
                        self.store_attr_slow(&code, i as usize, &obj, v)?;
                    }
                }
                Instr::DeleteAttr(i) => {
                    let obj = pop!(self, frame);
                    self.delattr(&obj, &code.names[i as usize])?;
                }
                Instr::LoadMethod(i) => {
                    let obj = pop!(self, frame);
                    if let Some(f) = self.load_method_cached(&code, i as usize, &obj) {
                        frame.stack.push(f);
                        frame.stack.push(obj);
                    } else if let Some((f, target)) =
                        self.super_method(&obj, code.names.get(i as usize))
                    {
                        frame.stack.push(f);
                        frame.stack.push(target);
                    } else {
                        let name = &code.names[i as usize];
                        let keep = obj.clone();
                        let (a, b) = self.load_method(obj, name)?;
                        frame.stack.push(a);
                        frame.stack.push(b);
                        self.fill_attr_site(&code, i as usize, AttrOp::Method, &keep, None);
                    }
                }
                Instr::CallMethod(n) => {
                    let n = n as usize;
                    let len = frame.stack.len();
                    if len < n + 2 {
                        return Err(self.stack_underflow());
                    }
                    let self_pos = len - n - 1;
                    let mut nargs = n + 1;
                    if matches!(frame.stack[self_pos], Value::NotImplemented) {
                        frame.stack.remove(self_pos);
                        nargs = n;
                    }
                    let pos = self_pos - 1;
                    if let Some(cells) = simple_call_kind(frame.stack.get(pos), nargs) {
                        self.periodic_checks()?;
                        if let Some(nf) = self.enter_simple(&mut frame.stack, pos, cells) {
                            frame.pending = Pending::Call;
                            enter!(nf);
                        }
                    }
                    if let Some(f) = self.call_from_stack(frame, pos, None)? {
                        enter!(f);
                    }
                }
                Instr::CallMethodKw(n) => {
                    let kwnames = pop!(self, frame);
                    let n = n as usize;
                    let len = frame.stack.len();
                    if len < n + 2 {
                        return Err(self.stack_underflow());
                    }
                    let self_pos = len - n - 1;
                    if matches!(frame.stack[self_pos], Value::NotImplemented) {
                        frame.stack.remove(self_pos);
                    }
                    if let Some(f) = self.call_from_stack(frame, self_pos - 1, Some(kwnames))? {
                        enter!(f);
                    }
                }
                Instr::BinaryOp(op) => {
                    if num_fast(&mut frame.stack, op) {
                        continue;
                    }
                    let b = pop!(self, frame);
                    let a = pop!(self, frame);
                    let r = match (&a, &b, op) {
                        (Value::Int(x), Value::Int(y), BinOp::Add)
                            if x.checked_add(*y).is_some() =>
                        {
                            Value::Int(x + y)
                        }
                        (Value::Int(x), Value::Int(y), BinOp::Sub)
                            if x.checked_sub(*y).is_some() =>
                        {
                            Value::Int(x - y)
                        }
                        (Value::Float(x), Value::Float(y), BinOp::Add) => Value::Float(x + y),
                        (Value::Float(x), Value::Float(y), BinOp::Sub) => Value::Float(x - y),
                        (Value::Float(x), Value::Float(y), BinOp::Mult) => Value::Float(x * y),
                        _ => match int_float_fast(&a, &b, op) {
                            Some(r) => r,
                            None => {
                                if let Some((c, g)) = self.binop_target(&a, &b, op) {
                                    // Run `a.__op__(b)` as a frame; both operands stay below.
                                    let (ac, bc) = (a.clone(), b.clone());
                                    frame.stack.push(a);
                                    frame.stack.push(b);
                                    let pos = frame.stack.len();
                                    frame.stack.push(Value::None);
                                    frame.stack.push(ac);
                                    frame.stack.push(bc);
                                    self.periodic_checks()?;
                                    let nf =
                                        self.call_frame_from_stack(c, g, &mut frame.stack, pos);
                                    frame.pending = Pending::BinOp(op);
                                    enter!(nf);
                                }
                                self.binary_op(&a, &b, op)?
                            }
                        },
                    };
                    frame.stack.push(r);
                }
                Instr::InplaceOp(op) => {
                    if num_fast(&mut frame.stack, op) {
                        continue;
                    }
                    let b = pop!(self, frame);
                    let a = pop!(self, frame);
                    let r = match (&a, &b, op) {
                        (Value::Int(x), Value::Int(y), BinOp::Add)
                            if x.checked_add(*y).is_some() =>
                        {
                            Value::Int(x + y)
                        }
                        (Value::Int(x), Value::Int(y), BinOp::Sub)
                            if x.checked_sub(*y).is_some() =>
                        {
                            Value::Int(x - y)
                        }
                        _ => match int_float_fast(&a, &b, op) {
                            Some(r) => r,
                            None => self.inplace_op(&a, &b, op)?,
                        },
                    };
                    frame.stack.push(r);
                }
                Instr::UnaryNeg => {
                    let a = pop!(self, frame);
                    let r = match a {
                        Value::Int(i) if i != i64::MIN => Value::Int(-i),
                        Value::Float(f) => Value::Float(-f),
                        _ => self.unary_op(&a, "-")?,
                    };
                    frame.stack.push(r);
                }
                Instr::UnaryPos => {
                    let a = pop!(self, frame);
                    let r = self.unary_op(&a, "+")?;
                    frame.stack.push(r);
                }
                Instr::UnaryInvert => {
                    let a = pop!(self, frame);
                    let r = self.unary_op(&a, "~")?;
                    frame.stack.push(r);
                }
                Instr::UnaryNot => {
                    let a = pop!(self, frame);
                    let t = self.truthy(&a)?;
                    frame.stack.push(Value::Bool(!t));
                }
                Instr::Compare(op) => {
                    if let Some(b) = compare_fast(&frame.stack, op) {
                        // Followed by a conditional jump (`if a < b`, `while i < n`): take
                        // it here, without pushing and popping the bool.
                        // SAFETY: as for the dispatch above.
                        let next = (unsafe { &*instrs }).get(ip).copied();
                        match next {
                            Some(Instr::PopJumpIfFalse(t)) | Some(Instr::PopJumpIfTrue(t)) => {
                                discard_top(&mut frame.stack);
                                discard_top(&mut frame.stack);
                                let when = matches!(next, Some(Instr::PopJumpIfTrue(_)));
                                if b == when {
                                    jump!(t);
                                } else {
                                    ip += 1;
                                    frame.ip = ip;
                                }
                            }
                            _ => {
                                // Both operands are numbers: nothing to drop.
                                discard_top(&mut frame.stack);
                                if let Some(top) = frame.stack.last_mut() {
                                    set_bool(top, b);
                                }
                            }
                        }
                        continue;
                    }
                    let b = pop!(self, frame);
                    let a = pop!(self, frame);
                    let r = match (&a, &b) {
                        (Value::Int(x), Value::Int(y)) => {
                            use crate::ast::CmpOp::*;
                            match op {
                                Lt => Value::Bool(x < y),
                                LtE => Value::Bool(x <= y),
                                Gt => Value::Bool(x > y),
                                GtE => Value::Bool(x >= y),
                                Eq | Is => Value::Bool(x == y),
                                NotEq | IsNot => Value::Bool(x != y),
                                _ => self.compare(&a, &b, op)?,
                            }
                        }
                        (Value::Float(x), Value::Float(y)) => {
                            use crate::ast::CmpOp::*;
                            match op {
                                Lt => Value::Bool(x < y),
                                LtE => Value::Bool(x <= y),
                                Gt => Value::Bool(x > y),
                                GtE => Value::Bool(x >= y),
                                Eq => Value::Bool(x == y),
                                NotEq => Value::Bool(x != y),
                                _ => self.compare(&a, &b, op)?,
                            }
                        }
                        _ => self.compare(&a, &b, op)?,
                    };
                    frame.stack.push(r);
                }
                Instr::BinarySubscr => {
                    if let Some(r) = subscr_fast(&frame.stack) {
                        replace_top2(&mut frame.stack, r);
                        continue;
                    }
                    let idx = pop!(self, frame);
                    let obj = pop!(self, frame);
                    let r = self.getitem(&obj, &idx)?;
                    frame.stack.push(r);
                }
                Instr::StoreSubscr => {
                    let idx = pop!(self, frame);
                    let obj = pop!(self, frame);
                    let v = pop!(self, frame);
                    if let Err(v) = store_subscr_fast(&obj, &idx, v) {
                        self.setitem(&obj, &idx, v)?;
                    }
                }
                Instr::DeleteSubscr => {
                    let idx = pop!(self, frame);
                    let obj = pop!(self, frame);
                    self.delitem(&obj, &idx)?;
                }
                Instr::BuildSlice(n) => {
                    self.build_slice(&mut frame.stack, n)?;
                }
                Instr::BuildTuple(n) => {
                    // SAFETY: as for the dispatch above.
                    let ahead = (unsafe { &*instrs }).get(ip..ip + 2);
                    if let Some([Instr::LoadConst(ci), Instr::MakeFunction(fl)]) = ahead {
                        if fl & 8 != 0 {
                            // A closure's cells, consumed right away by MakeFunction: make the
                            // function from them without the intermediate tuple.
                            let (ci, fl) = (*ci, *fl);
                            let cells = self.pop_n(frame, n as usize)?;
                            let code_v = code.consts.get(ci as usize).cloned();
                            let code_v = code_v.unwrap_or(Value::None);
                            self.make_function(frame, &code_v, fl, cells)?;
                            jump!(ip + 2);
                            continue;
                        }
                    }
                    if n != 0 {
                        self.heap_check()?;
                    }
                    let items = self.pop_n(frame, n as usize)?;
                    let t = self.new_tuple(items);
                    frame.stack.push(t);
                }
                Instr::BuildList(n) => {
                    self.heap_check()?;
                    let items = self.pop_n(frame, n as usize)?;
                    let l = self.new_list(items);
                    frame.stack.push(l);
                }
                Instr::BuildSet(n) => {
                    self.heap_check()?;
                    let items = self.pop_n(frame, n as usize)?;
                    let s = self.new_set(crate::objset::Set::new());
                    if let Value::Obj(o) = &s {
                        if let PyObject::Set(cell) = &**o {
                            // CPython compiles displays of 3+ constants to a frozenset constant
                            // merged in; its iteration order differs from adding one by one.
                            let consts = items.len() > 2
                                && items.iter().all(|v| {
                                    matches!(
                                        v,
                                        Value::Int(_)
                                            | Value::Str(_)
                                            | Value::Float(_)
                                            | Value::Bool(_)
                                            | Value::None
                                    )
                                });
                            if consts {
                                let mut hv = Vec::with_capacity(items.len());
                                for it in &items {
                                    hv.push((self.hash(it)?, it.clone()));
                                }
                                let fs = crate::objset::Set::from_const_items(&hv);
                                let fsv = self.new_frozenset(fs);
                                crate::objset::update_from(self, cell, &fsv)?;
                            } else {
                                for it in items {
                                    crate::objset::set_add(self, cell, it)?;
                                }
                            }
                        }
                    }
                    frame.stack.push(s);
                }
                Instr::BuildMap(n) => {
                    self.heap_check()?;
                    let items = self.pop_n(frame, 2 * n as usize)?;
                    let d = self.new_dict(Dict::with_capacity(n as usize));
                    if let Value::Obj(o) = &d {
                        if let Some(cell) = dict_of(o) {
                            let mut it = items.into_iter();
                            while let (Some(k), Some(v)) = (it.next(), it.next()) {
                                crate::dict::dict_set(self, cell, k, v)?;
                            }
                        }
                    }
                    frame.stack.push(d);
                }
                Instr::BuildString(n) => {
                    let items = self.pop_n(frame, n as usize)?;
                    let mut s = String::new();
                    for it in &items {
                        if let Value::Str(x) = it {
                            s.push_str(x.as_str());
                        } else {
                            let x = self.str_of(it)?;
                            s.push_str(x.as_str());
                        }
                    }
                    frame.stack.push(Value::string(s));
                }
                Instr::ListAppend(i) => {
                    let v = pop!(self, frame);
                    let pos = frame.stack.len().wrapping_sub(i as usize);
                    match frame.stack.get(pos) {
                        Some(Value::Obj(o)) => match &**o {
                            PyObject::List(l) => l.borrow_mut().push(v),
                            _ => return Err(self.stack_underflow()),
                        },
                        _ => return Err(self.stack_underflow()),
                    }
                }
                Instr::SetAdd(i) => {
                    let v = pop!(self, frame);
                    let pos = frame.stack.len().wrapping_sub(i as usize);
                    let target = frame.stack.get(pos).cloned();
                    if let Some(Value::Obj(o)) = target {
                        if let PyObject::Set(cell) = &*o {
                            crate::objset::set_add(self, cell, v)?;
                        }
                    }
                }
                Instr::MapAdd(i) => {
                    let v = pop!(self, frame);
                    let k = pop!(self, frame);
                    let pos = frame.stack.len().wrapping_sub(i as usize);
                    let target = frame.stack.get(pos).cloned();
                    if let Some(Value::Obj(o)) = target {
                        if let Some(cell) = dict_of(&o) {
                            crate::dict::dict_set(self, cell, k, v)?;
                        }
                    }
                }
                Instr::ListExtend(i) => {
                    let it = pop!(self, frame);
                    let pos = frame.stack.len().wrapping_sub(i as usize);
                    let target = frame.stack.get(pos).cloned();
                    let items = match self.collect(&it) {
                        Ok(v) => v,
                        Err(e) => {
                            if self.err_matches(&e, ExcKind::TypeError) && self.iter(&it).is_err() {
                                let tn = self.type_name(&it);
                                return Err(self.type_error(format!(
                                    "Value after * must be an iterable, not {}",
                                    tn
                                )));
                            }
                            return Err(e);
                        }
                    };
                    if let Some(Value::Obj(o)) = target {
                        if let PyObject::List(l) = &*o {
                            l.borrow_mut().extend(items);
                        }
                    }
                }
                Instr::SetUpdate(i) => {
                    let it = pop!(self, frame);
                    let pos = frame.stack.len().wrapping_sub(i as usize);
                    let target = frame.stack.get(pos).cloned();
                    if let Some(Value::Obj(o)) = &target {
                        if let PyObject::Set(cell) = &**o {
                            // A constant display `{1, 2, 3}` compiles to SetUpdate of a constant
                            // tuple: build it the way CPython's frozenset constant orders it.
                            let const_tuple = cell.borrow().is_empty()
                                && it
                                    .as_tuple()
                                    .map(|t| {
                                        t.len() > 2
                                            && t.iter().all(|v| {
                                                matches!(
                                                    v,
                                                    Value::Int(_)
                                                        | Value::Str(_)
                                                        | Value::Float(_)
                                                        | Value::Bool(_)
                                                        | Value::None
                                                )
                                            })
                                    })
                                    .unwrap_or(false);
                            if const_tuple {
                                let items = it.as_tuple().map(|t| t.to_vec()).unwrap_or_default();
                                let mut hv = Vec::with_capacity(items.len());
                                for x in &items {
                                    hv.push((self.hash(x)?, x.clone()));
                                }
                                let fs = crate::objset::Set::from_const_items(&hv);
                                let fsv = self.new_frozenset(fs);
                                crate::objset::update_from(self, cell, &fsv)?;
                            } else {
                                crate::objset::update_from(self, cell, &it)?;
                            }
                        }
                    }
                }
                Instr::DictUpdate(i) | Instr::DictMerge(i) => {
                    let m = pop!(self, frame);
                    let pos = frame.stack.len().wrapping_sub(i as usize);
                    let target = frame.stack.get(pos).cloned();
                    let merge = matches!(ins, Instr::DictMerge(_));
                    let pairs = match self.mapping_items(&m) {
                        Ok(p) => p,
                        Err(e) => {
                            if self.err_matches(&e, ExcKind::AttributeError)
                                || self.err_matches(&e, ExcKind::TypeError)
                            {
                                let tn = self.type_name(&m);
                                let msg = if merge {
                                    let fname = self.callable_name_at(frame, pos);
                                    format!(
                                        "{} argument after ** must be a mapping, not {}",
                                        fname, tn
                                    )
                                } else {
                                    format!("'{}' object is not a mapping", tn)
                                };
                                return Err(self.type_error(msg));
                            }
                            return Err(e);
                        }
                    };
                    if let Some(Value::Obj(o)) = target {
                        if let Some(cell) = dict_of(&o) {
                            for (k, v) in pairs {
                                if merge {
                                    if !matches!(k, Value::Str(_)) {
                                        let fname = self.callable_name_at(frame, pos);
                                        return Err(self.type_error(format!(
                                            "{} keywords must be strings",
                                            fname
                                        )));
                                    }
                                    if crate::dict::dict_get(self, cell, &k)?.is_some() {
                                        let fname = self.callable_name_at(frame, pos);
                                        let ks = String::from(k.as_str().unwrap_or(""));
                                        return Err(self.type_error(format!(
                                            "{} got multiple values for keyword argument '{}'",
                                            fname, ks
                                        )));
                                    }
                                }
                                crate::dict::dict_set(self, cell, k, v)?;
                            }
                        }
                    }
                }
                Instr::ListToTuple => {
                    let l = pop!(self, frame);
                    let items = match &l {
                        Value::Obj(o) => match &**o {
                            PyObject::List(l) => l.borrow().clone(),
                            _ => self.collect(&l)?,
                        },
                        _ => self.collect(&l)?,
                    };
                    let t = self.new_tuple(items);
                    frame.stack.push(t);
                }
                Instr::UnpackSequence(n) => {
                    let seq = pop!(self, frame);
                    if let Value::Obj(o) = &seq {
                        match &**o {
                            PyObject::Tuple(t) if t.len() == n as usize => {
                                push_rev(&mut frame.stack, t);
                                continue;
                            }
                            PyObject::List(l) => {
                                if let Ok(lb) = l.try_borrow() {
                                    if lb.len() == n as usize {
                                        push_rev(&mut frame.stack, &lb);
                                        continue;
                                    }
                                }
                            }
                            _ => {}
                        }
                    }
                    let items = self.unpack_items(&seq, n as usize, None)?;
                    for it in items.into_iter().rev() {
                        frame.stack.push(it);
                    }
                }
                Instr::UnpackEx(arg) => {
                    let before = (arg & 0xff) as usize;
                    let after = (arg >> 8) as usize;
                    let seq = pop!(self, frame);
                    let items = self.unpack_items(&seq, before + after, Some(before))?;
                    let n = items.len();
                    let mid: Vec<Value> = items[before..n - after].to_vec();
                    for it in items[n - after..].iter().rev() {
                        frame.stack.push(it.clone());
                    }
                    let l = self.new_list(mid);
                    frame.stack.push(l);
                    for it in items[..before].iter().rev() {
                        frame.stack.push(it.clone());
                    }
                }
                Instr::FormatValue(flags) => {
                    let spec = if flags & 4 != 0 {
                        Some(pop!(self, frame))
                    } else {
                        None
                    };
                    let v = pop!(self, frame);
                    let v = match flags & 3 {
                        1 => Value::Str(self.str_of(&v)?),
                        2 => Value::Str(self.repr(&v)?),
                        3 => {
                            let r = self.repr(&v)?;
                            Value::string(crate::format::ascii_escape(r.as_str()))
                        }
                        _ => v,
                    };
                    let s = match &spec {
                        Some(Value::Str(sp)) if !sp.as_str().is_empty() => {
                            crate::format::format_value(self, &v, sp.as_str())?
                        }
                        _ => match &v {
                            Value::Str(s) => s.clone(),
                            _ => crate::format::format_value(self, &v, "")?,
                        },
                    };
                    frame.stack.push(Value::Str(s));
                }
                Instr::Jump(t) => {
                    let backward = (t as usize) < ip;
                    jump!(t);
                    if backward {
                        self.periodic_checks()?;
                        if self.slice_over() {
                            return Ok(Event::Suspend);
                        }
                    }
                }
                Instr::PopJumpIfFalse(t) => {
                    let b = self.pop_truth(frame)?;
                    if !b {
                        jump!(t);
                    }
                }
                Instr::PopJumpIfTrue(t) => {
                    let b = self.pop_truth(frame)?;
                    if b {
                        jump!(t);
                    }
                }
                Instr::JumpIfFalseOrPop(t) => {
                    let v = top!(self, frame).clone();
                    if !self.truthy(&v)? {
                        jump!(t);
                    } else {
                        frame.stack.pop();
                    }
                }
                Instr::JumpIfTrueOrPop(t) => {
                    let v = top!(self, frame).clone();
                    if self.truthy(&v)? {
                        jump!(t);
                    } else {
                        frame.stack.pop();
                    }
                }
                Instr::GetIter => {
                    let v = pop!(self, frame);
                    let it = self.iter(&v)?;
                    frame.stack.push(it);
                }
                Instr::ForIter(t) => {
                    match for_iter_fast(frame.stack.last()) {
                        // A range's int is pushed with one store (see `value::write_words`).
                        Some(Some(Value::Int(i))) => {
                            push_int(&mut frame.stack, i);
                            continue;
                        }
                        Some(Some(v)) => {
                            frame.stack.push(v);
                            continue;
                        }
                        Some(None) => {
                            frame.stack.pop();
                            jump!(t);
                            continue;
                        }
                        None => {}
                    }
                    let it = top!(self, frame).clone();
                    if let Value::Obj(o) = &it {
                        match &**o {
                            PyObject::Iter(_) => {
                                // Range and list/tuple iterators were stepped above.
                                let r = crate::iter::iter_next(self, o)?;
                                match r {
                                    Some(v) => frame.stack.push(v),
                                    None => {
                                        frame.stack.pop();
                                        jump!(t);
                                    }
                                }
                                continue;
                            }
                            PyObject::Generator(_) => match self.gen_enter(o, Value::None)? {
                                GenEntry::Frame(gf) => {
                                    frame.pending = Pending::ForIter(t);
                                    enter!(gf);
                                }
                                GenEntry::Finished => {
                                    frame.stack.pop();
                                    jump!(t);
                                    continue;
                                }
                                // `next` below throws the pending exception in.
                                GenEntry::Pending(_) => {}
                            },
                            _ => {}
                        }
                    }
                    match self.next(&it)? {
                        Some(v) => frame.stack.push(v),
                        None => {
                            frame.stack.pop();
                            jump!(t);
                        }
                    }
                }
                Instr::Call(n) => {
                    let pos = frame
                        .stack
                        .len()
                        .checked_sub(n as usize + 1)
                        .ok_or_else(|| self.stack_underflow())?;
                    if let Some(cells) = simple_call_kind(frame.stack.get(pos), n as usize) {
                        self.periodic_checks()?;
                        if let Some(nf) = self.enter_simple(&mut frame.stack, pos, cells) {
                            frame.pending = Pending::Call;
                            enter!(nf);
                        }
                    }
                    // `next(g)` of a generator: its frame is entered like a call (no nested
                    // run); a yield pushes the value, a return raises StopIteration here.
                    if n == 1 {
                        if let Some(g) = next_of_generator(frame.stack.get(pos..)) {
                            self.periodic_checks()?;
                            match self.gen_enter(&g, Value::None)? {
                                GenEntry::Frame(gf) => {
                                    frame.stack.truncate(pos);
                                    frame.pending = Pending::Next;
                                    enter!(gf);
                                }
                                GenEntry::Finished => {
                                    frame.stack.truncate(pos);
                                    return Err(self.stop_iteration(Value::None));
                                }
                                // The built-in below throws the pending exception in.
                                GenEntry::Pending(_) => {}
                            }
                        }
                    }
                    // A plain built-in function (`len(x)`, `isinstance(a, b)`): called with
                    // the arguments in place on the stack, no keyword list, no callable copy.
                    let native = match frame.stack.get(pos) {
                        Some(Value::Obj(o)) => match &**o {
                            PyObject::Builtin(b) if b.bound.is_none() => Some(b.func),
                            _ => None,
                        },
                        _ => None,
                    };
                    if let Some(func) = native {
                        self.periodic_checks()?;
                        self.caller_frame = &**frame as *const Frame;
                        self.direct_call = false;
                        self.native_direct = true;
                        let r = func(self, frame.stack.get(pos + 1..).unwrap_or(&[]), &[]);
                        frame.stack.truncate(pos);
                        frame.stack.push(r?);
                        continue;
                    }
                    if n == 1 {
                        // `str(x)` of a built-in number, bool or str: no type call.
                        if let Some([Value::Obj(c), a]) = frame.stack.get(pos..) {
                            if Rc::ptr_eq(c, &self.types.str_)
                                && matches!(
                                    a,
                                    Value::Int(_)
                                        | Value::Str(_)
                                        | Value::Float(_)
                                        | Value::Bool(_)
                                )
                            {
                                let a = a.clone();
                                let s = self.str_of(&a)?;
                                frame.stack.truncate(pos);
                                frame.stack.push(Value::Str(s));
                                continue;
                            }
                        }
                    }
                    if n == 2 {
                        let next = match code.instrs.get(ip) {
                            Some(Instr::LoadMethod(m)) => code.names.get(*m as usize),
                            _ => None,
                        };
                        match self.super_call(frame.stack.get(pos..).unwrap_or(&[]), next) {
                            SuperCall::Method(f, target) => {
                                frame.stack.truncate(pos);
                                frame.stack.push(f);
                                frame.stack.push(target);
                                jump!(ip + 1);
                                continue;
                            }
                            SuperCall::Object(v) => {
                                frame.stack.truncate(pos);
                                frame.stack.push(v);
                                continue;
                            }
                            SuperCall::No => {}
                        }
                    }
                    if let Some(f) = self.call_from_stack(frame, pos, None)? {
                        enter!(f);
                    }
                }
                Instr::CallKw(n) => {
                    let kwnames = pop!(self, frame);
                    let pos = frame
                        .stack
                        .len()
                        .checked_sub(n as usize + 1)
                        .ok_or_else(|| self.stack_underflow())?;
                    if let Some(f) = self.call_from_stack(frame, pos, Some(kwnames))? {
                        enter!(f);
                    }
                }
                Instr::CallEx(flag) => {
                    let kwargs = if flag & 1 != 0 {
                        Some(pop!(self, frame))
                    } else {
                        None
                    };
                    let args = pop!(self, frame);
                    let func = pop!(self, frame);
                    let args: Vec<Value> = match args.as_tuple() {
                        Some(t) => t.to_vec(),
                        None => match self.collect(&args) {
                            Ok(v) => v,
                            Err(_) => {
                                let tn = self.type_name(&args);
                                let fname = self.callable_name(&func);
                                return Err(self.type_error(format!(
                                    "{} argument after * must be an iterable, not {}",
                                    fname, tn
                                )));
                            }
                        },
                    };
                    let mut kw: Vec<(Str, Value)> = Vec::new();
                    if let Some(k) = kwargs {
                        for (key, v) in self.mapping_items(&k)? {
                            match key {
                                Value::Str(s) => kw.push((s, v)),
                                _ => {
                                    let fname = self.callable_name(&func);
                                    return Err(self.type_error(format!(
                                        "{} keywords must be strings",
                                        fname
                                    )));
                                }
                            }
                        }
                    }
                    frame.stack.push(func);
                    let pos = frame.stack.len() - 1;
                    frame.stack.extend(args);
                    if kw.is_empty() {
                        if let Some(f) = self.call_from_stack(frame, pos, None)? {
                            enter!(f);
                        }
                    } else {
                        let mut names = Vec::with_capacity(kw.len());
                        for (k, v) in kw {
                            names.push(Value::Str(k));
                            frame.stack.push(v);
                        }
                        let kn = self.new_tuple(names);
                        if let Some(f) = self.call_from_stack(frame, pos, Some(kn))? {
                            enter!(f);
                        }
                    }
                }
                Instr::MakeFunction(flags) => {
                    let code_v = pop!(self, frame);
                    let cells = if flags & 8 != 0 {
                        let c = pop!(self, frame);
                        c.as_tuple().map(|t| t.to_vec()).unwrap_or_default()
                    } else {
                        Vec::new()
                    };
                    self.make_function(frame, &code_v, flags, cells)?;
                }
                Instr::ReturnValue => {
                    let v = pop!(self, frame);
                    if frame.generator.is_none() && self.frames.len() > base {
                        if let Some(c) = self.frames.last() {
                            let ok = match c.pending {
                                Pending::Call => true,
                                Pending::BinOp(_) => !matches!(v, Value::NotImplemented),
                                _ => false,
                            };
                            if ok {
                                if let Some(caller) = self.frames.pop() {
                                    let mut done = core::mem::replace(frame, caller);
                                    // `recycle_frame`, inlined.
                                    if self.frame_pool.len() < 64 {
                                        done.clear_inline();
                                        self.frame_pool.push(done);
                                    }
                                    if let Pending::BinOp(_) = frame.pending {
                                        // Drop the two operands kept for the reflected method.
                                        let keep = frame.stack.len().saturating_sub(2);
                                        frame.stack.truncate(keep);
                                        frame.pending = Pending::Call;
                                    }
                                    frame.stack.push(v);
                                    self.run_finalizers();
                                    load_code!();
                                    continue;
                                }
                            }
                        }
                    }
                    return Ok(Event::Return(v));
                }
                Instr::YieldValue => {
                    let v = pop!(self, frame);
                    // A generator resumed by a frame of this run (`for`): park it and go back
                    // to that frame without leaving the loop. `yield from` chains and yields to
                    // a native caller take the general path in `run_loop`.
                    let to_caller = self.frames.len() > base
                        && matches!(
                            self.frames.last().map(|c| c.pending),
                            Some(p) if p != Pending::YieldFrom
                        );
                    let Some(g) = frame.generator.take() else {
                        return Ok(Event::Yield(v));
                    };
                    let Some(gc) = gen_of(&g) else {
                        frame.generator = Some(g);
                        return Ok(Event::Yield(v));
                    };
                    if to_caller {
                        if let Some(caller) = self.frames.pop() {
                            // One borrow for the whole switch; the frame's generator
                            // reference was taken above (a parked frame holds none).
                            let done = core::mem::replace(frame, caller);
                            let mut gm = gc.borrow_mut();
                            gm.yielded_value = true;
                            gm.running = false;
                            gm.frame = Some(done);
                            drop(gm);
                            frame.stack.push(v);
                            frame.pending = Pending::Call;
                            load_code!();
                            continue;
                        }
                    }
                    gc.borrow_mut().yielded_value = true;
                    frame.generator = Some(g);
                    return Ok(Event::Yield(v));
                }
                Instr::YieldFrom => {
                    let mut v = pop!(self, frame);
                    let it = top!(self, frame).clone();
                    if let Value::Obj(o) = &it {
                        if gen_of(o).is_some() {
                            match self.gen_enter(o, v)? {
                                GenEntry::Frame(gf) => {
                                    frame.pending = Pending::YieldFrom;
                                    // What the delegate yields passes through: for an async
                                    // generator that is an `await`, not a value of its own.
                                    if let Some(gc) = frame.generator.as_ref().and_then(gen_of) {
                                        gc.borrow_mut().yielded_value = false;
                                    }
                                    enter!(gf);
                                }
                                GenEntry::Finished => {
                                    frame.stack.pop();
                                    frame.stack.push(Value::None);
                                    continue;
                                }
                                // `iter_send` below throws the pending exception in.
                                GenEntry::Pending(back) => v = back,
                            }
                        }
                    }
                    match self.iter_send(&it, v)? {
                        GenOutcome::Yielded(x) => {
                            frame.ip -= 1;
                            if let Some(g) = &frame.generator {
                                if let Some(gc) = gen_of(g) {
                                    gc.borrow_mut().yielded_value = false;
                                }
                            }
                            return Ok(Event::Yield(x));
                        }
                        GenOutcome::Returned(r) => {
                            frame.stack.pop();
                            frame.stack.push(r);
                        }
                    }
                }
                Instr::GetYieldFromIter => {
                    let v = pop!(self, frame);
                    let it = match &v {
                        Value::Obj(o) if gen_of(o).is_some() => v.clone(),
                        _ => self.iter(&v)?,
                    };
                    frame.stack.push(it);
                }
                Instr::GetAwaitable => {
                    let v = pop!(self, frame);
                    let a = self.get_awaitable(&v)?;
                    frame.stack.push(a);
                }
                Instr::GetAIter => {
                    let v = pop!(self, frame);
                    match self.call_special(&v, "__aiter__", &[]) {
                        Some(r) => {
                            let r = r?;
                            frame.stack.push(r);
                        }
                        None => {
                            let tn = self.type_name(&v);
                            return Err(self.type_error(format!(
                                "'async for' requires an object with __aiter__ method, got {}",
                                tn
                            )));
                        }
                    }
                }
                Instr::GetANext => {
                    let ait = top!(self, frame).clone();
                    match self.call_special(&ait, "__anext__", &[]) {
                        Some(r) => {
                            let r = r?;
                            let a = self.get_awaitable(&r)?;
                            frame.stack.push(a);
                        }
                        None => {
                            let tn = self.type_name(&ait);
                            return Err(self.type_error(format!(
                                "'async for' requires an iterator with __anext__ method, got {}",
                                tn
                            )));
                        }
                    }
                }
                Instr::EndAsyncFor => {
                    let exc = pop!(self, frame);
                    let cls = self.exc_type(ExcKind::StopAsyncIteration);
                    if self.is_instance(&exc, &cls) {
                        if let Some(Block::ExceptHandler { .. }) = frame.blocks.last() {
                            if let Some(Block::ExceptHandler { prev }) = frame.blocks.pop() {
                                self.handled = prev;
                            }
                        }
                        frame.stack.pop();
                    } else {
                        *reraise = true;
                        return Err(PyErr(exc));
                    }
                }
                Instr::PopTop => {
                    discard_top(&mut frame.stack);
                    self.run_finalizers();
                }
                Instr::DupTop => {
                    let v = top!(self, frame).clone();
                    frame.stack.push(v);
                }
                Instr::DupTopTwo => {
                    let n = frame.stack.len();
                    if n < 2 {
                        return Err(self.stack_underflow());
                    }
                    // `x[i] op= y` starts with DupTopTwo + BinarySubscr: for a list or tuple
                    // and an int, push the item without copying the pair.
                    // SAFETY: as for the dispatch above.
                    if let Some(Instr::BinarySubscr) = (unsafe { &*instrs }).get(ip) {
                        if let Some(r) = subscr_fast(&frame.stack) {
                            frame.stack.push(r);
                            ip += 1;
                            frame.ip = ip;
                            continue;
                        }
                    }
                    let a = dup(&frame.stack[n - 2]);
                    let b = dup(&frame.stack[n - 1]);
                    frame.stack.push(a);
                    frame.stack.push(b);
                }
                Instr::RotTwo => {
                    let n = frame.stack.len();
                    if n < 2 {
                        return Err(self.stack_underflow());
                    }
                    frame.stack.swap(n - 1, n - 2);
                }
                Instr::RotThree => {
                    let n = frame.stack.len();
                    if n < 3 {
                        return Err(self.stack_underflow());
                    }
                    // `x[i] op= y` ends with RotThree + StoreSubscr: store without rotating
                    // (the stack holds container, index, value).
                    // SAFETY: as for the dispatch above.
                    if let Some(Instr::StoreSubscr) = (unsafe { &*instrs }).get(ip) {
                        ip += 1;
                        frame.ip = ip;
                        let v = pop!(self, frame);
                        let idx = pop!(self, frame);
                        let obj = pop!(self, frame);
                        if let Err(v) = store_subscr_fast(&obj, &idx, v) {
                            self.setitem(&obj, &idx, v)?;
                        }
                        continue;
                    }
                    let v = frame.stack.remove(n - 1);
                    frame.stack.insert(n - 3, v);
                }
                Instr::RotFour => {
                    let n = frame.stack.len();
                    if n < 4 {
                        return Err(self.stack_underflow());
                    }
                    let v = frame.stack.remove(n - 1);
                    frame.stack.insert(n - 4, v);
                }
                Instr::Raise(n) => match n {
                    0 => {
                        *reraise = true;
                        return Err(match self.handled.clone() {
                            Some(h) => PyErr(h),
                            None => {
                                *reraise = false;
                                self.err(ExcKind::RuntimeError, "No active exception to reraise")
                            }
                        });
                    }
                    1 => {
                        let e = pop!(self, frame);
                        let e = self.make_exception(e)?;
                        return Err(PyErr(e));
                    }
                    _ => {
                        let cause = pop!(self, frame);
                        let e = pop!(self, frame);
                        let e = self.make_exception(e)?;
                        let cause = if cause.is_none() {
                            Value::None
                        } else {
                            self.make_exception(cause).map_err(|_| {
                                self.type_error("exception causes must derive from BaseException")
                            })?
                        };
                        if let Some(st) = exc_state(&e) {
                            let mut st = st.borrow_mut();
                            st.cause = cause;
                            st.suppress_context = true;
                        }
                        return Err(PyErr(e));
                    }
                },
                Instr::Reraise => {
                    let e = pop!(self, frame);
                    *reraise = true;
                    return Err(PyErr(e));
                }
                Instr::SetupExcept(t) | Instr::SetupFinally(t) => {
                    frame.blocks.push(Block::Handler {
                        handler: t,
                        level: frame.stack.len() as u32,
                    });
                }
                Instr::SetupWith(t) => {
                    frame.blocks.push(Block::Handler {
                        handler: t,
                        level: frame.stack.len().saturating_sub(1) as u32,
                    });
                }
                Instr::PopBlock => {
                    frame.blocks.pop();
                }
                Instr::PopExcept => {
                    if let Some(Block::ExceptHandler { prev }) = frame.blocks.pop() {
                        self.handled = prev;
                    }
                }
                Instr::CheckExcMatch => {
                    let typ = pop!(self, frame);
                    let exc = top!(self, frame).clone();
                    let m = self.exception_matches(&exc, &typ)?;
                    frame.stack.push(Value::Bool(m));
                }
                Instr::BeforeWith => {
                    let mgr = pop!(self, frame);
                    let enter = self.lookup_special(&mgr, "__enter__");
                    let exit = self.lookup_special(&mgr, "__exit__");
                    let (Some(enter), Some(exit)) = (enter, exit) else {
                        let tn = self.type_name(&mgr);
                        return Err(self.type_error(format!(
                            "'{}' object does not support the context manager protocol",
                            tn
                        )));
                    };
                    let cls = self.type_of(&mgr);
                    let exit_b = self.bind_attr(exit, Some(&mgr), &cls)?;
                    frame.stack.push(exit_b);
                    // A direct call: a native `__enter__` (a lock's) may suspend the run.
                    self.caller_frame = &**frame as *const Frame;
                    self.direct_call = true;
                    let r = self.call_unbound(&enter, core::slice::from_ref(&mgr))?;
                    frame.stack.push(r);
                }
                Instr::BeforeAsyncWith => {
                    let mgr = pop!(self, frame);
                    let enter = self.lookup_special(&mgr, "__aenter__");
                    let exit = self.lookup_special(&mgr, "__aexit__");
                    let (Some(enter), Some(exit)) = (enter, exit) else {
                        let tn = self.type_name(&mgr);
                        return Err(self.type_error(format!("'{}' object does not support the asynchronous context manager protocol", tn)));
                    };
                    let cls = self.type_of(&mgr);
                    let exit_b = self.bind_attr(exit, Some(&mgr), &cls)?;
                    frame.stack.push(exit_b);
                    let r = self.call_unbound(&enter, core::slice::from_ref(&mgr))?;
                    frame.stack.push(r);
                }
                Instr::WithExceptStart => {
                    let n = frame.stack.len();
                    if n < 2 {
                        return Err(self.stack_underflow());
                    }
                    let exit = frame.stack[n - 2].clone();
                    let exc = frame.stack[n - 1].clone();
                    let typ = Value::Obj(self.type_of(&exc));
                    let tb = crate::objexcept::traceback_object(self, &exc);
                    let r = self.call(&exit, &[typ, exc, tb])?;
                    frame.stack.push(r);
                }
                Instr::WithCallExitNone => {
                    let exit = pop!(self, frame);
                    let r = self.call(&exit, &[Value::None, Value::None, Value::None])?;
                    frame.stack.push(r);
                }
                Instr::LoadBuildClass => {
                    let v = dict_of(&self.builtins)
                        .and_then(|d| d.borrow().get_str("__build_class__").cloned());
                    match v {
                        Some(v) => frame.stack.push(v),
                        None => {
                            return Err(self.err(ExcKind::NameError, "__build_class__ not found"))
                        }
                    }
                }
                Instr::ImportName(i) => {
                    let fromlist = pop!(self, frame);
                    let level = pop!(self, frame);
                    let name = code.names[i as usize].clone();
                    let level = match level {
                        Value::Int(l) => l.max(0) as usize,
                        _ => 0,
                    };
                    let globals = frame.globals.clone();
                    self.caller_frame = &**frame as *const Frame;
                    let m = self.import_name(name.as_str(), &fromlist, level, &globals)?;
                    frame.stack.push(m);
                }
                Instr::ImportFrom(i) => {
                    let m = top!(self, frame).clone();
                    let name = code.names[i as usize].clone();
                    let v = self.import_from(&m, &name)?;
                    frame.stack.push(v);
                }
                Instr::ImportStar => {
                    let m = pop!(self, frame);
                    let ns = frame
                        .namespace
                        .clone()
                        .unwrap_or_else(|| frame.globals.clone());
                    self.import_star(&m, &ns)?;
                }
                Instr::SetupAnnotations => {
                    let ns = frame
                        .namespace
                        .clone()
                        .unwrap_or_else(|| frame.globals.clone());
                    if let Some(d) = dict_of(&ns) {
                        let has = d.borrow().get_str("__annotations__").is_some();
                        if !has {
                            let a = self.new_dict(Dict::new());
                            d.borrow_mut().set_str("__annotations__", a);
                        }
                    }
                }
                Instr::PrintExpr => {
                    let v = pop!(self, frame);
                    if !v.is_none() {
                        let r = self.repr(&v)?;
                        let mut s = String::from(r.as_str());
                        s.push('\n');
                        self.write_stdout(&s);
                        if let Some(d) = dict_of(&self.builtins) {
                            d.borrow_mut().set_str("_", v);
                        }
                    }
                }
                Instr::LoadAssertionError => {
                    let c = self.exc_type(ExcKind::AssertionError);
                    frame.stack.push(Value::Obj(c));
                }
                Instr::GetLen => {
                    let v = top!(self, frame).clone();
                    let n = self.len(&v)?;
                    frame.stack.push(Value::Int(n as i64));
                }
                Instr::MatchMapping => {
                    let v = top!(self, frame).clone();
                    let is_map = match &self.builtin_base(&v) {
                        Value::Obj(o) => matches!(&**o, PyObject::Dict(_)),
                        _ => false,
                    } || (matches!(&v, Value::Obj(o) if matches!(&**o, PyObject::Instance(_)))
                        && self.lookup_special(&v, "keys").is_some()
                        && self.lookup_special(&v, "__getitem__").is_some());
                    frame.stack.push(Value::Bool(is_map));
                }
                Instr::MatchSequence => {
                    let v = top!(self, frame).clone();
                    let b = self.builtin_base(&v);
                    let is_seq = match &b {
                        Value::Obj(o) => matches!(
                            &**o,
                            PyObject::List(_) | PyObject::Tuple(_) | PyObject::Range { .. }
                        ),
                        _ => false,
                    };
                    frame.stack.push(Value::Bool(is_seq));
                }
                Instr::MatchKeys => {
                    let n = frame.stack.len();
                    if n < 2 {
                        return Err(self.stack_underflow());
                    }
                    let subject = frame.stack[n - 2].clone();
                    let keys = frame.stack[n - 1].clone();
                    let keys: Vec<Value> = keys.as_tuple().map(|t| t.to_vec()).unwrap_or_default();
                    let mut vals = Vec::with_capacity(keys.len());
                    let mut ok = true;
                    for k in keys {
                        match self.getitem(&subject, &k) {
                            Ok(v) => vals.push(v),
                            Err(e) if self.err_matches(&e, ExcKind::KeyError) => {
                                ok = false;
                                break;
                            }
                            Err(e) => return Err(e),
                        }
                    }
                    let r = if ok {
                        self.new_tuple(vals)
                    } else {
                        Value::None
                    };
                    frame.stack.push(r);
                }
                Instr::MatchClass(npos) => {
                    let kwnames = pop!(self, frame);
                    let cls = pop!(self, frame);
                    let subject = pop!(self, frame);
                    let r = self.match_class(&subject, &cls, npos as usize, &kwnames)?;
                    frame.stack.push(r);
                }
                Instr::CopyDictWithoutKeys => {
                    let keys = pop!(self, frame);
                    let subject = top!(self, frame).clone();
                    let items = self.mapping_items(&subject)?;
                    let keys: Vec<Value> = keys.as_tuple().map(|t| t.to_vec()).unwrap_or_default();
                    let d = self.new_dict(Dict::new());
                    if let Value::Obj(o) = &d {
                        if let Some(cell) = dict_of(o) {
                            'outer: for (k, v) in items {
                                for kk in &keys {
                                    if self.eq(&k, kk)? {
                                        continue 'outer;
                                    }
                                }
                                crate::dict::dict_set(self, cell, k, v)?;
                            }
                        }
                    }
                    frame.stack.push(d);
                }
                Instr::Mp(a) => {
                    #[cfg(feature = "mpy")]
                    match crate::mpy::exec_op(self, frame, a)? {
                        crate::mpy::MpFlow::Next => {}
                        crate::mpy::MpFlow::Jump(t) => jump!(t),
                        crate::mpy::MpFlow::Reraise(e) => {
                            *reraise = true;
                            return Err(e);
                        }
                    }
                    #[cfg(not(feature = "mpy"))]
                    {
                        let _ = a;
                        return Err(self.err(ExcKind::SystemError, "no .mpy support"));
                    }
                }
                // Superinstructions (see `opcode::fuse`): each runs its whole group when the
                // fast path applies (and moves `ip` past it), else only its first instruction.
                Instr::LoadFast2(a, b) => {
                    load_fast!(a);
                    if let Some(Some(v)) = frame.locals.get(b as usize) {
                        let v = dup(v);
                        frame.stack.push(v);
                        ip += 1;
                    }
                }
                Instr::LoadFastInt(a, c) => {
                    load_fast!(a);
                    push_int(&mut frame.stack, c as i64);
                    ip += 1;
                }
                Instr::StoreLoadFast(a, b) => {
                    let v = pop!(self, frame);
                    if let Some(slot) = frame.locals.get_mut(a as usize) {
                        let old = slot.replace(v);
                        drop(old);
                    }
                    if let Some(Some(v)) = frame.locals.get(b as usize) {
                        let v = dup(v);
                        frame.stack.push(v);
                        ip += 1;
                    }
                }
                Instr::FastOp(op, b) => {
                    if let (Some(Some(y)), Some(x)) =
                        (frame.locals.get(b as usize), frame.stack.last_mut())
                    {
                        if arith_into(x, y, op) {
                            ip += 1;
                            continue;
                        }
                    }
                    load_fast!(b);
                }
                Instr::FastFastOp(op, a, b) => {
                    load_fast!(a);
                    if let (Some(Some(y)), Some(x)) =
                        (frame.locals.get(b as usize), frame.stack.last_mut())
                    {
                        if arith_into(x, y, op) {
                            ip += 2;
                        }
                    }
                }
                Instr::IntOp(op, c) => {
                    if let Some(x) = frame.stack.last_mut() {
                        if arith_into(x, &Value::Int(c as i64), op) {
                            ip += 1;
                            continue;
                        }
                    }
                    push_int(&mut frame.stack, c as i64);
                }
                Instr::FastIntOp(op, a, c) => {
                    load_fast!(a);
                    if let Some(x) = frame.stack.last_mut() {
                        if arith_into(x, &Value::Int(c as i64), op) {
                            ip += 2;
                        }
                    }
                }
                Instr::FastIntCompare(op, a, c) => {
                    let r = match frame.locals.get(a as usize) {
                        Some(Some(Value::Int(x))) => ordered(x, &(c as i64), op),
                        Some(Some(Value::Float(x))) => ordered(x, &(c as f64), op),
                        _ => None,
                    };
                    let Some(b) = r else {
                        load_fast!(a);
                        continue;
                    };
                    // As in Compare: a conditional jump right after the group is taken here.
                    // SAFETY: as for the dispatch above.
                    let next = (unsafe { &*instrs }).get(ip + 2).copied();
                    match next {
                        Some(Instr::PopJumpIfFalse(t)) | Some(Instr::PopJumpIfTrue(t)) => {
                            let when = matches!(next, Some(Instr::PopJumpIfTrue(_)));
                            if b == when {
                                jump!(t);
                            } else {
                                ip += 3;
                            }
                        }
                        _ => {
                            frame.stack.push(Value::Bool(b));
                            ip += 2;
                        }
                    }
                }
                Instr::FastIntSubscr(a, c) => {
                    if let Some(Some(Value::Obj(o))) = frame.locals.get(a as usize) {
                        if let Some(v) = seq_item(o, c as i64) {
                            frame.stack.push(v);
                            ip += 2;
                            continue;
                        }
                    }
                    load_fast!(a);
                }
                Instr::FastMethod(a, m) => {
                    if let Some(Some(v)) = frame.locals.get(a as usize) {
                        if let Some(f) = self.load_method_cached(&code, m as usize, v) {
                            let v = dup(v);
                            frame.stack.push(f);
                            frame.stack.push(v);
                            ip += 1;
                            continue;
                        }
                    }
                    load_fast!(a);
                }
                Instr::StoreFast2(a, b) => {
                    let v = pop!(self, frame);
                    if let Some(slot) = frame.locals.get_mut(a as usize) {
                        let old = slot.replace(v);
                        drop(old);
                    }
                    let v = pop!(self, frame);
                    if let Some(slot) = frame.locals.get_mut(b as usize) {
                        let old = slot.replace(v);
                        drop(old);
                    }
                    ip += 1;
                }
                Instr::BinarySlice(n) => {
                    // As BinarySubscr would be (the heap check can raise MemoryError).
                    frame.ip = ip + 1;
                    if self.binary_slice(&mut frame.stack, n)? {
                        ip += 1;
                        continue;
                    }
                    // BuildSlice alone.
                    frame.ip = ip;
                    self.build_slice(&mut frame.stack, n)?;
                }
                Instr::StoreSlice => {
                    if self.store_slice(&mut frame.stack) {
                        ip += 1;
                        continue;
                    }
                    let stop = pop!(self, frame);
                    let start = pop!(self, frame);
                    self.heap_check()?;
                    let s = self.alloc(PyObject::Slice(start, stop, Value::None));
                    frame.stack.push(Value::Obj(s));
                }
                Instr::StoreFastJump(a, t) => {
                    let v = pop!(self, frame);
                    if let Some(slot) = frame.locals.get_mut(a as usize) {
                        let old = slot.replace(v);
                        drop(old);
                    }
                    // As in Jump (whose own position is `ip`).
                    let backward = (t as usize) <= ip;
                    jump!(t);
                    if backward {
                        self.periodic_checks()?;
                        if self.slice_over() {
                            return Ok(Event::Suspend);
                        }
                    }
                }
            }
        }
    }

    /// BinarySlice's fast path: `[c, start, stop(, step)] -> [c[start:stop(:step)]]` for a list,
    /// tuple or str `c` and int or None bounds. False (stack untouched) for everything else.
    #[inline(never)]
    /// BuildSlice: `[start, stop(, step)] -> [slice]`.
    fn build_slice(&mut self, stack: &mut Vec<Value>, n: u32) -> PyResult<()> {
        let step = if n == 3 {
            stack.pop()
        } else {
            Some(Value::None)
        };
        let (Some(step), Some(stop), Some(start)) = (step, stack.pop(), stack.pop()) else {
            return Err(self.stack_underflow());
        };
        self.heap_check()?;
        let s = self.alloc(PyObject::Slice(start, stop, step));
        stack.push(Value::Obj(s));
        Ok(())
    }

    fn binary_slice(&mut self, stack: &mut Vec<Value>, n: u32) -> PyResult<bool> {
        let k = stack.len().saturating_sub(n as usize + 1);
        let Some(bounds) = slice_bounds(stack, n) else {
            return Ok(false);
        };
        let (list, items) = match stack.get(k) {
            Some(Value::Obj(o)) => match &**o {
                PyObject::List(l) => match l.try_borrow() {
                    Ok(l) => (true, slice_items(&l, bounds)),
                    Err(_) => return Ok(false),
                },
                PyObject::Tuple(t) => (false, slice_items(t, bounds)),
                _ => return Ok(false),
            },
            Some(Value::Str(st)) => {
                let (a, e, step) = bounds;
                let (a, e, step) = crate::objrange::adjust_indices(a, e, step, st.char_len());
                let v = crate::objstr::str_slice(st, a, e, step);
                stack.truncate(k);
                stack.push(v);
                return Ok(true);
            }
            _ => return Ok(false),
        };
        self.heap_check()?;
        let v = if list {
            self.new_list(items)
        } else {
            self.new_tuple(items)
        };
        stack.truncate(k);
        stack.push(v);
        Ok(true)
    }

    /// StoreSlice's fast path: `[v, c, start, stop] -> []`, `c[start:stop] = v` for a list `c`,
    /// a list or tuple `v` and int or None bounds (as `objlist::setitem` does it when the heap
    /// is not locked). False (stack untouched) for everything else.
    #[inline(never)]
    fn store_slice(&mut self, stack: &mut Vec<Value>) -> bool {
        let len = stack.len();
        if self.heap_lock != 0 || len < 4 {
            return false;
        }
        let Some((start, stop, _)) = slice_bounds(stack, 2) else {
            return false;
        };
        let [.., v, Value::Obj(c), _, _] = &stack[..] else {
            return false;
        };
        let (PyObject::List(l), Value::Obj(vo)) = (&**c, v) else {
            return false;
        };
        // The new items are copied first: `v` may be `c` itself.
        let items = match &**vo {
            PyObject::List(src) => match src.try_borrow() {
                Ok(s) => s.to_vec(),
                Err(_) => return false,
            },
            PyObject::Tuple(t) => t.to_vec(),
            _ => return false,
        };
        let Ok(mut l) = l.try_borrow_mut() else {
            return false;
        };
        let (s, e, _) = crate::objrange::adjust_indices(start, stop, 1, l.len());
        let s = s as usize;
        let e = (e as usize).max(s);
        let old: Vec<Value> = l.splice(s..e, items).collect();
        drop(l);
        // Dropping never runs Python code (finalizers are deferred).
        drop(old);
        stack.truncate(len - 4);
        true
    }

    /// Interrupt and GC checks done on backward jumps and calls.
    #[inline]
    fn periodic_checks(&mut self) -> PyResult<()> {
        self.ticks = self.ticks.wrapping_add(1);
        if self.ticks & crate::vm::PERIODIC_MASK == 0 {
            return self.periodic_work();
        }
        Ok(())
    }

    /// The work `periodic_checks` does every 1024 ticks.
    #[inline(never)]
    fn periodic_work(&mut self) -> PyResult<()> {
        {
            self.check_interrupt()?;
            self.run_finalizers();
            if self.sched_pending {
                self.sched_pending = false;
                crate::modmicropython::run_scheduled(self)?;
            }
            self.heap.maybe_collect();
            // The heap limit (-X heapsize): collect, then raise MemoryError if still over.
            if let Some(used) = self.port.heap_used() {
                if used > self.heap.limit {
                    self.heap.collect();
                    if self.port.heap_used().unwrap_or(0) > self.heap.limit {
                        return Err(self.err(ExcKind::MemoryError, "memory allocation failed"));
                    }
                }
            }
        }
        Ok(())
    }

    fn cell_get(&mut self, frame: &Frame, code: &Code, i: usize) -> PyResult {
        if let Some(Value::Obj(c)) = frame.cells.get(i) {
            if let PyObject::Cell(cell) = &**c {
                if let Some(v) = &*cell.borrow() {
                    return Ok(v.clone());
                }
            }
        }
        let ncell = code.cellvars.len();
        if i < ncell {
            let n = code.cellvars[i].clone();
            Err(self.err(
                ExcKind::UnboundLocalError,
                format!(
                    "cannot access local variable '{}' where it is not associated with a value",
                    n.as_str()
                ),
            ))
        } else {
            let n = code
                .freevars
                .get(i - ncell)
                .cloned()
                .unwrap_or_else(|| crate::value::new_str("?"));
            Err(self.err(ExcKind::NameError, format!("cannot access free variable '{}' where it is not associated with a value in enclosing scope", n.as_str())))
        }
    }

    fn namespace_get(&mut self, ns: &Obj, name: &Str) -> PyResult<Option<Value>> {
        if let Some(d) = dict_of(ns) {
            return Ok(d.borrow().get_name(name).cloned());
        }
        match self.getitem(&Value::Obj(ns.clone()), &Value::Str(name.clone())) {
            Ok(v) => Ok(Some(v)),
            Err(e) if self.err_matches(&e, ExcKind::KeyError) => Ok(None),
            Err(e) => Err(e),
        }
    }

    fn namespace_set(&mut self, ns: &Obj, name: Str, v: Value) -> PyResult<()> {
        if let Some(d) = dict_of(ns) {
            d.borrow_mut().set_name(name, v);
            return Ok(());
        }
        self.setitem(&Value::Obj(ns.clone()), &Value::Str(name), v)
    }

    /// MakeFunction: a function of the code object `code_v` with the closure `cells`; the
    /// defaults, keyword defaults and annotations that `flags` announces are popped first.
    fn make_function(
        &mut self,
        frame: &mut Frame,
        code_v: &Value,
        flags: u32,
        cells: Vec<Value>,
    ) -> PyResult<()> {
        let annotations = if flags & 4 != 0 {
            Some(pop!(self, frame))
        } else {
            None
        };
        let kwdefaults = if flags & 2 != 0 {
            pop!(self, frame)
        } else {
            Value::None
        };
        let defaults = if flags & 1 != 0 {
            pop!(self, frame)
        } else {
            Value::None
        };
        let Value::Obj(co) = code_v else {
            return Err(self.stack_underflow());
        };
        let PyObject::Code(c) = &**co else {
            return Err(self.stack_underflow());
        };
        let mut fdict = Dict::new();
        if let Some(a) = annotations {
            fdict.set_str("__annotations__", a);
        }
        let f = Function {
            code: c.clone(),
            globals: frame.globals.clone(),
            name: RefCell::new(c.name.clone()),
            qualname: RefCell::new(c.qualname.clone()),
            defaults: RefCell::new(defaults),
            kwdefaults: RefCell::new(kwdefaults),
            closure: RefCell::new(cells),
            dict: RefCell::new(fdict),
        };
        let fo = self.alloc(PyObject::Function(Box::new(f)));
        frame.stack.push(Value::Obj(fo));
        Ok(())
    }

    fn pop_n(&mut self, frame: &mut Frame, n: usize) -> PyResult<Vec<Value>> {
        let len = frame.stack.len();
        if len < n {
            return Err(self.stack_underflow());
        }
        Ok(frame.stack.split_off(len - n))
    }

    /// The name used in call error messages for the callable at a stack position.
    fn callable_name_at(&mut self, frame: &Frame, dict_pos: usize) -> String {
        // The call's callable sits just below the args tuple, which is below the kwargs dict.
        if dict_pos >= 2 {
            if let Some(f) = frame.stack.get(dict_pos - 2) {
                let f = f.clone();
                return self.callable_name(&f);
            }
        }
        String::from("function")
    }

    /// `f.__qualname__()` style name for error messages.
    pub fn callable_name(&mut self, f: &Value) -> String {
        match f {
            Value::Obj(o) => match &**o {
                PyObject::Function(func) => format!("{}()", func.qualname.borrow().as_str()),
                PyObject::BoundMethod(func, _) => {
                    let func = func.clone();
                    self.callable_name(&func)
                }
                PyObject::Builtin(b) => format!("{}()", b.name),
                PyObject::Type(t) => format!("{}()", t.name.borrow().as_str()),
                _ => format!("{} object", self.type_name(f)),
            },
            _ => format!("{} object", self.type_name(f)),
        }
    }

    /// (key, value) pairs of a mapping (dict fast path; otherwise `keys()` and `__getitem__`).
    pub fn mapping_items(&mut self, m: &Value) -> PyResult<Vec<(Value, Value)>> {
        let b = self.builtin_base(m);
        if let Value::Obj(o) = &b {
            if let Some(d) = dict_of(o) {
                if matches!(m, Value::Obj(mo) if Rc::ptr_eq(mo, o)) || self.lookup_special(m, "keys").map(|k| matches!(&k, Value::Obj(ko) if matches!(&**ko, PyObject::Builtin(_)))).unwrap_or(true) {
                    return Ok(d.borrow().items());
                }
            }
        }
        let keys = self.call_method(m, "keys", &[])?;
        let keys = self.collect(&keys)?;
        let mut out = Vec::with_capacity(keys.len());
        for k in keys {
            let v = self.getitem(m, &k)?;
            out.push((k, v));
        }
        Ok(out)
    }

    fn unpack_items(
        &mut self,
        seq: &Value,
        n: usize,
        star_before: Option<usize>,
    ) -> PyResult<Vec<Value>> {
        let items: Vec<Value> = match seq {
            Value::Obj(o) => match &**o {
                PyObject::Tuple(t) => t.to_vec(),
                PyObject::List(l) => l.borrow().clone(),
                _ => self.unpack_iter(seq, n, star_before)?,
            },
            _ => self.unpack_iter(seq, n, star_before)?,
        };
        match star_before {
            None => {
                if items.len() < n {
                    return Err(self.value_error(format!(
                        "not enough values to unpack (expected {}, got {})",
                        n,
                        items.len()
                    )));
                }
                if items.len() > n {
                    return Err(
                        self.value_error(format!("too many values to unpack (expected {})", n))
                    );
                }
            }
            Some(_) => {
                if items.len() < n {
                    return Err(self.value_error(format!(
                        "not enough values to unpack (expected at least {}, got {})",
                        n,
                        items.len()
                    )));
                }
            }
        }
        Ok(items)
    }

    fn unpack_iter(&mut self, seq: &Value, n: usize, star: Option<usize>) -> PyResult<Vec<Value>> {
        let it = match self.iter(seq) {
            Ok(it) => it,
            Err(e) => {
                if self.err_matches(&e, ExcKind::TypeError) {
                    let tn = self.type_name(seq);
                    return Err(
                        self.type_error(format!("cannot unpack non-iterable {} object", tn))
                    );
                }
                return Err(e);
            }
        };
        let mut out = Vec::new();
        while let Some(v) = self.next(&it)? {
            out.push(v);
            if star.is_none() && out.len() > n {
                return Err(self.value_error(format!("too many values to unpack (expected {})", n)));
            }
        }
        Ok(out)
    }

    /// Turn the operand of `raise` into an exception instance.
    fn make_exception(&mut self, e: Value) -> PyResult {
        let base = self.exc_type(ExcKind::BaseException);
        if let Value::Obj(o) = &e {
            if let PyObject::Type(_) = &**o {
                if types::is_subclass(o, &base) {
                    let inst = self.call(&e, &[])?;
                    if !self.is_instance(&inst, &base) {
                        return Err(self.type_error(
                            "calling exception class did not return an exception instance",
                        ));
                    }
                    return Ok(inst);
                }
            }
        }
        if self.is_instance(&e, &base) {
            return Ok(e);
        }
        Err(self.type_error("exceptions must derive from BaseException"))
    }

    /// Does exception `exc` match the `except` clause type (a class or tuple of classes)?
    pub fn exception_matches(&mut self, exc: &Value, typ: &Value) -> PyResult<bool> {
        if let Some(t) = typ.as_tuple() {
            for x in t.iter() {
                if self.exception_matches(exc, x)? {
                    return Ok(true);
                }
            }
            return Ok(false);
        }
        let base = self.exc_type(ExcKind::BaseException);
        match typ {
            Value::Obj(o) if matches!(&**o, PyObject::Type(_)) && types::is_subclass(o, &base) => {
                Ok(self.is_instance(exc, o))
            }
            _ => Err(self.type_error(
                "catching classes that do not inherit from BaseException is not allowed",
            )),
        }
    }

    /// LoadMethod: (callable, self) for an unbound method found on the type, else (attr, NO_SELF).
    fn load_method(&mut self, obj: Value, name: &Str) -> PyResult<(Value, Value)> {
        if let Value::Obj(o) = &obj {
            match &**o {
                PyObject::Instance(inst) => {
                    let cls = inst.class.borrow().clone();
                    if self.custom_getattribute(&cls) {
                        return Ok((self.getattr(&obj, name)?, NO_SELF));
                    }
                    if let Some(attr) = self.type_lookup(&cls, name) {
                        let plain = matches!(&attr, Value::Obj(a) if matches!(&**a, PyObject::Function(_)) || matches!(&**a, PyObject::Builtin(b) if b.bound.is_none() && b.method));
                        if plain {
                            let shadowed = inst.attr_get(name).is_some();
                            if !shadowed {
                                return Ok((attr, obj));
                            }
                        }
                    }
                    let v = self.getattr(&obj, name)?;
                    return Ok((v, NO_SELF));
                }
                PyObject::Module(_) | PyObject::Type(_) | PyObject::Super(..) => {
                    let v = self.getattr(&obj, name)?;
                    return Ok((v, NO_SELF));
                }
                _ => {}
            }
        }
        if matches!(obj, Value::NotImplemented) {
            let v = self.getattr(&obj, name)?;
            return Ok((v, NO_SELF));
        }
        let cls = self.type_of(&obj);
        if let Some(attr) = self.type_lookup(&cls, name) {
            if matches!(&attr, Value::Obj(a) if matches!(&**a, PyObject::Builtin(b) if b.bound.is_none() && b.method) || matches!(&**a, PyObject::Function(_)))
            {
                return Ok((attr, obj));
            }
        }
        let v = self.getattr(&obj, name)?;
        Ok((v, NO_SELF))
    }

    /// Call the callable at `stack[pos]` with the arguments above it (the last ones keyword
    /// values when `kwnames` is given). Python functions return their new frame (the caller
    /// switches to it); anything else is called here and its result pushed.
    fn call_from_stack(
        &mut self,
        frame: &mut Box<Frame>,
        pos: usize,
        kwnames: Option<Value>,
    ) -> PyResult<Option<Box<Frame>>> {
        self.periodic_checks()?;
        let Some(callable) = frame.stack.get(pos).cloned() else {
            return Err(self.stack_underflow());
        };
        let kwn: Vec<Str> = match &kwnames {
            Some(t) => t
                .as_tuple()
                .map(|t| {
                    t.iter()
                        .filter_map(|v| {
                            if let Value::Str(s) = v {
                                Some(s.clone())
                            } else {
                                None
                            }
                        })
                        .collect()
                })
                .unwrap_or_default(),
            None => Vec::new(),
        };
        let nkw = kwn.len();
        if frame.stack.len() - pos - 1 < nkw {
            // More keyword names than arguments: only malformed bytecode gets here.
            return Err(self.stack_underflow());
        }
        if let Value::Obj(o) = &callable {
            match &**o {
                PyObject::Function(func) if !func.code.is_resumable() => {
                    if nkw == 0 {
                        if let Some(nf) = self.simple_call_frame(o, func, &mut frame.stack, pos) {
                            frame.pending = Pending::Call;
                            return Ok(Some(nf));
                        }
                    }
                    let nf = if nkw == 0 {
                        self.function_frame(o, &frame.stack[pos + 1..], &[])?
                    } else {
                        let split = frame.stack.len() - nkw;
                        let kw: Vec<(Str, Value)> = kwn
                            .into_iter()
                            .zip(frame.stack[split..].iter().cloned())
                            .collect();
                        self.function_frame(o, &frame.stack[pos + 1..split], &kw)?
                    };
                    frame.stack.truncate(pos);
                    frame.pending = Pending::Call;
                    return Ok(Some(nf));
                }
                PyObject::BoundMethod(f, slf) => {
                    if let Value::Obj(fo) = f {
                        if let PyObject::Function(func) = &**fo {
                            if !func.code.is_resumable() {
                                let (f, slf) = (f.clone(), slf.clone());
                                frame.stack[pos] = f;
                                frame.stack.insert(pos + 1, slf);
                                return self.call_from_stack(frame, pos, kwnames);
                            }
                        }
                    }
                }
                PyObject::Type(t)
                    if t.heap_type
                        && (t.layout == crate::value::Layout::Object
                            || (t.layout == crate::value::Layout::Exception && nkw == 0))
                        && t.metaclass.borrow().is_none() =>
                {
                    let nname = self.name("__new__");
                    let iname = self.name("__init__");
                    let is_exc = t.layout == crate::value::Layout::Exception;
                    let new_default = if is_exc {
                        // BaseException's own __new__ (it keeps the arguments).
                        let base = self.exc_type(ExcKind::BaseException);
                        match (self.type_lookup(o, &nname), self.type_lookup(&base, &nname)) {
                            (Some(Value::Obj(a)), Some(Value::Obj(b))) => Rc::ptr_eq(&a, &b),
                            _ => false,
                        }
                    } else {
                        self.type_lookup(o, &nname).map(|n| matches!(&n, Value::Obj(no) if matches!(&**no, PyObject::StaticMethod(Value::Obj(b)) if matches!(&**b, PyObject::Builtin(bb) if bb.name == "object.__new__")))).unwrap_or(true)
                    };
                    if new_default {
                        if let Some(init) = self.type_lookup(o, &iname) {
                            if let Value::Obj(io) = &init {
                                if let PyObject::Function(ifn) = &**io {
                                    if !ifn.code.is_resumable() {
                                        let cls = o.clone();
                                        let inst = if is_exc {
                                            // BaseException.__new__ keeps the arguments.
                                            let args = frame.stack[pos + 1..].to_vec();
                                            self.new_exception(&cls, args)
                                        } else {
                                            self.new_instance(&cls)
                                        };
                                        frame.stack[pos] = init.clone();
                                        frame.stack.insert(pos + 1, inst.clone());
                                        let simple = if nkw == 0 {
                                            self.simple_call_frame(io, ifn, &mut frame.stack, pos)
                                        } else {
                                            None
                                        };
                                        let nf = if let Some(nf) = simple {
                                            nf
                                        } else if nkw == 0 {
                                            self.function_frame(io, &frame.stack[pos + 1..], &[])?
                                        } else {
                                            let split = frame.stack.len() - nkw;
                                            let kw: Vec<(Str, Value)> = kwn
                                                .into_iter()
                                                .zip(frame.stack[split..].iter().cloned())
                                                .collect();
                                            self.function_frame(
                                                io,
                                                &frame.stack[pos + 1..split],
                                                &kw,
                                            )?
                                        };
                                        frame.stack.truncate(pos);
                                        frame.stack.push(inst);
                                        frame.pending = Pending::Init;
                                        return Ok(Some(nf));
                                    }
                                }
                            }
                        }
                    }
                }
                _ => {}
            }
        }
        let split = frame.stack.len() - nkw;
        let kw: Vec<(Str, Value)> = kwn
            .into_iter()
            .zip(frame.stack[split..].iter().cloned())
            .collect();
        self.caller_frame = &**frame as *const Frame;
        self.direct_call = true;
        // The positional arguments are passed straight from the operand stack (no copy); the
        // stack is cut back whether the call returns, raises or suspends.
        let r = self.call_kw(&callable, &frame.stack[pos + 1..split], &kw);
        frame.stack.truncate(pos);
        frame.stack.push(r?);
        Ok(None)
    }

    /// Prepare a generator's frame to be resumed with `send` (stackless).
    #[inline]
    fn gen_enter(&mut self, g: &Obj, send: Value) -> PyResult<GenEntry> {
        let Some(gc) = gen_of(g) else {
            return Ok(GenEntry::Finished);
        };
        let mut gm = gc.borrow_mut();
        if gm.pend.is_some() {
            return Ok(GenEntry::Pending(send));
        }
        if gm.running {
            drop(gm);
            return Err(self.value_error("generator already executing"));
        }
        let Some(mut f) = gm.frame.take() else {
            if gm.flags & CO_COROUTINE != 0 && gm.finished {
                drop(gm);
                return Err(self.err(
                    ExcKind::RuntimeError,
                    "cannot reuse already awaited coroutine",
                ));
            }
            return Ok(GenEntry::Finished);
        };
        if f.ip == 0 {
            if !send.is_none() {
                park_frame(&mut gm, f);
                drop(gm);
                return Err(
                    self.type_error("can't send non-None value to a just-started generator")
                );
            }
        } else if send.is_none() && matches!(f.code.instrs.get(f.ip), Some(Instr::PopTop)) {
            // `yield` as a statement discards what is sent: a None is not pushed to be popped
            // (the usual `for` and `next` resume); `unsend` undoes either form.
            f.ip += 1;
        } else {
            f.stack.push(send);
        }
        gm.running = true;
        f.generator = Some(g.clone());
        Ok(GenEntry::Frame(f))
    }

    /// Resume a generator with a value to send, or an exception to throw into it.
    pub fn gen_resume(
        &mut self,
        gen: &Obj,
        send: Value,
        throw: Option<Value>,
    ) -> PyResult<GenOutcome> {
        let Some(gc) = gen_of(gen) else {
            return Err(self.type_error("not a generator"));
        };
        let throw = match crate::objgen::take_pending(self, gc)? {
            Some(e) => Some(e),
            None => throw,
        };
        if throw.is_none() {
            return match self.gen_enter(gen, send)? {
                GenEntry::Frame(f) => self.run_frame(f, None),
                // take_pending above left none.
                GenEntry::Finished | GenEntry::Pending(_) => Ok(GenOutcome::Returned(Value::None)),
            };
        }
        let exc = throw.unwrap_or(Value::None);
        let mut f = {
            let mut gm = gc.borrow_mut();
            if gm.running {
                drop(gm);
                return Err(self.value_error("generator already executing"));
            }
            match gm.frame.take() {
                Some(mut f) => {
                    gm.running = true;
                    f.generator = Some(gen.clone());
                    f
                }
                None => {
                    drop(gm);
                    return Err(PyErr(exc));
                }
            }
        };
        if f.ip == 0 {
            self.finish_generator(gen);
            return Err(PyErr(exc));
        }
        // Delegating through `yield from`/`await`: throw into the sub-iterator first.
        if matches!(f.code.instrs.get(f.ip), Some(Instr::YieldFrom)) {
            if let Some(sub) = f.stack.last().cloned() {
                let sub_gen = match &sub {
                    Value::Obj(o) if gen_of(o).is_some() => Some(o.clone()),
                    _ => None,
                };
                let is_exit = self.is_instance(&exc, &self.exc_type(ExcKind::GeneratorExit));
                let r = if is_exit {
                    // GeneratorExit closes the sub-iterator, then is raised here (CPython).
                    let closed = match &sub_gen {
                        Some(_) => crate::objgen::close(self, &sub).map(|_| ()),
                        None => match self.getattr_opt(&sub, "close") {
                            Ok(Some(close)) => self.call(&close, &[]).map(|_| ()),
                            Ok(None) => Ok(()),
                            Err(e) => Err(e),
                        },
                    };
                    closed.err().map(Err)
                } else if let Some(so) = sub_gen {
                    Some(self.gen_resume(&so, Value::None, Some(exc.clone())))
                } else {
                    {
                        self.getattr_opt(&sub, "throw")?.map(|t| {
                            match self.call(&t, core::slice::from_ref(&exc)) {
                                Ok(v) => Ok(GenOutcome::Yielded(v)),
                                Err(e) if self.err_matches(&e, ExcKind::StopIteration) => {
                                    let v = crate::objexcept::derived_attr(self, &e.0, "value")
                                        .unwrap_or(Value::None);
                                    Ok(GenOutcome::Returned(v))
                                }
                                Err(e) => Err(e),
                            }
                        })
                    }
                };
                match r {
                    Some(Ok(GenOutcome::Yielded(x))) => {
                        let mut gm = gc.borrow_mut();
                        gm.running = false;
                        park_frame(&mut gm, f);
                        return Ok(GenOutcome::Yielded(x));
                    }
                    Some(Ok(GenOutcome::Returned(v))) => {
                        f.stack.pop();
                        f.stack.push(v);
                        f.ip += 1;
                        return self.run_frame(f, None);
                    }
                    Some(Err(e)) => {
                        f.stack.pop();
                        f.ip += 1;
                        return self.run_frame(f, Some(e));
                    }
                    None => {
                        f.stack.pop();
                        f.ip += 1;
                    }
                }
            }
        }
        self.run_frame(f, Some(PyErr(exc)))
    }

    /// Send a value into any iterator (`yield from` over non-generators): `__next__` for None,
    /// `send` otherwise; StopIteration becomes Returned.
    fn iter_send(&mut self, it: &Value, v: Value) -> PyResult<GenOutcome> {
        if let Value::Obj(o) = it {
            if gen_of(o).is_some() {
                return self.gen_resume(o, v, None);
            }
        }
        let r = if v.is_none() {
            if let Value::Obj(o) = it {
                if let PyObject::Iter(_) = &**o {
                    return match crate::iter::iter_next(self, o) {
                        Ok(Some(x)) => Ok(GenOutcome::Yielded(x)),
                        Ok(None) => Ok(GenOutcome::Returned(Value::None)),
                        Err(e) if self.err_matches(&e, ExcKind::StopIteration) => {
                            let v = crate::objexcept::derived_attr(self, &e.0, "value");
                            Ok(GenOutcome::Returned(v.unwrap_or(Value::None)))
                        }
                        Err(e) => Err(e),
                    };
                }
            }
            match self.call_special(it, "__next__", &[]) {
                Some(r) => r,
                None => {
                    let tn = self.type_name(it);
                    return Err(self.type_error(format!("'{}' object is not an iterator", tn)));
                }
            }
        } else {
            self.call_method(it, "send", core::slice::from_ref(&v))
        };
        match r {
            Ok(x) => Ok(GenOutcome::Yielded(x)),
            Err(e) if self.err_matches(&e, ExcKind::StopIteration) => {
                let v = crate::objexcept::derived_attr(self, &e.0, "value").unwrap_or(Value::None);
                Ok(GenOutcome::Returned(v))
            }
            Err(e) => Err(e),
        }
    }

    /// The iterator `await v` delegates to.
    fn get_awaitable(&mut self, v: &Value) -> PyResult {
        if let Value::Obj(o) = v {
            if let Some(g) = gen_of(o) {
                let flags = g
                    .borrow()
                    .frame
                    .as_ref()
                    .map(|f| f.code.flags)
                    .unwrap_or(CO_COROUTINE);
                // MicroPython lets a plain generator be awaited (no
                // `types.coroutine` needed); only async generators are refused.
                if flags & crate::code::CO_ASYNC_GENERATOR == 0 {
                    return Ok(v.clone());
                }
            }
        }
        match self.call_special(v, "__await__", &[]) {
            Some(r) => {
                let r = r?;
                if matches!(&r, Value::Obj(o) if gen_of(o).is_some() || matches!(&**o, PyObject::Iter(_)))
                    || self.lookup_special(&r, "__next__").is_some()
                {
                    Ok(r)
                } else {
                    let tn = self.type_name(&r);
                    Err(self.type_error(format!(
                        "__await__() returned non-iterator of type '{}'",
                        tn
                    )))
                }
            }
            None => {
                let tn = self.type_name(v);
                Err(self.type_error(format!("object {} can't be used in 'await' expression", tn)))
            }
        }
    }

    /// The class-pattern match: the attributes for the sub-patterns, or None.
    fn match_class(
        &mut self,
        subject: &Value,
        cls: &Value,
        npos: usize,
        kwnames: &Value,
    ) -> PyResult {
        let Value::Obj(c) = cls else {
            return Err(self.type_error("called match pattern must be a class"));
        };
        if !matches!(&**c, PyObject::Type(_)) {
            return Err(self.type_error("called match pattern must be a class"));
        }
        if !self.is_instance(subject, c) {
            return Ok(Value::None);
        }
        let mut out = Vec::new();
        if npos > 0 {
            let self_match = matches!(types::as_type(c).map(|t| t.layout), Some(l) if !matches!(l, crate::value::Layout::Object | crate::value::Layout::Exception | crate::value::Layout::Other | crate::value::Layout::Native | crate::value::Layout::Type));
            let ma = types::lookup_str(c, "__match_args__");
            match ma {
                Some(ma) => {
                    let names = self.collect(&ma)?;
                    if npos > names.len() {
                        let tn = types::name_string(c);
                        return Err(self.type_error(format!(
                            "{}() accepts {} positional sub-pattern{} ({} given)",
                            tn,
                            names.len(),
                            if names.len() == 1 { "" } else { "s" },
                            npos
                        )));
                    }
                    for n in names.iter().take(npos) {
                        let Value::Str(s) = n else {
                            return Err(self.type_error("__match_args__ elements must be strings"));
                        };
                        match self.getattr_opt(subject, s.as_str())? {
                            Some(v) => out.push(v),
                            None => return Ok(Value::None),
                        }
                    }
                }
                None if self_match && npos == 1 => out.push(subject.clone()),
                None => {
                    let tn = types::name_string(c);
                    return Err(self.type_error(format!(
                        "{}() accepts 0 positional sub-patterns ({} given)",
                        tn, npos
                    )));
                }
            }
        }
        if let Some(t) = kwnames.as_tuple() {
            for n in t.iter() {
                let Value::Str(s) = n else { continue };
                match self.getattr_opt(subject, s.as_str())? {
                    Some(v) => out.push(v),
                    None => return Ok(Value::None),
                }
            }
        }
        Ok(self.new_tuple(out))
    }
}

impl Vm {
    /// Resume a generator from a native (`next(g)`, `g.send(v)`).
    pub fn gen_send(&mut self, g: &Obj, v: Value) -> PyResult<Option<Value>> {
        match self.gen_resume(g, v, None)? {
            GenOutcome::Yielded(x) => Ok(Some(x)),
            GenOutcome::Returned(_) => Ok(None),
        }
    }
}
