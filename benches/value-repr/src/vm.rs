//! A tiny stack VM, generic over the value representation, with two dispatch loops.
//!
//! One instruction set (`Instr`) serves every candidate. `run_enum` dispatches with a `match`
//! over a `Vec<Instr>` (how crates/vm/src/eval.rs works); `run_bytes` runs the same program
//! encoded by `encode` as a compact byte stream (one opcode byte plus operand bytes, as
//! MicroPython's bytecode). Both loops share the operation bodies (`Machine`'s methods), so they
//! differ only in instruction fetch and decode. Frames are stackless: locals live in the value
//! stack above the frame's base, calls push a small `Frame` record. Every failure (type error,
//! bad code, overflow of the i128 "big int") is an error result (`Fail`), never a panic.

use std::cell::RefCell;
use std::rc::Rc;

use crate::repr::{Heap, Repr};

/// One instruction of the mini-VM.
#[derive(Clone, Copy, Debug)]
pub enum Instr {
    /// `[] -> [consts[i]]`
    LoadConst(u16),
    /// `[] -> [local i]`
    LoadLocal(u16),
    /// `[v] -> []`: store into local i.
    StoreLocal(u16),
    /// `[a, b] -> [a + b]` (ints with overflow to the big path, floats, mixed).
    Add,
    /// `[a, b] -> [a - b]`
    Sub,
    /// `[a, b] -> [a * b]`
    Mul,
    /// `[a, b] -> [a / b]`: true division, always a float.
    Div,
    /// `[a, b] -> [a & b]` (ints only).
    And,
    /// `[a, b] -> [a < b]`
    Lt,
    /// Jump to instruction index `t`.
    Jump(u32),
    /// `[c] -> []`: jump to `t` if `c` is false.
    JumpIfFalse(u32),
    /// `[a1..an] -> [result]`: call function `f` with `n` arguments.
    Call(u16, u16),
    /// `[v] -> ` the caller's stack.
    Return,
    /// `[v1..vn] -> [obj]`: a new instance whose n fields are the popped values.
    NewObj(u16),
    /// `[obj] -> [obj.field i]`
    GetField(u16),
    /// `[v, obj] -> []`: `obj.field i = v`
    SetField(u16),
}

/// A compiled function.
pub struct Func {
    /// Number of parameters (the first locals).
    pub params: usize,
    /// Number of locals, parameters included.
    pub locals: usize,
    /// The instructions.
    pub code: Vec<Instr>,
}

/// A constant before it is turned into a value of some representation.
#[derive(Clone, Copy, Debug)]
pub enum Const {
    /// An int (any size that fits an i128).
    Int(i128),
    /// A float.
    Float(f64),
}

/// A program: functions (function 0 is the entry, called with no arguments) and constants.
pub struct Program {
    /// The functions.
    pub funcs: Vec<Func>,
    /// The constant pool shared by all functions.
    pub consts: Vec<Const>,
}

/// Why a run failed.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum VmError {
    /// Operand types the operation does not support.
    Type,
    /// Division by zero.
    ZeroDivision,
    /// The i128 standing in for a big int overflowed.
    Overflow,
    /// Malformed code (stack underflow, bad index or jump).
    BadCode,
    /// A heap address the representation cannot encode.
    Unencodable,
}

/// The error carried by results. By default the 1-byte `VmError` itself; with the
/// `boxed-error` feature a pointer to it, as a check of how much the figures depend on the
/// layout of `Result<Value, _>` (the real VM's `PyErr` holds a `Value`).
#[cfg(not(feature = "boxed-error"))]
pub type Fail = VmError;
/// See above.
#[cfg(feature = "boxed-error")]
pub type Fail = Box<VmError>;

/// Make a `Fail` (`into` is the identity without `boxed-error`).
#[cold]
#[inline(never)]
#[allow(clippy::useless_conversion)]
fn fail(e: VmError) -> Fail {
    e.into()
}

type R<T> = Result<T, Fail>;

/// A call frame: where to resume the caller.
struct Frame {
    func: usize,
    ip: usize,
    base: usize,
}

/// The VM state shared by both dispatch loops.
///
/// `POP` selects how binary operations reach their operands: `true` pops both into locals and
/// pushes the result (the shape of `BinaryOp` in crates/vm/src/eval.rs), `false` computes from
/// references to the top two slots and overwrites one in place.
struct Machine<V, const POP: bool> {
    stack: Vec<V>,
    consts: Vec<V>,
    frames: Vec<Frame>,
    base: usize,
}

/// The binary operations, for the shared slow path.
#[derive(Clone, Copy)]
enum Op {
    Add,
    Sub,
    Mul,
    Div,
    And,
}

impl<V: Repr, const POP: bool> Machine<V, POP> {
    fn new(prog: &Program) -> R<Self> {
        let consts = prog
            .consts
            .iter()
            .map(|c| match *c {
                Const::Int(i) => V::int(i).ok_or_else(|| fail(VmError::Unencodable)),
                Const::Float(x) => Ok(V::float(x)),
            })
            .collect::<R<Vec<V>>>()?;
        Ok(Machine {
            stack: Vec::with_capacity(1024),
            consts,
            frames: Vec::new(),
            base: 0,
        })
    }

    #[inline(always)]
    fn pop(&mut self) -> R<V> {
        self.stack.pop().ok_or_else(|| fail(VmError::BadCode))
    }

    /// Replace the top two stack values `a, b` by `f(a, b)` (see `POP` for the two ways).
    #[inline(always)]
    fn binary(&mut self, f: impl FnOnce(&V, &V) -> R<V>) -> R<()> {
        if POP {
            let b = self.pop()?;
            let a = self.pop()?;
            let r = f(&a, &b)?;
            self.stack.push(r);
            return Ok(());
        }
        let r = match self.stack.as_slice() {
            [.., a, b] => f(a, b)?,
            _ => return Err(fail(VmError::BadCode)),
        };
        self.stack.pop();
        if let Some(top) = self.stack.last_mut() {
            *top = r;
        }
        Ok(())
    }

    #[inline(always)]
    fn load_const(&mut self, i: usize) -> R<()> {
        let v = self
            .consts
            .get(i)
            .ok_or_else(|| fail(VmError::BadCode))?
            .clone();
        self.stack.push(v);
        Ok(())
    }

    #[inline(always)]
    fn load_local(&mut self, i: usize) -> R<()> {
        let v = self
            .stack
            .get(self.base + i)
            .ok_or_else(|| fail(VmError::BadCode))?
            .clone();
        self.stack.push(v);
        Ok(())
    }

    #[inline(always)]
    fn store_local(&mut self, i: usize) -> R<()> {
        let v = self.pop()?;
        *self
            .stack
            .get_mut(self.base + i)
            .ok_or_else(|| fail(VmError::BadCode))? = v;
        Ok(())
    }

    #[inline(always)]
    fn add(&mut self) -> R<()> {
        self.binary(|a, b| match V::add_small(a, b) {
            Some(r) => Ok(r),
            None => match (a.as_float(), b.as_float()) {
                (Some(x), Some(y)) => Ok(V::float(x + y)),
                _ => slow(Op::Add, a, b),
            },
        })
    }

    #[inline(always)]
    fn sub(&mut self) -> R<()> {
        self.binary(|a, b| match V::sub_small(a, b) {
            Some(r) => Ok(r),
            None => match (a.as_float(), b.as_float()) {
                (Some(x), Some(y)) => Ok(V::float(x - y)),
                _ => slow(Op::Sub, a, b),
            },
        })
    }

    #[inline(always)]
    fn mul(&mut self) -> R<()> {
        self.binary(|a, b| {
            if let (Some(x), Some(y)) = (a.as_small_int(), b.as_small_int()) {
                if let Some(r) = x.checked_mul(y).and_then(V::small_int) {
                    return Ok(r);
                }
            }
            match (a.as_float(), b.as_float()) {
                (Some(x), Some(y)) => Ok(V::float(x * y)),
                _ => slow(Op::Mul, a, b),
            }
        })
    }

    #[inline(always)]
    fn div(&mut self) -> R<()> {
        self.binary(|a, b| match (a.as_float(), b.as_float()) {
            (Some(x), Some(y)) => {
                if y == 0.0 {
                    Err(fail(VmError::ZeroDivision))
                } else {
                    Ok(V::float(x / y))
                }
            }
            _ => slow(Op::Div, a, b),
        })
    }

    #[inline(always)]
    fn and(&mut self) -> R<()> {
        self.binary(|a, b| match (a.as_small_int(), b.as_small_int()) {
            (Some(x), Some(y)) => V::small_int(x & y).ok_or_else(|| fail(VmError::Overflow)),
            _ => slow(Op::And, a, b),
        })
    }

    #[inline(always)]
    fn lt(&mut self) -> R<()> {
        self.binary(|a, b| {
            let r = match (a.as_small_int(), b.as_small_int()) {
                (Some(x), Some(y)) => x < y,
                _ => match (num(a), num(b)) {
                    (Some(Num::I(x)), Some(Num::I(y))) => x < y,
                    (Some(x), Some(y)) => x.f() < y.f(),
                    _ => return Err(fail(VmError::Type)),
                },
            };
            Ok(V::bool(r))
        })
    }

    /// Pop the condition; whether to jump (Python truthiness for None, bools, ints, floats).
    #[inline(always)]
    fn is_false(&mut self) -> R<bool> {
        let c = self.pop()?;
        if let Some(b) = c.as_bool() {
            return Ok(!b);
        }
        if c.is_none() {
            return Ok(true);
        }
        match num(&c) {
            Some(Num::I(i)) => Ok(i == 0),
            Some(Num::F(x)) => Ok(x == 0.0),
            None => Ok(false),
        }
    }

    /// Enter function `f` with `argc` arguments on the stack; returns where to continue.
    #[inline(always)]
    fn call(&mut self, prog: &Program, cur: (usize, usize), f: usize, argc: usize) -> R<usize> {
        let func = prog.funcs.get(f).ok_or_else(|| fail(VmError::BadCode))?;
        if func.params != argc {
            return Err(fail(VmError::Type));
        }
        let base = self
            .stack
            .len()
            .checked_sub(argc)
            .ok_or_else(|| fail(VmError::BadCode))?;
        self.frames.push(Frame {
            func: cur.0,
            ip: cur.1,
            base: self.base,
        });
        self.base = base;
        self.stack.resize_with(base + func.locals, V::none);
        Ok(f)
    }

    /// Return from the current function: `Some((func, ip))` to continue in the caller, `None`
    /// when the entry function returned (its result is left on the stack).
    #[inline(always)]
    fn ret(&mut self) -> R<Option<(usize, usize)>> {
        let v = self.pop()?;
        self.stack.truncate(self.base);
        self.stack.push(v);
        match self.frames.pop() {
            Some(fr) => {
                self.base = fr.base;
                Ok(Some((fr.func, fr.ip)))
            }
            None => Ok(None),
        }
    }

    #[inline(always)]
    fn new_obj(&mut self, n: usize) -> R<()> {
        let start = self
            .stack
            .len()
            .checked_sub(n)
            .ok_or_else(|| fail(VmError::BadCode))?;
        let fields: Vec<V> = self.stack.drain(start..).collect();
        let o = V::heap(Rc::new(Heap::Inst(Box::new(RefCell::new(fields)))));
        self.stack
            .push(o.ok_or_else(|| fail(VmError::Unencodable))?);
        Ok(())
    }

    #[inline(always)]
    fn get_field(&mut self, i: usize) -> R<()> {
        let o = self.pop()?;
        let v = match o.as_heap() {
            Some(Heap::Inst(f)) => f
                .borrow()
                .get(i)
                .cloned()
                .ok_or_else(|| fail(VmError::BadCode))?,
            _ => return Err(fail(VmError::Type)),
        };
        self.stack.push(v);
        Ok(())
    }

    #[inline(always)]
    fn set_field(&mut self, i: usize) -> R<()> {
        let o = self.pop()?;
        let v = self.pop()?;
        let old = match o.as_heap() {
            Some(Heap::Inst(f)) => {
                let mut fields = f.borrow_mut();
                let slot = fields.get_mut(i).ok_or_else(|| fail(VmError::BadCode))?;
                std::mem::replace(slot, v)
            }
            _ => return Err(fail(VmError::Type)),
        };
        drop(old);
        Ok(())
    }
}

/// A number of either kind, for the slow paths.
#[derive(Clone, Copy)]
enum Num {
    I(i128),
    F(f64),
}

impl Num {
    fn f(self) -> f64 {
        match self {
            Num::I(i) => i as f64,
            Num::F(x) => x,
        }
    }
}

fn num<V: Repr>(v: &V) -> Option<Num> {
    if let Some(i) = v.as_any_int() {
        return Some(Num::I(i));
    }
    v.as_float().map(Num::F)
}

/// The slow path of the arithmetic operations: big ints (i128, boxed), mixed int/float.
#[inline(never)]
fn slow<V: Repr>(op: Op, a: &V, b: &V) -> R<V> {
    let (x, y) = match (num(a), num(b)) {
        (Some(x), Some(y)) => (x, y),
        _ => return Err(fail(VmError::Type)),
    };
    if let (Num::I(x), Num::I(y), false) = (x, y, matches!(op, Op::Div)) {
        let r = match op {
            Op::Add => x.checked_add(y),
            Op::Sub => x.checked_sub(y),
            Op::Mul => x.checked_mul(y),
            Op::And => Some(x & y),
            Op::Div => None,
        };
        return V::int(r.ok_or_else(|| fail(VmError::Overflow))?)
            .ok_or_else(|| fail(VmError::Unencodable));
    }
    let (x, y) = (x.f(), y.f());
    Ok(V::float(match op {
        Op::Add => x + y,
        Op::Sub => x - y,
        Op::Mul => x * y,
        Op::Div if y == 0.0 => return Err(fail(VmError::ZeroDivision)),
        Op::Div => x / y,
        Op::And => return Err(fail(VmError::Type)),
    }))
}

/// Run `prog` with a `match` over `Instr` values; returns the entry function's result. `POP`:
/// see `Machine`.
pub fn run_enum<V: Repr, const POP: bool>(prog: &Program) -> R<V> {
    let mut m = Machine::<V, POP>::new(prog)?;
    let mut f = m.call(prog, (0, 0), 0, 0)?;
    m.frames.clear();
    let mut code: &[Instr] = &prog
        .funcs
        .get(f)
        .ok_or_else(|| fail(VmError::BadCode))?
        .code;
    let mut ip = 0usize;
    loop {
        let ins = *code.get(ip).ok_or_else(|| fail(VmError::BadCode))?;
        ip += 1;
        match ins {
            Instr::LoadConst(i) => m.load_const(i as usize)?,
            Instr::LoadLocal(i) => m.load_local(i as usize)?,
            Instr::StoreLocal(i) => m.store_local(i as usize)?,
            Instr::Add => m.add()?,
            Instr::Sub => m.sub()?,
            Instr::Mul => m.mul()?,
            Instr::Div => m.div()?,
            Instr::And => m.and()?,
            Instr::Lt => m.lt()?,
            Instr::Jump(t) => ip = t as usize,
            Instr::JumpIfFalse(t) => {
                if m.is_false()? {
                    ip = t as usize;
                }
            }
            Instr::Call(g, argc) => {
                f = m.call(prog, (f, ip), g as usize, argc as usize)?;
                code = &prog
                    .funcs
                    .get(f)
                    .ok_or_else(|| fail(VmError::BadCode))?
                    .code;
                ip = 0;
            }
            Instr::Return => match m.ret()? {
                Some((g, at)) => {
                    f = g;
                    code = prog
                        .funcs
                        .get(f)
                        .ok_or_else(|| fail(VmError::BadCode))?
                        .code
                        .as_slice();
                    ip = at;
                }
                None => return m.pop(),
            },
            Instr::NewObj(n) => m.new_obj(n as usize)?,
            Instr::GetField(i) => m.get_field(i as usize)?,
            Instr::SetField(i) => m.set_field(i as usize)?,
        }
    }
}

/// Opcodes of the byte-coded form.
mod op {
    pub const LOAD_CONST: u8 = 0;
    pub const LOAD_LOCAL: u8 = 1;
    pub const STORE_LOCAL: u8 = 2;
    pub const ADD: u8 = 3;
    pub const SUB: u8 = 4;
    pub const MUL: u8 = 5;
    pub const DIV: u8 = 6;
    pub const AND: u8 = 7;
    pub const LT: u8 = 8;
    pub const JUMP: u8 = 9;
    pub const JUMP_IF_FALSE: u8 = 10;
    pub const CALL: u8 = 11;
    pub const RETURN: u8 = 12;
    pub const NEW_OBJ: u8 = 13;
    pub const GET_FIELD: u8 = 14;
    pub const SET_FIELD: u8 = 15;
}

/// A program in byte-coded form: one byte stream per function.
pub struct ByteProgram {
    /// Per function: (params, locals, code bytes).
    pub funcs: Vec<(usize, usize, Vec<u8>)>,
}

/// Encode every function as bytes: an opcode byte, then one byte per small operand (local,
/// constant, field and function indices, counts) and two little-endian bytes for jump targets
/// (byte offsets). `None` if an operand does not fit.
pub fn encode(prog: &Program) -> Option<ByteProgram> {
    let mut funcs = Vec::new();
    for func in &prog.funcs {
        let size = |i: &Instr| match i {
            Instr::Jump(_) | Instr::JumpIfFalse(_) | Instr::Call(..) => 3,
            Instr::LoadConst(_)
            | Instr::LoadLocal(_)
            | Instr::StoreLocal(_)
            | Instr::NewObj(_)
            | Instr::GetField(_)
            | Instr::SetField(_) => 2,
            _ => 1,
        };
        let mut offsets = Vec::with_capacity(func.code.len() + 1);
        let mut at = 0usize;
        for i in &func.code {
            offsets.push(at);
            at += size(i);
        }
        offsets.push(at);
        let mut out = Vec::with_capacity(at);
        for i in &func.code {
            let b = |x: u16| u8::try_from(x).ok();
            match *i {
                Instr::LoadConst(x) => out.extend([op::LOAD_CONST, b(x)?]),
                Instr::LoadLocal(x) => out.extend([op::LOAD_LOCAL, b(x)?]),
                Instr::StoreLocal(x) => out.extend([op::STORE_LOCAL, b(x)?]),
                Instr::Add => out.push(op::ADD),
                Instr::Sub => out.push(op::SUB),
                Instr::Mul => out.push(op::MUL),
                Instr::Div => out.push(op::DIV),
                Instr::And => out.push(op::AND),
                Instr::Lt => out.push(op::LT),
                Instr::Jump(t) | Instr::JumpIfFalse(t) => {
                    let code = if matches!(i, Instr::Jump(_)) {
                        op::JUMP
                    } else {
                        op::JUMP_IF_FALSE
                    };
                    let t = u16::try_from(*offsets.get(t as usize)?).ok()?.to_le_bytes();
                    out.extend([code, t[0], t[1]]);
                }
                Instr::Call(g, n) => out.extend([op::CALL, b(g)?, b(n)?]),
                Instr::Return => out.push(op::RETURN),
                Instr::NewObj(x) => out.extend([op::NEW_OBJ, b(x)?]),
                Instr::GetField(x) => out.extend([op::GET_FIELD, b(x)?]),
                Instr::SetField(x) => out.extend([op::SET_FIELD, b(x)?]),
            }
        }
        funcs.push((func.params, func.locals, out));
    }
    Some(ByteProgram { funcs })
}

/// Run the byte-coded form of `prog` (`bp = encode(prog)`); same semantics as `run_enum`.
pub fn run_bytes<V: Repr>(prog: &Program, bp: &ByteProgram) -> R<V> {
    let mut m = Machine::<V, false>::new(prog)?;
    let mut f = m.call(prog, (0, 0), 0, 0)?;
    m.frames.clear();
    let mut code: &[u8] = &bp.funcs.get(f).ok_or_else(|| fail(VmError::BadCode))?.2;
    let mut ip = 0usize;
    macro_rules! arg {
        () => {{
            let a = *code.get(ip).ok_or_else(|| fail(VmError::BadCode))? as usize;
            ip += 1;
            a
        }};
    }
    loop {
        let opcode = *code.get(ip).ok_or_else(|| fail(VmError::BadCode))?;
        ip += 1;
        match opcode {
            op::LOAD_CONST => m.load_const(arg!())?,
            op::LOAD_LOCAL => m.load_local(arg!())?,
            op::STORE_LOCAL => m.store_local(arg!())?,
            op::ADD => m.add()?,
            op::SUB => m.sub()?,
            op::MUL => m.mul()?,
            op::DIV => m.div()?,
            op::AND => m.and()?,
            op::LT => m.lt()?,
            op::JUMP => {
                ip = target(code, ip)?;
            }
            op::JUMP_IF_FALSE => {
                let t = target(code, ip)?;
                ip += 2;
                if m.is_false()? {
                    ip = t;
                }
            }
            op::CALL => {
                let g = arg!();
                let n = arg!();
                f = m.call(prog, (f, ip), g, n)?;
                code = &bp.funcs.get(f).ok_or_else(|| fail(VmError::BadCode))?.2;
                ip = 0;
            }
            op::RETURN => match m.ret()? {
                Some((g, at)) => {
                    f = g;
                    code = &bp.funcs.get(f).ok_or_else(|| fail(VmError::BadCode))?.2;
                    ip = at;
                }
                None => return m.pop(),
            },
            op::NEW_OBJ => m.new_obj(arg!())?,
            op::GET_FIELD => m.get_field(arg!())?,
            op::SET_FIELD => m.set_field(arg!())?,
            _ => return Err(fail(VmError::BadCode)),
        }
    }
}

/// The two-byte little-endian jump target at `code[ip..]`.
#[inline(always)]
fn target(code: &[u8], ip: usize) -> R<usize> {
    let t = code.get(ip..ip + 2).ok_or_else(|| fail(VmError::BadCode))?;
    let t: [u8; 2] = t.try_into().map_err(|_| fail(VmError::BadCode))?;
    Ok(u16::from_le_bytes(t) as usize)
}
