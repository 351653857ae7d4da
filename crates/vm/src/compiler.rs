//! The compiler: AST to code objects (scope analysis in `symtable`).
//!
//! One `Unit` is compiled per scope (module, class body, function, lambda, comprehension). Jumps are
//! emitted with label numbers and patched to instruction indices when the unit is finished; the
//! maximum stack depth is then computed by abstract interpretation over the instructions.
//!
//! Exception handling follows the contract in `opcode.rs`: `SetupExcept`/`SetupFinally`/`SetupWith`
//! push a handler block; entering a handler also records the "currently handled" exception, which
//! the handler releases with `PopExcept` (normal exit) or by raising (`Reraise`). `break`,
//! `continue` and `return` crossing these constructs emit the clean-up inline (CPython 3.9+ style).

use alloc::collections::BTreeMap;
use alloc::format;
use alloc::rc::Rc;
use alloc::string::{String, ToString};
use alloc::vec;
use alloc::vec::Vec;
use core::fmt::Write;

use num_bigint::BigInt;

use crate::ast::{
    self, Arguments, BinOp, BoolOpKind, CmpOp, Constant, Expr, ExprKind, Keyword, Loc, Pattern,
    PatternKind, Stmt, StmtKind, UnaryOpKind,
};
use crate::code::{
    Code, CO_ASYNC_GENERATOR, CO_CLASS_BODY, CO_COROUTINE, CO_GENERATOR, CO_NAMESPACE, CO_VARARGS,
    CO_VARKEYWORDS,
};
use crate::interner::Interner;
use crate::opcode::{Instr, OperandRef};
use crate::parser::{Mode, SyntaxError, SyntaxErrorKind};
use crate::symtable::{self, mangle, node_key, CompKind, ScopeKind, SymScope, SymbolTable};
use crate::value::{PyObject, Str, Value};

type CResult<T = ()> = Result<T, SyntaxError>;

/// Compile a parsed module. `filename` goes into every code object for tracebacks.
pub fn compile(
    module: &ast::Module,
    filename: &str,
    mode: Mode,
    interner: &mut Interner,
) -> Result<Rc<Code>, SyntaxError> {
    compile_with_options(module, filename, mode, interner, false)
}

/// Like [`compile`]; `allow_top_level_await` permits `await`, `async for` and `async with` at
/// module level (the module code then has the CO_COROUTINE flag and must be run as a coroutine).
pub fn compile_with_options(
    module: &ast::Module,
    filename: &str,
    mode: Mode,
    interner: &mut Interner,
    allow_top_level_await: bool,
) -> Result<Rc<Code>, SyntaxError> {
    compile_at_level(module, filename, mode, interner, allow_top_level_await, 0)
}

/// Like [`compile_with_options`], at an optimisation level (MicroPython's
/// `micropython.opt_level()`, the command line's `-O`): from 1, `__debug__` is False and `assert`
/// statements are left out; from 3, no line numbers are kept (every line reports as line 1).
pub fn compile_at_level(
    module: &ast::Module,
    filename: &str,
    mode: Mode,
    interner: &mut Interner,
    allow_top_level_await: bool,
    opt_level: u8,
) -> Result<Rc<Code>, SyntaxError> {
    let table = symtable::build(module, allow_top_level_await)?;
    let filename = interner.intern(filename);
    let mut c = Compiler {
        interner,
        table,
        filename,
        mode,
        units: Vec::new(),
        depth: 0,
        opt_level,
        mp_consts: BTreeMap::new(),
    };
    c.compile_module(module)
}

/// Bits a value computed for `const()` may have: bounds the work done at compile time.
const MP_CONST_MAX_BITS: u64 = 1 << 16;

/// An integer constant as a big integer (`const()` arithmetic is on integers only).
fn const_int(v: &ConstVal) -> Option<BigInt> {
    match v {
        ConstVal::Int(i) => Some(BigInt::from(*i)),
        ConstVal::BigInt(s) => BigInt::parse_bytes(s.as_bytes(), 10),
        _ => None,
    }
}

/// A big integer back as a constant (small ones as `Int`).
fn big_const(b: BigInt) -> ConstVal {
    match i64::try_from(&b) {
        Ok(i) => ConstVal::Int(i),
        Err(_) => ConstVal::BigInt(b.to_string()),
    }
}

/// One integer operation of a `const()` argument (None: not foldable, a SyntaxError there).
fn mp_const_binop(a: BigInt, op: BinOp, b: BigInt) -> Option<ConstVal> {
    use num_integer::Integer;
    use num_traits::{Signed, Zero};
    let r = match op {
        BinOp::Add => a + b,
        BinOp::Sub => a - b,
        BinOp::Mult if a.bits() + b.bits() <= MP_CONST_MAX_BITS => a * b,
        BinOp::FloorDiv if !b.is_zero() => a.div_floor(&b),
        BinOp::Mod if !b.is_zero() => a.mod_floor(&b),
        BinOp::Pow => {
            let n = u32::try_from(&b).ok()?;
            if a.bits() > 1 && a.bits().saturating_mul(u64::from(n)) > MP_CONST_MAX_BITS {
                return None;
            }
            num_traits::Pow::pow(a, n)
        }
        BinOp::LShift => {
            let n = usize::try_from(&b).ok()?;
            if a.bits().saturating_add(n as u64) > MP_CONST_MAX_BITS {
                return None;
            }
            a << n
        }
        BinOp::RShift => {
            if b.is_negative() {
                return None;
            }
            let n = usize::try_from(&b).unwrap_or(usize::MAX).min(1 << 20);
            a >> n
        }
        BinOp::BitAnd => a & b,
        BinOp::BitOr => a | b,
        BinOp::BitXor => a ^ b,
        _ => return None,
    };
    Some(big_const(r))
}

/// `a, b = x, y` (or three of each, tuple or list displays, nothing starred): the targets and
/// the values. Such a statement evaluates the values, reorders them on the stack and stores
/// them, building no tuple (CPython 3.11 uses SWAP the same way).
fn swap_assign<'e>(targets: &'e [Expr], value: &'e Expr) -> Option<(&'e [Expr], &'e [Expr])> {
    let [t] = targets else { return None };
    let (ExprKind::Tuple(elts) | ExprKind::List(elts)) = &t.kind else {
        return None;
    };
    let (ExprKind::Tuple(vals) | ExprKind::List(vals)) = &value.kind else {
        return None;
    };
    let starred = |e: &Expr| matches!(e.kind, ExprKind::Starred(_));
    ((2..=3).contains(&elts.len())
        && elts.len() == vals.len()
        && !elts.iter().any(starred)
        && !vals.iter().any(starred))
    .then_some((elts.as_slice(), vals.as_slice()))
}

/// `NAME = const(value)`: the name and the argument, when a statement has that shape.
fn mp_const_assign<'e>(targets: &'e [Expr], value: &'e Expr) -> Option<(&'e str, &'e Expr)> {
    let [Expr {
        kind: ExprKind::Name(name),
        ..
    }] = targets
    else {
        return None;
    };
    match &value.kind {
        ExprKind::Call {
            func,
            args,
            keywords,
        } if keywords.is_empty()
            && matches!(&func.kind, ExprKind::Name(f) if f == "const")
            && args.len() == 1
            && !matches!(args[0].kind, ExprKind::Starred(_)) =>
        {
            Some((name.as_str(), &args[0]))
        }
        _ => None,
    }
}

/// Is a decorator one of MicroPython's built-in code-emitter decorators (`@micropython.xxx`, a
/// dotted name rooted at `micropython`)? Returns its attribute path then.
fn mp_decorator(d: &Expr) -> Option<Vec<&str>> {
    let mut parts = Vec::new();
    let mut cur = d;
    loop {
        match &cur.kind {
            ExprKind::Attribute { value, attr } => {
                parts.push(attr.as_str());
                cur = value;
            }
            ExprKind::Name(n) if n == "micropython" && !parts.is_empty() => {
                parts.reverse();
                return Some(parts);
            }
            _ => return None,
        }
    }
}

fn syntax_error(msg: &str, loc: Loc) -> SyntaxError {
    SyntaxError {
        msg: String::from(msg),
        line: loc.line,
        col: loc.col + 1,
        kind: SyntaxErrorKind::Syntax,
        incomplete: false,
    }
}

/// A constant as the compiler sees it (hashable, for de-duplication and folding).
#[derive(Clone, Debug, PartialEq, Eq, PartialOrd, Ord)]
enum ConstVal {
    None,
    Ellipsis,
    Bool(bool),
    Int(i64),
    /// Decimal digits with an optional leading `-`; never fits in i64.
    BigInt(String),
    /// f64 bits.
    Float(u64),
    /// Real and imaginary f64 bits.
    Complex(u64, u64),
    Str(String),
    Bytes(Vec<u8>),
    Tuple(Vec<ConstVal>),
}

impl ConstVal {
    fn truthy(&self) -> Option<bool> {
        Some(match self {
            ConstVal::None => false,
            ConstVal::Ellipsis => true,
            ConstVal::Bool(b) => *b,
            ConstVal::Int(i) => *i != 0,
            ConstVal::BigInt(_) => true,
            ConstVal::Float(f) => f64::from_bits(*f) != 0.0,
            ConstVal::Complex(r, i) => f64::from_bits(*r) != 0.0 || f64::from_bits(*i) != 0.0,
            ConstVal::Str(s) => !s.is_empty(),
            ConstVal::Bytes(b) => !b.is_empty(),
            ConstVal::Tuple(t) => !t.is_empty(),
        })
    }
}

fn bigint_normalize(s: String) -> ConstVal {
    match s.parse::<i64>() {
        Ok(i) => ConstVal::Int(i),
        Err(_) => ConstVal::BigInt(s),
    }
}

fn fold_unary(op: UnaryOpKind, v: &ConstVal) -> Option<ConstVal> {
    Some(match (op, v) {
        (UnaryOpKind::USub, ConstVal::Int(i)) => match i.checked_neg() {
            Some(n) => ConstVal::Int(n),
            None => ConstVal::BigInt(String::from("9223372036854775808")),
        },
        (UnaryOpKind::USub, ConstVal::Bool(b)) => ConstVal::Int(-(*b as i64)),
        (UnaryOpKind::USub, ConstVal::BigInt(s)) => match s.strip_prefix('-') {
            Some(rest) => bigint_normalize(String::from(rest)),
            None => bigint_normalize(format!("-{}", s)),
        },
        (UnaryOpKind::USub, ConstVal::Float(f)) => ConstVal::Float((-f64::from_bits(*f)).to_bits()),
        (UnaryOpKind::USub, ConstVal::Complex(r, i)) => ConstVal::Complex(
            (-f64::from_bits(*r)).to_bits(),
            (-f64::from_bits(*i)).to_bits(),
        ),
        (UnaryOpKind::UAdd, ConstVal::Bool(b)) => ConstVal::Int(*b as i64),
        (
            UnaryOpKind::UAdd,
            c @ (ConstVal::Int(_)
            | ConstVal::BigInt(_)
            | ConstVal::Float(_)
            | ConstVal::Complex(..)),
        ) => c.clone(),
        (UnaryOpKind::Invert, ConstVal::Int(i)) => ConstVal::Int(!*i),
        (UnaryOpKind::Invert, ConstVal::Bool(b)) => ConstVal::Int(!(*b as i64)),
        (UnaryOpKind::Not, c) => ConstVal::Bool(!c.truthy()?),
        _ => return None,
    })
}

fn fold_binop(op: BinOp, a: &ConstVal, b: &ConstVal) -> Option<ConstVal> {
    const MAX_LEN: usize = 4096;
    match (a, b) {
        (ConstVal::Int(x), ConstVal::Int(y)) => {
            let (x, y) = (*x, *y);
            let r = match op {
                BinOp::Add => x.checked_add(y)?,
                BinOp::Sub => x.checked_sub(y)?,
                BinOp::Mult => x.checked_mul(y)?,
                BinOp::FloorDiv => {
                    let q = x.checked_div(y)?;
                    let r = x.checked_rem(y)?;
                    if r != 0 && ((r < 0) != (y < 0)) {
                        q.checked_sub(1)?
                    } else {
                        q
                    }
                }
                BinOp::Mod => {
                    let r = x.checked_rem(y)?;
                    if r != 0 && ((r < 0) != (y < 0)) {
                        r.checked_add(y)?
                    } else {
                        r
                    }
                }
                BinOp::Pow => {
                    if !(0..=64).contains(&y) {
                        return None;
                    }
                    x.checked_pow(y as u32)?
                }
                BinOp::LShift => {
                    if !(0..64).contains(&y) {
                        return None;
                    }
                    let r = (x as i128) << y;
                    i64::try_from(r).ok()?
                }
                BinOp::RShift => {
                    if y < 0 {
                        return None;
                    }
                    x >> y.min(63)
                }
                BinOp::BitAnd => x & y,
                BinOp::BitOr => x | y,
                BinOp::BitXor => x ^ y,
                _ => return None,
            };
            Some(ConstVal::Int(r))
        }
        (ConstVal::Str(x), ConstVal::Str(y))
            if op == BinOp::Add && x.len() + y.len() <= MAX_LEN =>
        {
            let mut s = x.clone();
            s.push_str(y);
            Some(ConstVal::Str(s))
        }
        (ConstVal::Bytes(x), ConstVal::Bytes(y))
            if op == BinOp::Add && x.len() + y.len() <= MAX_LEN =>
        {
            let mut s = x.clone();
            s.extend_from_slice(y);
            Some(ConstVal::Bytes(s))
        }
        (ConstVal::Str(x), ConstVal::Int(n)) if op == BinOp::Mult => {
            let n = usize::try_from(*n).unwrap_or(0);
            if x.len().checked_mul(n)? > MAX_LEN {
                return None;
            }
            Some(ConstVal::Str(x.repeat(n)))
        }
        _ => None,
    }
}

/// A jump label (an index into the unit's label table).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
struct Label(u32);

const UNBOUND: u32 = u32::MAX;

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum LoopKind {
    While,
    For,
    AsyncFor,
}

/// What must be undone when `break`/`continue`/`return` leaves a construct.
enum FBlock<'a> {
    Loop {
        head: Label,
        exit: Label,
        kind: LoopKind,
    },
    /// The body of a try with except handlers (a SetupExcept block is active).
    TryExcept,
    /// The body of a try with finally (a SetupFinally block is active): run the finally body.
    FinallyTry(&'a [Stmt]),
    /// The exceptional finally handler: the exception is on the stack and being handled.
    FinallyEnd,
    /// A with body: the exit function is on the stack, a SetupWith block is active.
    With { is_async: bool },
    /// An except handler body; with a name, a clean-up SetupFinally is active too.
    Handler { name: Option<String> },
    /// A finally body run while a `return` value waits on the stack: a `break`/`continue`/
    /// `return` inside it drops that value.
    PopValue,
}

#[derive(Clone, Copy, PartialEq, Eq)]
enum Ctx {
    Load,
    Store,
    Del,
}

struct Unit<'a> {
    scope: usize,
    kind: ScopeKind,
    instrs: Vec<Instr>,
    lines: Vec<(u32, u32)>,
    cur_line: u32,
    consts: Vec<Value>,
    const_map: BTreeMap<ConstVal, u32>,
    names: Vec<Str>,
    name_map: BTreeMap<String, u32>,
    varnames: Vec<String>,
    var_map: BTreeMap<String, u32>,
    cellvars: Vec<String>,
    freevars: Vec<String>,
    labels: Vec<u32>,
    fblocks: Vec<FBlock<'a>>,
    name: String,
    qualname: String,
    firstlineno: u32,
    flags: u32,
    argcount: u32,
    posonlyargcount: u32,
    kwonlyargcount: u32,
    doc: Option<Value>,
    /// The first positional parameter (mangled), for zero-argument `super()`.
    first_arg: Option<String>,
    private: Option<String>,
    /// In a `@micropython.viper` function: the `_viper` cast applied to returned values
    /// (`Some("")` when the return type is `object`, so values pass unchanged).
    viper_ret: Option<&'static str>,
    /// In a viper function: the locals of type `uint` (their arithmetic wraps to a word).
    viper_uints: Vec<String>,
    /// In a viper function: the locals of type `int` (their products and shifts wrap).
    viper_ints: Vec<String>,
    /// In a viper function: the locals of a pointer type (indexing them gives an int).
    viper_ptrs: Vec<String>,
}

struct Compiler<'a, 'i> {
    interner: &'i mut Interner,
    table: SymbolTable,
    filename: Str,
    mode: Mode,
    units: Vec<Unit<'a>>,
    /// Current expression nesting depth (bounded to protect the native stack).
    depth: u32,
    /// Optimisation level (see [`compile_at_level`]).
    opt_level: u8,
    /// MicroPython's compile-time constants (`NAME = const(value)`), defined in source order;
    /// every later load of NAME, in any scope, is replaced by the value (as MicroPython's parser
    /// does).
    mp_consts: BTreeMap<String, ConstVal>,
}

/// The deepest expression nesting the compiler accepts.
const MAX_NESTING: u32 = 400;

fn is_identifier_like(s: &str) -> bool {
    !s.is_empty() && s.bytes().all(|b| b.is_ascii_alphanumeric() || b == b'_')
}

fn docstring(body: &[Stmt]) -> Option<&str> {
    match body.first().map(|s| &s.kind) {
        Some(StmtKind::Expr(Expr {
            kind: ExprKind::Constant(Constant::Str(s)),
            ..
        })) => Some(s.as_str()),
        _ => None,
    }
}

/// Does a block contain an annotated assignment (not looking into nested functions and classes)?
fn find_ann(body: &[Stmt]) -> bool {
    body.iter().any(|s| match &s.kind {
        StmtKind::AnnAssign { .. } => true,
        StmtKind::If { body, orelse, .. }
        | StmtKind::While { body, orelse, .. }
        | StmtKind::For { body, orelse, .. } => find_ann(body) || find_ann(orelse),
        StmtKind::With { body, .. } => find_ann(body),
        StmtKind::Try {
            body,
            handlers,
            orelse,
            finalbody,
        } => {
            find_ann(body)
                || find_ann(orelse)
                || find_ann(finalbody)
                || handlers.iter().any(|h| find_ann(&h.body))
        }
        StmtKind::Match { cases, .. } => cases.iter().any(|c| find_ann(&c.body)),
        _ => false,
    })
}

/// Stack effect of an instruction; `jump` selects the effect when the jump is taken.
fn stack_effect(i: &Instr, jump: bool) -> i32 {
    use Instr::*;
    let n = |x: u32| x.min(1 << 20) as i32;
    match *i {
        Nop => 0,
        LoadConst(_) | LoadNone | LoadBool(_) | LoadInt(_) | LoadFast(_) | LoadDeref(_)
        | LoadClosure(_) | LoadClassDeref(_) | LoadGlobal(_) | LoadName(_) => 1,
        StoreFast(_) | StoreDeref(_) | StoreGlobal(_) | StoreName(_) => -1,
        DeleteFast(_) | DeleteDeref(_) | DeleteGlobal(_) | DeleteName(_) => 0,
        LoadAttr(_) => 0,
        StoreAttr(_) => -2,
        DeleteAttr(_) => -1,
        LoadMethod(_) => 1,
        CallMethod(k) => -n(k) - 1,
        CallMethodKw(k) => -n(k) - 2,
        BinaryOp(_) | InplaceOp(_) => -1,
        UnaryNeg | UnaryPos | UnaryInvert | UnaryNot => 0,
        Compare(_) => -1,
        BinarySubscr => -1,
        StoreSubscr => -3,
        DeleteSubscr => -2,
        BuildSlice(k) | BuildTuple(k) | BuildList(k) | BuildSet(k) | BuildString(k) => 1 - n(k),
        BuildMap(k) => 1 - 2 * n(k),
        ListAppend(_) | SetAdd(_) => -1,
        MapAdd(_) => -2,
        ListExtend(_) | SetUpdate(_) | DictUpdate(_) | DictMerge(_) => -1,
        ListToTuple => 0,
        UnpackSequence(k) => n(k) - 1,
        UnpackEx(a) => n(a & 0xff) + n(a >> 8),
        FormatValue(f) => {
            if f & 4 != 0 {
                -1
            } else {
                0
            }
        }
        Jump(_) => 0,
        PopJumpIfFalse(_) | PopJumpIfTrue(_) => -1,
        JumpIfFalseOrPop(_) | JumpIfTrueOrPop(_) => {
            if jump {
                0
            } else {
                -1
            }
        }
        GetIter => 0,
        ForIter(_) => {
            if jump {
                -1
            } else {
                1
            }
        }
        Call(k) => -n(k),
        CallKw(k) => -n(k) - 1,
        CallEx(f) => -1 - (f & 1) as i32,
        MakeFunction(f) => -((f & 15).count_ones() as i32),
        ReturnValue => -1,
        YieldValue => 0,
        YieldFrom => -1,
        GetYieldFromIter | GetAwaitable | GetAIter => 0,
        GetANext => 1,
        EndAsyncFor => -2,
        PopTop => -1,
        DupTop => 1,
        DupTopTwo => 2,
        RotTwo | RotThree | RotFour => 0,
        Raise(k) => -n(k),
        Reraise => -1,
        SetupExcept(_) | SetupFinally(_) => {
            if jump {
                1
            } else {
                0
            }
        }
        SetupWith(_) => 0,
        PopBlock | PopExcept => 0,
        CheckExcMatch => 0,
        BeforeWith | BeforeAsyncWith => 1,
        WithExceptStart => 1,
        WithCallExitNone => 0,
        LoadBuildClass => 1,
        ImportName(_) => -1,
        ImportFrom(_) => 1,
        ImportStar => -1,
        SetupAnnotations => 0,
        PrintExpr => -1,
        LoadAssertionError => 1,
        GetLen | MatchMapping | MatchSequence | MatchKeys => 1,
        MatchClass(_) => -2,
        CopyDictWithoutKeys => 0,
        Mp(_) => 0,
        // A superinstruction stands for its first instruction at its position (the rest of its
        // group follows it).
        LoadFast2(..) | LoadFastInt(..) | StoreLoadFast(..) | FastOp(..) | FastFastOp(..)
        | IntOp(..) | FastIntOp(..) | FastIntCompare(..) | FastIntSubscr(..) | FastMethod(..)
        | StoreFast2(..) | StoreFastJump(..) | BinarySlice(_) | StoreSlice => {
            stack_effect(&i.plain(), jump)
        }
    }
}

/// An upper bound of the operand stack depth, by abstract interpretation over the control flow.
fn compute_max_stack(instrs: &[Instr]) -> u32 {
    let len = instrs.len();
    let mut depth_at: Vec<i32> = vec![-1; len];
    let mut work: Vec<(usize, i32)> = vec![(0, 0)];
    let mut max = 0i32;
    let mut steps = 0usize;
    while let Some((mut ip, mut d)) = work.pop() {
        loop {
            if ip >= len || d <= depth_at[ip] {
                break;
            }
            steps += 1;
            if steps > 4 * len + 100_000 {
                return (max.max(0) as u32).saturating_add(64);
            }
            depth_at[ip] = d;
            max = max.max(d);
            let ins = &instrs[ip];
            if let Some(t) = ins.jump_target() {
                let jd = d + stack_effect(ins, true);
                max = max.max(jd);
                work.push((t as usize, jd.max(0)));
            }
            match ins {
                Instr::Jump(_) | Instr::ReturnValue | Instr::Raise(_) | Instr::Reraise => break,
                _ => {}
            }
            d = (d + stack_effect(ins, false)).max(0);
            max = max.max(d);
            ip += 1;
        }
    }
    max.max(0) as u32
}

impl<'a, 'i> Compiler<'a, 'i> {
    // ----- units -----

    fn unit(&mut self) -> &mut Unit<'a> {
        // The compiler always has at least the module unit while compiling.
        let n = self.units.len();
        &mut self.units[n - 1]
    }

    fn unit_ref(&self) -> &Unit<'a> {
        let n = self.units.len();
        &self.units[n - 1]
    }

    fn enter_unit(&mut self, scope: usize, name: &str, qualname: String, firstlineno: u32) {
        let sc = &self.table.scopes[scope];
        let kind = sc.kind;
        let mut varnames = Vec::new();
        let mut var_map = BTreeMap::new();
        if kind.is_function_like() {
            for p in &sc.params {
                var_map.insert(p.clone(), varnames.len() as u32);
                varnames.push(p.clone());
            }
        }
        let private = if kind == ScopeKind::Class {
            Some(String::from(name))
        } else {
            sc.private.clone()
        };
        let unit = Unit {
            scope,
            kind,
            instrs: Vec::new(),
            lines: Vec::new(),
            cur_line: firstlineno,
            consts: Vec::new(),
            const_map: BTreeMap::new(),
            names: Vec::new(),
            name_map: BTreeMap::new(),
            varnames,
            var_map,
            cellvars: sc.cellvars(),
            freevars: sc.freevars(),
            labels: Vec::new(),
            fblocks: Vec::new(),
            name: String::from(name),
            qualname,
            firstlineno,
            flags: 0,
            argcount: 0,
            posonlyargcount: 0,
            kwonlyargcount: 0,
            doc: None,
            first_arg: None,
            private,
            viper_ret: None,
            viper_uints: Vec::new(),
            viper_ints: Vec::new(),
            viper_ptrs: Vec::new(),
        };
        self.units.push(unit);
    }

    fn exit_unit(&mut self) -> CResult<Code> {
        let u = match self.units.pop() {
            Some(u) => u,
            None => return Err(syntax_error("compiler error: no unit", Loc::default())),
        };
        let last = u.instrs.len().saturating_sub(1) as u32;
        let mut instrs = u.instrs;
        for ins in instrs.iter_mut() {
            if let Some(l) = ins.jump_target() {
                let t = u.labels.get(l as usize).copied().unwrap_or(UNBOUND);
                let t = if t == UNBOUND || t > last { last } else { t };
                *ins = ins.with_target(t).unwrap_or(*ins);
            }
        }
        let max_stack = compute_max_stack(&instrs);
        crate::opcode::fuse(&mut instrs);
        let sc = &self.table.scopes[u.scope];
        let cell2arg = u
            .cellvars
            .iter()
            .map(|c| {
                if sc.params.contains(c) {
                    u.var_map.get(c).copied()
                } else {
                    None
                }
            })
            .collect();
        let it = &mut *self.interner;
        let caches = crate::code::CodeCaches::new(u.names.len());
        let simple_call = u.flags
            & (CO_VARARGS | CO_VARKEYWORDS | CO_GENERATOR | CO_COROUTINE | CO_ASYNC_GENERATOR)
            == 0
            && u.kwonlyargcount == 0
            && u.cellvars.is_empty()
            && u.freevars.is_empty();
        Ok(Code {
            name: it.intern(&u.name),
            qualname: it.intern(&u.qualname),
            filename: self.filename.clone(),
            firstlineno: u.firstlineno,
            flags: u.flags,
            argcount: u.argcount,
            posonlyargcount: u.posonlyargcount,
            kwonlyargcount: u.kwonlyargcount,
            varnames: u.varnames.iter().map(|s| it.intern(s)).collect(),
            cellvars: u.cellvars.iter().map(|s| it.intern(s)).collect(),
            cell2arg,
            freevars: u.freevars.iter().map(|s| it.intern(s)).collect(),
            names: u.names,
            consts: u.consts,
            instrs,
            lines: u.lines,
            max_stack,
            doc: u.doc,
            caches,
            simple_call,
        })
    }

    fn scope_kind(&self) -> ScopeKind {
        self.unit_ref().kind
    }

    fn qualname_for(&self, name: &str) -> String {
        let u = self.unit_ref();
        match u.kind {
            ScopeKind::Module => String::from(name),
            k => {
                let m = mangle(u.private.as_deref(), name);
                if self.table.scopes[u.scope].scope_of(&m) == SymScope::GlobalExplicit {
                    String::from(name)
                } else if k.is_function_like() {
                    format!("{}.<locals>.{}", u.qualname, name)
                } else {
                    format!("{}.{}", u.qualname, name)
                }
            }
        }
    }

    // ----- emission -----

    fn set_line(&mut self, line: u32) -> u32 {
        let u = self.unit();
        let old = u.cur_line;
        if line != 0 {
            u.cur_line = line;
        }
        if self.opt_level >= 3 {
            self.unit().cur_line = 1;
        }
        old
    }

    fn emit(&mut self, i: Instr) {
        let u = self.unit();
        let idx = u.instrs.len() as u32;
        if u.lines.last().map(|l| l.1) != Some(u.cur_line) {
            if let Some(l) = u.lines.last_mut() {
                if l.0 == idx {
                    l.1 = u.cur_line;
                    u.instrs.push(i);
                    return;
                }
            }
            u.lines.push((idx, u.cur_line));
        }
        u.instrs.push(i);
    }

    fn new_label(&mut self) -> Label {
        let u = self.unit();
        u.labels.push(UNBOUND);
        Label(u.labels.len() as u32 - 1)
    }

    fn bind(&mut self, l: Label) {
        let u = self.unit();
        let pos = u.instrs.len() as u32;
        if let Some(slot) = u.labels.get_mut(l.0 as usize) {
            *slot = pos;
        }
    }

    fn name_index(&mut self, name: &str) -> u32 {
        if let Some(&i) = self.unit_ref().name_map.get(name) {
            return i;
        }
        let s = self.interner.intern(name);
        let u = self.unit();
        let i = u.names.len() as u32;
        u.names.push(s);
        u.name_map.insert(String::from(name), i);
        i
    }

    fn const_value(&mut self, c: &ConstVal) -> Value {
        match c {
            ConstVal::None => Value::None,
            ConstVal::Ellipsis => Value::Ellipsis,
            ConstVal::Bool(b) => Value::Bool(*b),
            ConstVal::Int(i) => Value::Int(*i),
            ConstVal::BigInt(s) => match BigInt::parse_bytes(s.as_bytes(), 10) {
                Some(b) => Value::from_bigint(b),
                None => Value::Int(0),
            },
            ConstVal::Float(f) => Value::Float(f64::from_bits(*f)),
            ConstVal::Complex(r, i) => Value::complex(f64::from_bits(*r), f64::from_bits(*i)),
            ConstVal::Str(s) => {
                if is_identifier_like(s) {
                    Value::Str(self.interner.intern(s))
                } else {
                    Value::str(s)
                }
            }
            ConstVal::Bytes(b) => Value::bytes(b),
            ConstVal::Tuple(items) => {
                let vals: Vec<Value> = items.iter().map(|x| self.const_value(x)).collect();
                Value::Obj(Rc::new(PyObject::Tuple(vals.into_boxed_slice())))
            }
        }
    }

    fn add_const(&mut self, c: ConstVal) -> u32 {
        if let Some(&i) = self.unit_ref().const_map.get(&c) {
            return i;
        }
        let v = self.const_value(&c);
        let u = self.unit();
        let i = u.consts.len() as u32;
        u.consts.push(v);
        u.const_map.insert(c, i);
        i
    }

    fn load_const(&mut self, c: ConstVal) {
        match c {
            ConstVal::None => self.emit(Instr::LoadNone),
            ConstVal::Bool(b) => self.emit(Instr::LoadBool(b)),
            ConstVal::Int(i) if i32::try_from(i).is_ok() => self.emit(Instr::LoadInt(i as i32)),
            c => {
                let i = self.add_const(c);
                self.emit(Instr::LoadConst(i));
            }
        }
    }

    fn load_str(&mut self, s: &str) {
        self.load_const(ConstVal::Str(String::from(s)));
    }

    fn str_tuple_const(&mut self, names: &[&str]) -> u32 {
        self.add_const(ConstVal::Tuple(
            names
                .iter()
                .map(|s| ConstVal::Str(String::from(*s)))
                .collect(),
        ))
    }

    fn cell_index(&self, name: &str, loc: Loc) -> CResult<u32> {
        let u = self.unit_ref();
        if let Some(i) = u.cellvars.iter().position(|c| c == name) {
            return Ok(i as u32);
        }
        if let Some(i) = u.freevars.iter().position(|c| c == name) {
            return Ok((u.cellvars.len() + i) as u32);
        }
        Err(syntax_error(
            &format!("compiler error: no cell for '{}'", name),
            loc,
        ))
    }

    fn var_index(&mut self, name: &str) -> u32 {
        let u = self.unit();
        if let Some(&i) = u.var_map.get(name) {
            return i;
        }
        let i = u.varnames.len() as u32;
        u.varnames.push(String::from(name));
        u.var_map.insert(String::from(name), i);
        i
    }

    fn mangled(&self, name: &str) -> String {
        mangle(self.unit_ref().private.as_deref(), name)
    }

    fn name_op(&mut self, name: &str, ctx: Ctx, loc: Loc) -> CResult {
        if ctx == Ctx::Load {
            if name == "__debug__" {
                self.emit(Instr::LoadBool(self.opt_level == 0));
                return Ok(());
            }
            if let Some(c) = self.mp_consts.get(name) {
                let c = c.clone();
                self.load_const(c);
                return Ok(());
            }
            if self.unit_ref().viper_ret.is_some()
                && matches!(name, "ptr" | "ptr8" | "ptr16" | "ptr32" | "uint")
            {
                let u = self.unit_ref();
                let sc = self.table.scopes[u.scope].scope_of(name);
                if matches!(sc, crate::symtable::SymScope::GlobalImplicit) {
                    self.viper_attr(name);
                    return Ok(());
                }
            }
        }
        let m = self.mangled(name);
        self.name_op_mangled(&m, ctx, loc)
    }

    fn name_op_mangled(&mut self, m: &str, ctx: Ctx, loc: Loc) -> CResult {
        let u = self.unit_ref();
        let scope = self.table.scopes[u.scope].scope_of(m);
        let kind = u.kind;
        let ins = if kind.is_function_like() {
            match scope {
                SymScope::Local => {
                    let i = self.var_index(m);
                    match ctx {
                        Ctx::Load => Instr::LoadFast(i),
                        Ctx::Store => Instr::StoreFast(i),
                        Ctx::Del => Instr::DeleteFast(i),
                    }
                }
                SymScope::Cell | SymScope::Free => {
                    let i = self.cell_index(m, loc)?;
                    match ctx {
                        Ctx::Load => Instr::LoadDeref(i),
                        Ctx::Store => Instr::StoreDeref(i),
                        Ctx::Del => Instr::DeleteDeref(i),
                    }
                }
                SymScope::GlobalExplicit | SymScope::GlobalImplicit => {
                    let i = self.name_index(m);
                    match ctx {
                        Ctx::Load => Instr::LoadGlobal(i),
                        Ctx::Store => Instr::StoreGlobal(i),
                        Ctx::Del => Instr::DeleteGlobal(i),
                    }
                }
            }
        } else {
            match scope {
                SymScope::GlobalExplicit if kind == ScopeKind::Class => {
                    let i = self.name_index(m);
                    match ctx {
                        Ctx::Load => Instr::LoadGlobal(i),
                        Ctx::Store => Instr::StoreGlobal(i),
                        Ctx::Del => Instr::DeleteGlobal(i),
                    }
                }
                SymScope::Free if kind == ScopeKind::Class => {
                    let c = self.cell_index(m, loc)?;
                    match ctx {
                        Ctx::Load => {
                            let n = self.name_index(m);
                            if n > 0xffff || c > 0xffff {
                                return Err(syntax_error("too many names in class body", loc));
                            }
                            Instr::LoadClassDeref(n | (c << 16))
                        }
                        Ctx::Store => Instr::StoreDeref(c),
                        Ctx::Del => Instr::DeleteDeref(c),
                    }
                }
                _ => {
                    let i = self.name_index(m);
                    match ctx {
                        Ctx::Load => Instr::LoadName(i),
                        Ctx::Store => Instr::StoreName(i),
                        Ctx::Del => Instr::DeleteName(i),
                    }
                }
            }
        };
        self.emit(ins);
        Ok(())
    }

    // ----- modules, functions, classes -----

    fn compile_module(&mut self, module: &'a ast::Module) -> Result<Rc<Code>, SyntaxError> {
        let first = module.body.first().map(|s| s.loc.line).unwrap_or(1).max(1);
        self.enter_unit(0, "<module>", String::from("<module>"), first);
        let mut flags = CO_NAMESPACE;
        if self.table.scopes[0].is_coroutine {
            flags |= CO_COROUTINE;
        }
        self.unit().flags = flags;
        match self.mode {
            Mode::Eval => {
                let e = match module.body.as_slice() {
                    [Stmt {
                        kind: StmtKind::Expr(e),
                        ..
                    }] => e,
                    _ => {
                        let loc = module.body.first().map(|s| s.loc).unwrap_or_default();
                        return Err(syntax_error("invalid syntax", loc));
                    }
                };
                self.compile_expr(e)?;
                self.emit(Instr::ReturnValue);
            }
            Mode::Exec | Mode::Single => {
                let mut body: &[Stmt] = &module.body;
                if self.mode == Mode::Exec {
                    if let Some(d) = docstring(body) {
                        self.set_line(body[0].loc.line);
                        let v = self.const_value(&ConstVal::Str(String::from(d)));
                        self.unit().doc = Some(v);
                        self.load_str(d);
                        let i = self.name_index("__doc__");
                        self.emit(Instr::StoreName(i));
                        body = &body[1..];
                    }
                }
                if find_ann(body) {
                    self.emit(Instr::SetupAnnotations);
                }
                self.compile_stmts(body)?;
                self.emit(Instr::LoadNone);
                self.emit(Instr::ReturnValue);
            }
        }
        Ok(Rc::new(self.exit_unit()?))
    }

    fn scope_for<T>(&self, node: &T, loc: Loc) -> CResult<usize> {
        self.table
            .by_node
            .get(&node_key(node))
            .copied()
            .ok_or_else(|| syntax_error("compiler error: unknown scope", loc))
    }

    /// Push defaults and keyword-only defaults; returns the MakeFunction flags for them.
    fn compile_defaults(&mut self, args: &'a Arguments) -> CResult<u32> {
        let mut flags = 0;
        if !args.defaults.is_empty() {
            for d in &args.defaults {
                self.compile_expr(d)?;
            }
            self.emit(Instr::BuildTuple(args.defaults.len() as u32));
            flags |= 1;
        }
        let mut n = 0;
        for (a, d) in args.kwonlyargs.iter().zip(args.kw_defaults.iter()) {
            if let Some(d) = d {
                let m = self.mangled(&a.name);
                self.load_str(&m);
                self.compile_expr(d)?;
                n += 1;
            }
        }
        if n > 0 {
            self.emit(Instr::BuildMap(n));
            flags |= 2;
        }
        Ok(flags)
    }

    fn compile_annotations(
        &mut self,
        args: &'a Arguments,
        returns: Option<&'a Expr>,
    ) -> CResult<u32> {
        let mut n = 0;
        let all = args
            .posonlyargs
            .iter()
            .chain(args.args.iter())
            .chain(args.vararg.iter())
            .chain(args.kwonlyargs.iter())
            .chain(args.kwarg.iter());
        for a in all {
            if let Some(ann) = &a.annotation {
                let m = self.mangled(&a.name);
                self.load_str(&m);
                self.compile_expr(ann)?;
                n += 1;
            }
        }
        if let Some(r) = returns {
            self.load_str("return");
            self.compile_expr(r)?;
            n += 1;
        }
        if n > 0 {
            self.emit(Instr::BuildMap(n));
            Ok(4)
        } else {
            Ok(0)
        }
    }

    fn set_arg_counts(&mut self, args: &Arguments) {
        let u = self.unit();
        u.posonlyargcount = args.posonlyargs.len() as u32;
        u.argcount = (args.posonlyargs.len() + args.args.len()) as u32;
        u.kwonlyargcount = args.kwonlyargs.len() as u32;
        if args.vararg.is_some() {
            u.flags |= CO_VARARGS;
        }
        if args.kwarg.is_some() {
            u.flags |= CO_VARKEYWORDS;
        }
        let first = args
            .posonlyargs
            .first()
            .or(args.args.first())
            .map(|a| a.name.clone());
        let private = u.private.clone();
        u.first_arg = first.map(|n| mangle(private.as_deref(), &n));
    }

    fn function_flags(&self, scope: usize) -> u32 {
        let sc = &self.table.scopes[scope];
        match sc.kind {
            ScopeKind::Comprehension => {
                if sc.comp_kind == Some(CompKind::Gen) {
                    if sc.is_coroutine {
                        CO_ASYNC_GENERATOR
                    } else {
                        CO_GENERATOR
                    }
                } else if sc.is_coroutine {
                    CO_COROUTINE
                } else {
                    0
                }
            }
            _ => {
                if sc.is_async_def {
                    if sc.is_generator {
                        CO_ASYNC_GENERATOR
                    } else {
                        CO_COROUTINE
                    }
                } else if sc.is_generator {
                    CO_GENERATOR
                } else {
                    0
                }
            }
        }
    }

    /// Push the closure (if any) and the code, then MakeFunction.
    fn make_closure(&mut self, code: Code, mut flags: u32, loc: Loc) -> CResult {
        let free: Vec<String> = code
            .freevars
            .iter()
            .map(|s| String::from(s.as_str()))
            .collect();
        if !free.is_empty() {
            for f in &free {
                let i = self.cell_index(f, loc)?;
                self.emit(Instr::LoadClosure(i));
            }
            self.emit(Instr::BuildTuple(free.len() as u32));
            flags |= 8;
        }
        let u = self.unit();
        let i = u.consts.len() as u32;
        u.consts
            .push(Value::Obj(Rc::new(PyObject::Code(Rc::new(code)))));
        self.emit(Instr::LoadConst(i));
        self.emit(Instr::MakeFunction(flags));
        Ok(())
    }

    fn compile_function(&mut self, s: &'a Stmt, f: &'a ast::FunctionDef) -> CResult {
        let mut n_decorators = 0;
        let mut viper = false;
        for d in &f.decorators {
            if let Some(path) = mp_decorator(d) {
                // Emitter choices: every function here runs as bytecode; viper's typed
                // constructs are lowered to calls into the `_viper` module.
                if !matches!(path.as_slice(), ["bytecode" | "native" | "viper"]) {
                    return Err(syntax_error("invalid micropython decorator", d.loc));
                }
                viper |= path.as_slice() == ["viper"];
                continue;
            }
            self.compile_expr(d)?;
            n_decorators += 1;
        }
        self.set_line(s.loc.line);
        let mut flags = self.compile_defaults(&f.args)?;
        if !viper {
            // Viper annotations name viper types, not objects: they are never evaluated.
            flags |= self.compile_annotations(&f.args, f.returns.as_ref())?;
        }
        let scope = self.scope_for(f, s.loc)?;
        let qualname = self.qualname_for(&f.name);
        let first = f
            .decorators
            .first()
            .map(|d| d.loc.line)
            .unwrap_or(s.loc.line);
        self.enter_unit(scope, &f.name, qualname, first);
        self.set_line(s.loc.line);
        let fl = self.function_flags(scope);
        self.unit().flags |= fl;
        self.set_arg_counts(&f.args);
        let mut body: &'a [Stmt] = &f.body;
        if let Some(d) = docstring(body) {
            let v = self.const_value(&ConstVal::Str(String::from(d)));
            self.unit().doc = Some(v);
            body = &body[1..];
        }
        if viper {
            self.viper_prologue(f, s.loc)?;
        }
        self.compile_stmts(body)?;
        self.emit(Instr::LoadNone);
        self.emit(Instr::ReturnValue);
        let code = self.exit_unit()?;
        self.set_line(s.loc.line);
        self.make_closure(code, flags, s.loc)?;
        for _ in 0..n_decorators {
            self.emit(Instr::Call(1));
        }
        self.name_op(&f.name, Ctx::Store, s.loc)
    }

    /// Whether `e`, in a viper function, has viper type `uint`: a uint local, a `uint(...)` cast,
    /// or arithmetic on one.
    fn viper_is_uint(&self, e: &Expr) -> bool {
        let u = self.unit_ref();
        if u.viper_ret.is_none() {
            return false;
        }
        let mut cur = e;
        loop {
            match &cur.kind {
                ExprKind::Name(n) => return u.viper_uints.iter().any(|x| x == n),
                ExprKind::Call { func, .. } => {
                    return matches!(&func.kind, ExprKind::Name(n) if n == "uint")
                }
                ExprKind::BinOp { left, right, .. } => {
                    if self.viper_is_uint(right) {
                        return true;
                    }
                    cur = left;
                }
                _ => return false,
            }
        }
    }

    /// Whether `e`, in a viper function, is known to have viper type `int`: an int local or
    /// constant, an `int(...)` cast, an item of a pointer local, or arithmetic on those.
    fn viper_is_int(&self, e: &Expr) -> bool {
        let u = self.unit_ref();
        if u.viper_ret.is_none() {
            return false;
        }
        match &e.kind {
            ExprKind::Name(n) => u.viper_ints.iter().any(|x| x == n),
            ExprKind::Constant(Constant::Int(_)) => true,
            ExprKind::Call { func, .. } => matches!(&func.kind, ExprKind::Name(n) if n == "int"),
            ExprKind::Subscript { value, .. } => self.viper_is_ptr(value),
            ExprKind::UnaryOp { operand, .. } => self.viper_is_int(operand),
            ExprKind::BinOp { left, right, .. } => {
                self.viper_is_int(left) && self.viper_is_int(right)
            }
            _ => false,
        }
    }

    /// Whether `e`, in a viper function, is a pointer: a pointer local or a pointer cast.
    fn viper_is_ptr(&self, e: &Expr) -> bool {
        let u = self.unit_ref();
        match &e.kind {
            ExprKind::Name(n) => u.viper_ptrs.iter().any(|x| x == n),
            ExprKind::Call { func, .. } => matches!(
                &func.kind,
                ExprKind::Name(n) if matches!(n.as_str(), "ptr" | "ptr8" | "ptr16" | "ptr32")
            ),
            _ => false,
        }
    }

    /// Load attribute `name` of the internal `_viper` module.
    fn viper_attr(&mut self, name: &str) {
        self.emit(Instr::LoadInt(0));
        self.emit(Instr::LoadNone);
        let m = self.name_index("_viper");
        self.emit(Instr::ImportName(m));
        let i = self.name_index(name);
        self.emit(Instr::LoadAttr(i));
    }

    /// Start a viper function: record its return cast and convert annotated arguments to their
    /// viper types.
    fn viper_prologue(&mut self, f: &'a ast::FunctionDef, loc: Loc) -> CResult {
        // Annotations must name viper types (MicroPython raises ViperTypeError for an unknown
        // name; here every compile-time error is a SyntaxError).
        let all = f.args.posonlyargs.iter().chain(f.args.args.iter());
        let anns = all
            .chain(f.args.kwonlyargs.iter())
            .filter_map(|a| a.annotation.as_ref())
            .chain(f.returns.as_ref());
        for ann in anns {
            match &ann.kind {
                ExprKind::Name(n) => {
                    if !matches!(
                        n.as_str(),
                        "object" | "bool" | "int" | "uint" | "ptr" | "ptr8" | "ptr16" | "ptr32"
                    ) {
                        let msg = format!("unknown type '{}'", n);
                        return Err(syntax_error(&msg, ann.loc));
                    }
                }
                _ => return Err(syntax_error("annotation must be an identifier", ann.loc)),
            }
        }
        let ret = match f.returns.as_ref().map(|r| &r.kind) {
            Some(ExprKind::Name(n)) => match n.as_str() {
                "int" => "int",
                "uint" => "uint",
                "bool" => "bool",
                "ptr" | "ptr8" | "ptr16" | "ptr32" => "ret_ptr",
                _ => "",
            },
            _ => "",
        };
        self.unit().viper_ret = Some(ret);
        let args = f.args.posonlyargs.iter().chain(f.args.args.iter());
        for a in args.chain(f.args.kwonlyargs.iter()) {
            if let Some(ExprKind::Name(n)) = a.annotation.as_ref().map(|r| &r.kind) {
                let name = a.name.clone();
                match n.as_str() {
                    "uint" => self.unit().viper_uints.push(name),
                    "int" => self.unit().viper_ints.push(name),
                    "ptr" | "ptr8" | "ptr16" | "ptr32" => self.unit().viper_ptrs.push(name),
                    _ => {}
                }
            }
            let cast = match a.annotation.as_ref().map(|r| &r.kind) {
                Some(ExprKind::Name(n)) => match n.as_str() {
                    "int" => "arg_int",
                    "uint" => "uint",
                    "bool" => "bool",
                    "ptr" => "ptr",
                    "ptr8" => "ptr8",
                    "ptr16" => "ptr16",
                    "ptr32" => "ptr32",
                    _ => continue,
                },
                _ => continue,
            };
            self.viper_attr(cast);
            self.name_op(&a.name, Ctx::Load, loc)?;
            self.emit(Instr::Call(1));
            self.name_op(&a.name, Ctx::Store, loc)?;
        }
        Ok(())
    }

    fn compile_lambda(&mut self, e: &'a Expr, args: &'a Arguments, body: &'a Expr) -> CResult {
        let flags = self.compile_defaults(args)?;
        let scope = self.scope_for(e, e.loc)?;
        let qualname = self.qualname_for("<lambda>");
        self.enter_unit(scope, "<lambda>", qualname, e.loc.line);
        let fl = self.function_flags(scope);
        self.unit().flags |= fl;
        self.set_arg_counts(args);
        self.compile_expr(body)?;
        if self.unit_ref().flags & CO_GENERATOR != 0 {
            self.emit(Instr::PopTop);
            self.emit(Instr::LoadNone);
        }
        self.emit(Instr::ReturnValue);
        let code = self.exit_unit()?;
        self.make_closure(code, flags, e.loc)
    }

    fn compile_class(&mut self, s: &'a Stmt, c: &'a ast::ClassDef) -> CResult {
        for d in &c.decorators {
            self.compile_expr(d)?;
        }
        self.set_line(s.loc.line);
        self.emit(Instr::LoadBuildClass);
        let scope = self.scope_for(c, s.loc)?;
        let qualname = self.qualname_for(&c.name);
        let first = c
            .decorators
            .first()
            .map(|d| d.loc.line)
            .unwrap_or(s.loc.line);
        self.enter_unit(scope, &c.name, qualname.clone(), first);
        self.set_line(s.loc.line);
        self.unit().flags = CO_NAMESPACE | CO_CLASS_BODY;
        let i = self.name_index("__name__");
        self.emit(Instr::LoadName(i));
        let i = self.name_index("__module__");
        self.emit(Instr::StoreName(i));
        self.load_str(&qualname);
        let i = self.name_index("__qualname__");
        self.emit(Instr::StoreName(i));
        let mut body: &'a [Stmt] = &c.body;
        if let Some(d) = docstring(body) {
            self.set_line(body[0].loc.line);
            let v = self.const_value(&ConstVal::Str(String::from(d)));
            self.unit().doc = Some(v);
            self.load_str(d);
            let i = self.name_index("__doc__");
            self.emit(Instr::StoreName(i));
            body = &body[1..];
        }
        if find_ann(body) {
            self.emit(Instr::SetupAnnotations);
        }
        self.compile_stmts(body)?;
        if self.table.scopes[scope].needs_class_cell {
            let i = self.cell_index("__class__", s.loc)?;
            self.emit(Instr::LoadClosure(i));
        } else {
            self.emit(Instr::LoadNone);
        }
        self.emit(Instr::ReturnValue);
        let code = self.exit_unit()?;
        self.set_line(s.loc.line);
        self.make_closure(code, 0, s.loc)?;
        self.load_str(&c.name);
        self.call_helper(2, &c.bases, &c.keywords, s.loc)?;
        for _ in &c.decorators {
            self.emit(Instr::Call(1));
        }
        self.name_op(&c.name, Ctx::Store, s.loc)
    }

    // ----- statements -----

    fn compile_stmts(&mut self, body: &'a [Stmt]) -> CResult {
        for s in body {
            self.compile_stmt(s)?;
        }
        Ok(())
    }

    fn compile_stmt(&mut self, s: &'a Stmt) -> CResult {
        self.set_line(s.loc.line);
        match &s.kind {
            StmtKind::Expr(e) => {
                if self.mode == Mode::Single && self.units.len() == 1 {
                    self.compile_expr(e)?;
                    self.emit(Instr::PrintExpr);
                } else if let ExprKind::Constant(_) = e.kind {
                } else {
                    self.compile_expr(e)?;
                    self.emit(Instr::PopTop);
                }
            }
            StmtKind::Assign { targets, value } if mp_const_assign(targets, value).is_some() => {
                if let Some((name, arg)) = mp_const_assign(targets, value) {
                    self.compile_mp_const(name, arg, s.loc)?;
                }
            }
            StmtKind::Assign { targets, value } if swap_assign(targets, value).is_some() => {
                if let Some((elts, vals)) = swap_assign(targets, value) {
                    for v in vals {
                        self.compile_expr(v)?;
                    }
                    if vals.len() == 3 {
                        self.emit(Instr::RotThree);
                    }
                    self.emit(Instr::RotTwo);
                    for e in elts {
                        self.compile_store(e)?;
                    }
                }
            }
            StmtKind::Assign { targets, value } => {
                if let [Expr {
                    kind: ExprKind::Name(n),
                    ..
                }] = targets.as_slice()
                {
                    if self.viper_is_uint(value) {
                        self.unit().viper_uints.push(n.clone());
                    } else if self.viper_is_int(value) {
                        self.unit().viper_ints.push(n.clone());
                    } else if self.viper_is_ptr(value) {
                        self.unit().viper_ptrs.push(n.clone());
                    }
                }
                self.compile_expr(value)?;
                let n = targets.len();
                for (i, t) in targets.iter().enumerate() {
                    if i + 1 < n {
                        self.emit(Instr::DupTop);
                    }
                    self.compile_store(t)?;
                }
            }
            StmtKind::AugAssign { target, op, value } => {
                self.compile_augassign(target, *op, value)?
            }
            StmtKind::AnnAssign {
                target,
                annotation,
                value,
                simple,
            } => {
                if let Some(v) = value {
                    self.compile_expr(v)?;
                    self.compile_store(target)?;
                }
                let kind = self.scope_kind();
                if !kind.is_function_like() {
                    self.set_line(s.loc.line);
                    match (&target.kind, simple) {
                        (ExprKind::Name(n), true) => {
                            self.compile_expr(annotation)?;
                            let i = self.name_index("__annotations__");
                            self.emit(Instr::LoadName(i));
                            let m = self.mangled(n);
                            self.load_str(&m);
                            self.emit(Instr::StoreSubscr);
                        }
                        _ => {
                            self.compile_expr(annotation)?;
                            self.emit(Instr::PopTop);
                        }
                    }
                }
            }
            StmtKind::If { test, body, orelse } => {
                let else_l = self.new_label();
                self.compile_jump_if(test, false, else_l)?;
                self.compile_stmts(body)?;
                if orelse.is_empty() {
                    self.bind(else_l);
                } else {
                    let end = self.new_label();
                    self.emit(Instr::Jump(end.0));
                    self.bind(else_l);
                    self.compile_stmts(orelse)?;
                    self.bind(end);
                }
            }
            StmtKind::While { test, body, orelse } => {
                let head = self.new_label();
                let else_l = self.new_label();
                let exit = self.new_label();
                self.bind(head);
                let always = matches!(self.fold(test).and_then(|c| c.truthy()), Some(true));
                if !always {
                    self.compile_jump_if(test, false, else_l)?;
                }
                self.unit().fblocks.push(FBlock::Loop {
                    head,
                    exit,
                    kind: LoopKind::While,
                });
                self.compile_stmts(body)?;
                self.unit().fblocks.pop();
                self.set_line(s.loc.line);
                self.emit(Instr::Jump(head.0));
                self.bind(else_l);
                self.compile_stmts(orelse)?;
                self.bind(exit);
            }
            StmtKind::For {
                target,
                iter,
                body,
                orelse,
                is_async,
            } => self.compile_for(s, target, iter, body, orelse, *is_async)?,
            StmtKind::Break => self.compile_break_continue(true, s.loc)?,
            StmtKind::Continue => self.compile_break_continue(false, s.loc)?,
            StmtKind::Pass => {}
            StmtKind::FunctionDef(f) => self.compile_function(s, f)?,
            StmtKind::ClassDef(c) => self.compile_class(s, c)?,
            StmtKind::Return(v) => self.compile_return(v.as_ref(), s.loc)?,
            StmtKind::Delete(ts) => {
                for t in ts {
                    self.compile_delete(t)?;
                }
            }
            StmtKind::Raise { exc, cause } => {
                let mut n = 0;
                if let Some(e) = exc {
                    self.compile_expr(e)?;
                    n = 1;
                    if let Some(c) = cause {
                        self.compile_expr(c)?;
                        n = 2;
                    }
                }
                self.set_line(s.loc.line);
                self.emit(Instr::Raise(n));
            }
            StmtKind::Try {
                body,
                handlers,
                orelse,
                finalbody,
            } => self.compile_try(s, body, handlers, orelse, finalbody)?,
            StmtKind::With {
                items,
                body,
                is_async,
            } => self.compile_with(s, items, body, *is_async, 0)?,
            StmtKind::Assert { .. } if self.opt_level > 0 => {}
            StmtKind::Assert { test, msg } => {
                let ok = self.new_label();
                self.compile_jump_if(test, true, ok)?;
                self.set_line(s.loc.line);
                self.emit(Instr::LoadAssertionError);
                if let Some(m) = msg {
                    self.compile_expr(m)?;
                    self.emit(Instr::Call(1));
                }
                self.emit(Instr::Raise(1));
                self.bind(ok);
            }
            StmtKind::Import(names) => {
                for a in names {
                    self.emit(Instr::LoadInt(0));
                    self.emit(Instr::LoadNone);
                    let i = self.name_index(&a.name);
                    self.emit(Instr::ImportName(i));
                    match &a.asname {
                        Some(asname) => {
                            for part in a.name.split('.').skip(1) {
                                let i = self.name_index(part);
                                self.emit(Instr::LoadAttr(i));
                            }
                            self.name_op(asname, Ctx::Store, s.loc)?;
                        }
                        None => {
                            let top = a.name.split('.').next().unwrap_or("");
                            self.name_op(top, Ctx::Store, s.loc)?;
                        }
                    }
                }
            }
            StmtKind::ImportFrom {
                module,
                names,
                level,
            } => {
                let level = i32::try_from(*level).unwrap_or(i32::MAX);
                self.emit(Instr::LoadInt(level));
                let list: Vec<&str> = names.iter().map(|a| a.name.as_str()).collect();
                let t = self.str_tuple_const(&list);
                self.emit(Instr::LoadConst(t));
                let i = self.name_index(module.as_deref().unwrap_or(""));
                self.emit(Instr::ImportName(i));
                if names.len() == 1 && names[0].name == "*" {
                    self.emit(Instr::ImportStar);
                } else {
                    for a in names {
                        let i = self.name_index(&a.name);
                        self.emit(Instr::ImportFrom(i));
                        let store = a.asname.as_deref().unwrap_or(a.name.as_str());
                        self.name_op(store, Ctx::Store, s.loc)?;
                    }
                    self.emit(Instr::PopTop);
                }
            }
            StmtKind::Global(_) | StmtKind::Nonlocal(_) => {}
            StmtKind::Match { subject, cases } => self.compile_match(s, subject, cases)?,
        }
        Ok(())
    }

    fn compile_return(&mut self, v: Option<&'a Expr>, loc: Loc) -> CResult {
        let sc = &self.table.scopes[self.unit_ref().scope];
        if !sc.kind.is_function_like() {
            return Err(syntax_error("'return' outside function", loc));
        }
        let async_gen = sc.is_async_def && sc.is_generator;
        match v {
            Some(e) => {
                if async_gen && !matches!(e.kind, ExprKind::Constant(Constant::None)) {
                    return Err(syntax_error("'return' with value in async generator", loc));
                }
                match self.unit_ref().viper_ret {
                    Some(cast) if !cast.is_empty() => {
                        self.viper_attr(cast);
                        self.compile_expr(e)?;
                        self.emit(Instr::Call(1));
                    }
                    _ => self.compile_expr(e)?,
                }
                self.set_line(loc.line);
                self.unwind_all(true)?;
            }
            None => {
                self.unwind_all(false)?;
                self.set_line(loc.line);
                self.emit(Instr::LoadNone);
            }
        }
        self.set_line(loc.line);
        self.emit(Instr::ReturnValue);
        Ok(())
    }

    fn unwind_fblock(&mut self, fb: &FBlock<'a>, preserve_tos: bool) -> CResult {
        match fb {
            FBlock::Loop { kind, .. } => {
                if *kind != LoopKind::While {
                    if preserve_tos {
                        self.emit(Instr::RotTwo);
                    }
                    self.emit(Instr::PopTop);
                }
            }
            FBlock::TryExcept => self.emit(Instr::PopBlock),
            FBlock::FinallyTry(body) => {
                self.emit(Instr::PopBlock);
                if preserve_tos {
                    self.unit().fblocks.push(FBlock::PopValue);
                }
                let r = self.compile_stmts(body);
                if preserve_tos {
                    self.unit().fblocks.pop();
                }
                r?;
            }
            FBlock::PopValue => {
                if preserve_tos {
                    self.emit(Instr::RotTwo);
                }
                self.emit(Instr::PopTop);
            }
            FBlock::FinallyEnd => {
                if preserve_tos {
                    self.emit(Instr::RotTwo);
                }
                self.emit(Instr::PopTop);
                self.emit(Instr::PopExcept);
            }
            FBlock::With { is_async } => {
                self.emit(Instr::PopBlock);
                if preserve_tos {
                    self.emit(Instr::RotTwo);
                }
                self.emit(Instr::WithCallExitNone);
                if *is_async {
                    self.emit_await();
                }
                self.emit(Instr::PopTop);
            }
            FBlock::Handler { name } => {
                if let Some(n) = name {
                    self.emit(Instr::PopBlock);
                    self.emit(Instr::PopExcept);
                    self.emit(Instr::LoadNone);
                    self.name_op_mangled(n, Ctx::Store, Loc::default())?;
                    self.name_op_mangled(n, Ctx::Del, Loc::default())?;
                } else {
                    self.emit(Instr::PopExcept);
                }
            }
        }
        Ok(())
    }

    /// Unwind the frame blocks (innermost first). With `stop_at_loop`, stop at the innermost loop
    /// (not unwinding it) and return it.
    fn unwind(
        &mut self,
        preserve_tos: bool,
        stop_at_loop: bool,
    ) -> CResult<Option<(Label, Label, LoopKind)>> {
        let mut popped = Vec::new();
        let mut found = None;
        let mut result = Ok(());
        while let Some(fb) = self.unit().fblocks.pop() {
            if stop_at_loop {
                if let FBlock::Loop { head, exit, kind } = fb {
                    found = Some((head, exit, kind));
                    popped.push(fb);
                    break;
                }
            }
            result = self.unwind_fblock(&fb, preserve_tos);
            popped.push(fb);
            if result.is_err() {
                break;
            }
        }
        while let Some(fb) = popped.pop() {
            self.unit().fblocks.push(fb);
        }
        result.map(|_| found)
    }

    fn unwind_all(&mut self, preserve_tos: bool) -> CResult {
        self.unwind(preserve_tos, false).map(|_| ())
    }

    fn compile_break_continue(&mut self, is_break: bool, loc: Loc) -> CResult {
        match self.unwind(false, true)? {
            Some((head, exit, kind)) => {
                if is_break {
                    if kind != LoopKind::While {
                        self.emit(Instr::PopTop);
                    }
                    self.emit(Instr::Jump(exit.0));
                } else {
                    self.emit(Instr::Jump(head.0));
                }
                Ok(())
            }
            None => Err(syntax_error(
                if is_break {
                    "'break' outside loop"
                } else {
                    "'continue' not properly in loop"
                },
                loc,
            )),
        }
    }

    fn emit_await(&mut self) {
        self.emit(Instr::GetAwaitable);
        self.emit(Instr::LoadNone);
        self.emit(Instr::YieldFrom);
    }

    fn compile_for(
        &mut self,
        s: &'a Stmt,
        target: &'a Expr,
        iter: &'a Expr,
        body: &'a [Stmt],
        orelse: &'a [Stmt],
        is_async: bool,
    ) -> CResult {
        let head = self.new_label();
        let cleanup = self.new_label();
        let exit = self.new_label();
        self.compile_expr(iter)?;
        self.set_line(s.loc.line);
        if is_async {
            self.emit(Instr::GetAIter);
            self.bind(head);
            self.emit(Instr::SetupExcept(cleanup.0));
            self.emit(Instr::GetANext);
            self.emit(Instr::LoadNone);
            self.emit(Instr::YieldFrom);
            self.emit(Instr::PopBlock);
        } else {
            self.emit(Instr::GetIter);
            self.bind(head);
            self.emit(Instr::ForIter(cleanup.0));
        }
        self.compile_store(target)?;
        let kind = if is_async {
            LoopKind::AsyncFor
        } else {
            LoopKind::For
        };
        self.unit().fblocks.push(FBlock::Loop { head, exit, kind });
        self.compile_stmts(body)?;
        self.unit().fblocks.pop();
        self.set_line(s.loc.line);
        self.emit(Instr::Jump(head.0));
        self.bind(cleanup);
        if is_async {
            self.emit(Instr::EndAsyncFor);
            self.emit(Instr::PopExcept);
        }
        self.compile_stmts(orelse)?;
        self.bind(exit);
        Ok(())
    }

    fn compile_try(
        &mut self,
        s: &'a Stmt,
        body: &'a [Stmt],
        handlers: &'a [ast::ExceptHandler],
        orelse: &'a [Stmt],
        finalbody: &'a [Stmt],
    ) -> CResult {
        if finalbody.is_empty() {
            return self.compile_try_except(s, body, handlers, orelse);
        }
        let h = self.new_label();
        let end = self.new_label();
        self.emit(Instr::SetupFinally(h.0));
        self.unit().fblocks.push(FBlock::FinallyTry(finalbody));
        if handlers.is_empty() {
            self.compile_stmts(body)?;
            self.compile_stmts(orelse)?;
        } else {
            self.compile_try_except(s, body, handlers, orelse)?;
        }
        self.unit().fblocks.pop();
        self.emit(Instr::PopBlock);
        self.compile_stmts(finalbody)?;
        self.emit(Instr::Jump(end.0));
        self.bind(h);
        self.unit().fblocks.push(FBlock::FinallyEnd);
        self.compile_stmts(finalbody)?;
        self.unit().fblocks.pop();
        self.emit(Instr::Reraise);
        self.bind(end);
        Ok(())
    }

    fn compile_try_except(
        &mut self,
        s: &'a Stmt,
        body: &'a [Stmt],
        handlers: &'a [ast::ExceptHandler],
        orelse: &'a [Stmt],
    ) -> CResult {
        let h = self.new_label();
        let end = self.new_label();
        self.set_line(s.loc.line);
        self.emit(Instr::SetupExcept(h.0));
        self.unit().fblocks.push(FBlock::TryExcept);
        self.compile_stmts(body)?;
        self.unit().fblocks.pop();
        self.emit(Instr::PopBlock);
        self.compile_stmts(orelse)?;
        self.emit(Instr::Jump(end.0));
        self.bind(h);
        for (k, hd) in handlers.iter().enumerate() {
            self.set_line(hd.loc.line);
            if hd.typ.is_none() && k + 1 < handlers.len() {
                return Err(syntax_error("default 'except:' must be last", hd.loc));
            }
            let next = self.new_label();
            if let Some(t) = &hd.typ {
                // CheckExcMatch is `[exc, type] -> [exc, bool]`: the exception stays below.
                self.compile_expr(t)?;
                self.emit(Instr::CheckExcMatch);
                self.emit(Instr::PopJumpIfFalse(next.0));
            }
            match &hd.name {
                Some(n) => {
                    let m = self.mangled(n);
                    self.name_op_mangled(&m, Ctx::Store, hd.loc)?;
                    let cleanup = self.new_label();
                    self.emit(Instr::SetupFinally(cleanup.0));
                    self.unit().fblocks.push(FBlock::Handler {
                        name: Some(m.clone()),
                    });
                    self.compile_stmts(&hd.body)?;
                    self.unit().fblocks.pop();
                    self.set_line(hd.loc.line);
                    self.emit(Instr::PopBlock);
                    self.emit(Instr::PopExcept);
                    self.emit(Instr::LoadNone);
                    self.name_op_mangled(&m, Ctx::Store, hd.loc)?;
                    self.name_op_mangled(&m, Ctx::Del, hd.loc)?;
                    self.emit(Instr::Jump(end.0));
                    self.bind(cleanup);
                    self.emit(Instr::LoadNone);
                    self.name_op_mangled(&m, Ctx::Store, hd.loc)?;
                    self.name_op_mangled(&m, Ctx::Del, hd.loc)?;
                    self.emit(Instr::Reraise);
                }
                None => {
                    self.emit(Instr::PopTop);
                    self.unit().fblocks.push(FBlock::Handler { name: None });
                    self.compile_stmts(&hd.body)?;
                    self.unit().fblocks.pop();
                    self.set_line(hd.loc.line);
                    self.emit(Instr::PopExcept);
                    self.emit(Instr::Jump(end.0));
                }
            }
            self.bind(next);
        }
        if handlers.last().map(|h| h.typ.is_some()).unwrap_or(true) {
            self.emit(Instr::Reraise);
        }
        self.bind(end);
        Ok(())
    }

    fn compile_with(
        &mut self,
        s: &'a Stmt,
        items: &'a [ast::WithItem],
        body: &'a [Stmt],
        is_async: bool,
        idx: usize,
    ) -> CResult {
        let item = match items.get(idx) {
            Some(i) => i,
            None => return self.compile_stmts(body),
        };
        self.compile_expr(&item.context_expr)?;
        self.set_line(s.loc.line);
        if is_async {
            self.emit(Instr::BeforeAsyncWith);
            self.emit_await();
        } else {
            self.emit(Instr::BeforeWith);
        }
        let h = self.new_label();
        let end = self.new_label();
        self.emit(Instr::SetupWith(h.0));
        match &item.optional_vars {
            Some(t) => self.compile_store(t)?,
            None => self.emit(Instr::PopTop),
        }
        self.unit().fblocks.push(FBlock::With { is_async });
        self.compile_with(s, items, body, is_async, idx + 1)?;
        self.unit().fblocks.pop();
        self.set_line(s.loc.line);
        self.emit(Instr::PopBlock);
        self.emit(Instr::WithCallExitNone);
        if is_async {
            self.emit_await();
        }
        self.emit(Instr::PopTop);
        self.emit(Instr::Jump(end.0));
        self.bind(h);
        self.emit(Instr::WithExceptStart);
        if is_async {
            self.emit_await();
        }
        let suppress = self.new_label();
        self.emit(Instr::PopJumpIfTrue(suppress.0));
        self.emit(Instr::Reraise);
        self.bind(suppress);
        self.emit(Instr::PopTop);
        self.emit(Instr::PopExcept);
        self.emit(Instr::PopTop);
        self.bind(end);
        Ok(())
    }

    // ----- assignment targets -----

    fn compile_store(&mut self, t: &'a Expr) -> CResult {
        let old = self.set_line(t.loc.line);
        match &t.kind {
            ExprKind::Name(n) => self.name_op(n, Ctx::Store, t.loc)?,
            ExprKind::Attribute { value, attr } => {
                self.compile_expr(value)?;
                let m = self.mangled(attr);
                let i = self.name_index(&m);
                self.emit(Instr::StoreAttr(i));
            }
            ExprKind::Subscript { value, slice } => {
                self.compile_expr(value)?;
                self.compile_expr(slice)?;
                self.emit(Instr::StoreSubscr);
            }
            ExprKind::Tuple(elts) | ExprKind::List(elts) => {
                let mut star = None;
                for (i, e) in elts.iter().enumerate() {
                    if let ExprKind::Starred(_) = e.kind {
                        if star.is_some() {
                            return Err(syntax_error(
                                "multiple starred expressions in assignment",
                                e.loc,
                            ));
                        }
                        star = Some(i);
                    }
                }
                match star {
                    Some(i) => {
                        let after = elts.len() - i - 1;
                        if i >= 256 || after >= (1 << 23) {
                            return Err(syntax_error(
                                "too many expressions in star-unpacking assignment",
                                t.loc,
                            ));
                        }
                        self.emit(Instr::UnpackEx(i as u32 | ((after as u32) << 8)));
                    }
                    None => self.emit(Instr::UnpackSequence(elts.len() as u32)),
                }
                for e in elts {
                    match &e.kind {
                        ExprKind::Starred(inner) => self.compile_store(inner)?,
                        _ => self.compile_store(e)?,
                    }
                }
            }
            ExprKind::Starred(_) => {
                return Err(syntax_error(
                    "starred assignment target must be in a list or tuple",
                    t.loc,
                ))
            }
            _ => return Err(syntax_error("cannot assign to expression", t.loc)),
        }
        self.set_line(old);
        Ok(())
    }

    fn compile_delete(&mut self, t: &'a Expr) -> CResult {
        self.set_line(t.loc.line);
        match &t.kind {
            ExprKind::Name(n) => self.name_op(n, Ctx::Del, t.loc)?,
            ExprKind::Attribute { value, attr } => {
                self.compile_expr(value)?;
                let m = self.mangled(attr);
                let i = self.name_index(&m);
                self.emit(Instr::DeleteAttr(i));
            }
            ExprKind::Subscript { value, slice } => {
                self.compile_expr(value)?;
                self.compile_expr(slice)?;
                self.emit(Instr::DeleteSubscr);
            }
            ExprKind::Tuple(elts) | ExprKind::List(elts) => {
                for e in elts {
                    self.compile_delete(e)?;
                }
            }
            _ => return Err(syntax_error("cannot delete expression", t.loc)),
        }
        Ok(())
    }

    fn compile_augassign(&mut self, target: &'a Expr, op: BinOp, value: &'a Expr) -> CResult {
        match &target.kind {
            ExprKind::Name(n) => {
                // uint arithmetic wraps to a machine word.
                let uint = matches!(op, BinOp::Add | BinOp::Sub | BinOp::Mult | BinOp::LShift)
                    && self.viper_is_uint(target);
                let int = matches!(op, BinOp::Mult | BinOp::LShift)
                    && self.viper_is_int(target)
                    && self.viper_is_int(value);
                let wrap = uint || int;
                if uint {
                    self.viper_attr("uint");
                } else if int {
                    self.viper_attr("arg_int");
                }
                self.name_op(n, Ctx::Load, target.loc)?;
                self.compile_expr(value)?;
                self.set_line(target.loc.line);
                self.emit(Instr::InplaceOp(op));
                if wrap {
                    self.emit(Instr::Call(1));
                }
                self.name_op(n, Ctx::Store, target.loc)?;
            }
            ExprKind::Attribute { value: obj, attr } => {
                self.compile_expr(obj)?;
                self.emit(Instr::DupTop);
                let m = self.mangled(attr);
                let i = self.name_index(&m);
                self.emit(Instr::LoadAttr(i));
                self.compile_expr(value)?;
                self.set_line(target.loc.line);
                self.emit(Instr::InplaceOp(op));
                self.emit(Instr::RotTwo);
                self.emit(Instr::StoreAttr(i));
            }
            ExprKind::Subscript { value: obj, slice } => {
                self.compile_expr(obj)?;
                self.compile_expr(slice)?;
                self.emit(Instr::DupTopTwo);
                self.emit(Instr::BinarySubscr);
                self.compile_expr(value)?;
                self.set_line(target.loc.line);
                self.emit(Instr::InplaceOp(op));
                self.emit(Instr::RotThree);
                self.emit(Instr::StoreSubscr);
            }
            _ => {
                return Err(syntax_error(
                    "'expression' is an illegal expression for augmented assignment",
                    target.loc,
                ))
            }
        }
        Ok(())
    }

    /// `NAME = const(value)` (MicroPython): the value must fold to a constant; later loads of
    /// NAME are replaced by it, and a NAME starting with `_` is not stored at all.
    fn compile_mp_const(&mut self, name: &str, arg: &Expr, loc: Loc) -> CResult {
        let Some(v) = self.mp_const_eval(arg) else {
            return Err(syntax_error("not a constant", arg.loc));
        };
        if self.mp_consts.contains_key(name) {
            return Err(syntax_error("cannot assign to literal", loc));
        }
        if !name.starts_with('_') {
            self.load_const(v.clone());
            self.name_op(name, Ctx::Store, loc)?;
        }
        self.mp_consts.insert(String::from(name), v);
        Ok(())
    }

    /// The value of a `const()` argument: literals, earlier constants, tuples of them and
    /// integer arithmetic (MicroPython's parser folds nothing else).
    fn mp_const_eval(&self, e: &Expr) -> Option<ConstVal> {
        match &e.kind {
            ExprKind::Constant(_) => self.fold(e),
            ExprKind::Name(n) => self.mp_consts.get(n).cloned(),
            ExprKind::Tuple(elts) => elts
                .iter()
                .map(|x| self.mp_const_eval(x))
                .collect::<Option<Vec<_>>>()
                .map(ConstVal::Tuple),
            ExprKind::UnaryOp { op, operand } => {
                let v = const_int(&self.mp_const_eval(operand)?)?;
                Some(big_const(match op {
                    UnaryOpKind::USub => -v,
                    UnaryOpKind::UAdd => v,
                    UnaryOpKind::Invert => !v,
                    UnaryOpKind::Not => return None,
                }))
            }
            ExprKind::BinOp { .. } => {
                let (first, rights) = left_spine(e);
                let mut acc = self.mp_const_eval(first)?;
                for (op, r) in rights.into_iter().rev() {
                    let a = const_int(&acc)?;
                    let b = const_int(&self.mp_const_eval(r)?)?;
                    acc = mp_const_binop(a, op, b)?;
                }
                Some(acc)
            }
            _ => None,
        }
    }

    // ----- expressions -----

    /// The constant value of an expression, if it folds to one.
    fn fold(&self, e: &Expr) -> Option<ConstVal> {
        match &e.kind {
            ExprKind::Constant(c) => Some(match c {
                Constant::None => ConstVal::None,
                Constant::Bool(b) => ConstVal::Bool(*b),
                Constant::Int(i) => ConstVal::Int(*i),
                Constant::BigInt(s) => bigint_normalize(s.clone()),
                Constant::Float(f) => ConstVal::Float(f.to_bits()),
                Constant::Imag(f) => ConstVal::Complex(0f64.to_bits(), f.to_bits()),
                Constant::Str(s) => ConstVal::Str(s.clone()),
                Constant::Bytes(b) => ConstVal::Bytes(b.clone()),
                Constant::Ellipsis => ConstVal::Ellipsis,
            }),
            ExprKind::UnaryOp { op, operand } => fold_unary(*op, &self.fold(operand)?),
            ExprKind::BinOp { .. } => {
                let (first, rights) = left_spine(e);
                let mut acc = self.fold(first)?;
                for (op, r) in rights.into_iter().rev() {
                    acc = fold_binop(op, &acc, &self.fold(r)?)?;
                }
                Some(acc)
            }
            ExprKind::Tuple(elts) => {
                let mut v = Vec::with_capacity(elts.len());
                for x in elts {
                    v.push(self.fold(x)?);
                }
                Some(ConstVal::Tuple(v))
            }
            ExprKind::Name(n) if n == "__debug__" => Some(ConstVal::Bool(self.opt_level == 0)),
            ExprKind::Name(n) => self.mp_consts.get(n).cloned(),
            _ => None,
        }
    }

    fn compile_expr(&mut self, e: &'a Expr) -> CResult {
        if self.depth >= MAX_NESTING {
            return Err(syntax_error("too many nested expressions", e.loc));
        }
        self.depth += 1;
        let old = self.set_line(e.loc.line);
        let r = self.compile_expr_inner(e);
        self.set_line(old);
        self.depth -= 1;
        r
    }

    /// A chain of binary operators, walked iteratively along its left spine; constant sub-chains
    /// are folded.
    fn compile_binop_chain(&mut self, e: &'a Expr) -> CResult {
        let mut levels: Vec<(&'a Expr, BinOp, &'a Expr)> = Vec::new();
        let mut cur = e;
        while let ExprKind::BinOp { left, op, right } = &cur.kind {
            levels.push((cur, *op, &**right));
            cur = left;
        }
        let mut acc = self.fold(cur);
        if acc.is_none() {
            self.compile_expr(cur)?;
        }
        for (node, op, right) in levels.into_iter().rev() {
            if let Some(a) = &acc {
                if let Some(r) = self.fold(right) {
                    if let Some(v) = fold_binop(op, a, &r) {
                        acc = Some(v);
                        continue;
                    }
                }
            }
            if let Some(a) = acc.take() {
                self.set_line(node.loc.line);
                self.load_const(a);
            }
            self.compile_expr(right)?;
            self.set_line(node.loc.line);
            self.emit(Instr::BinaryOp(op));
        }
        if let Some(a) = acc {
            self.load_const(a);
        }
        Ok(())
    }

    fn compile_expr_inner(&mut self, e: &'a Expr) -> CResult {
        if let ExprKind::BinOp { op, .. } = e.kind {
            if matches!(op, BinOp::Add | BinOp::Sub | BinOp::Mult | BinOp::LShift)
                && self.viper_is_uint(e)
            {
                // uint arithmetic wraps to a machine word.
                self.viper_attr("uint");
                self.compile_binop_chain(e)?;
                self.emit(Instr::Call(1));
                return Ok(());
            }
            if matches!(op, BinOp::Mult | BinOp::LShift)
                && self.viper_is_int(e)
                && self.fold(e).is_none()
            {
                // int products and shifts wrap to a machine word (sums stay exact).
                self.viper_attr("arg_int");
                self.compile_binop_chain(e)?;
                self.emit(Instr::Call(1));
                return Ok(());
            }
            return self.compile_binop_chain(e);
        }
        if matches!(
            e.kind,
            ExprKind::Constant(_) | ExprKind::UnaryOp { .. } | ExprKind::Tuple(_)
        ) {
            if let Some(c) = self.fold(e) {
                self.load_const(c);
                return Ok(());
            }
        }
        match &e.kind {
            ExprKind::BoolOp { op, values } => {
                let end = self.new_label();
                let n = values.len();
                for (i, v) in values.iter().enumerate() {
                    self.compile_expr(v)?;
                    if i + 1 < n {
                        self.emit(match op {
                            BoolOpKind::And => Instr::JumpIfFalseOrPop(end.0),
                            BoolOpKind::Or => Instr::JumpIfTrueOrPop(end.0),
                        });
                    }
                }
                self.bind(end);
            }
            ExprKind::NamedExpr { target, value } => {
                self.compile_expr(value)?;
                self.emit(Instr::DupTop);
                self.compile_store(target)?;
            }
            ExprKind::BinOp { .. } => self.compile_binop_chain(e)?,
            ExprKind::UnaryOp { op, operand } => {
                self.compile_expr(operand)?;
                self.emit(match op {
                    UnaryOpKind::Invert => Instr::UnaryInvert,
                    UnaryOpKind::Not => Instr::UnaryNot,
                    UnaryOpKind::UAdd => Instr::UnaryPos,
                    UnaryOpKind::USub => Instr::UnaryNeg,
                });
            }
            ExprKind::Lambda { args, body } => self.compile_lambda(e, args, body)?,
            ExprKind::IfExp { test, body, orelse } => {
                let else_l = self.new_label();
                let end = self.new_label();
                self.compile_jump_if(test, false, else_l)?;
                self.compile_expr(body)?;
                self.emit(Instr::Jump(end.0));
                self.bind(else_l);
                self.compile_expr(orelse)?;
                self.bind(end);
            }
            ExprKind::Dict { keys, values } => self.compile_dict(keys, values)?,
            ExprKind::Set(elts) => self.compile_display(elts, Display::Set)?,
            ExprKind::List(elts) => self.compile_display(elts, Display::List)?,
            ExprKind::Tuple(elts) => self.compile_display(elts, Display::Tuple)?,
            ExprKind::ListComp { elt, generators } => {
                self.compile_comprehension(e, CompKind::List, generators, elt, None)?
            }
            ExprKind::SetComp { elt, generators } => {
                self.compile_comprehension(e, CompKind::Set, generators, elt, None)?
            }
            ExprKind::GeneratorExp { elt, generators } => {
                self.compile_comprehension(e, CompKind::Gen, generators, elt, None)?
            }
            ExprKind::DictComp {
                key,
                value,
                generators,
            } => self.compile_comprehension(e, CompKind::Dict, generators, key, Some(value))?,
            ExprKind::Await(v) => {
                self.compile_expr(v)?;
                self.emit_await();
            }
            ExprKind::Yield(v) => {
                match v {
                    Some(v) => self.compile_expr(v)?,
                    None => self.emit(Instr::LoadNone),
                }
                self.emit(Instr::YieldValue);
            }
            ExprKind::YieldFrom(v) => {
                self.compile_expr(v)?;
                self.emit(Instr::GetYieldFromIter);
                self.emit(Instr::LoadNone);
                self.emit(Instr::YieldFrom);
            }
            ExprKind::Compare {
                left,
                ops,
                comparators,
            } => self.compile_compare(left, ops, comparators)?,
            ExprKind::Call {
                func,
                args,
                keywords,
            } => self.compile_call(e, func, args, keywords)?,
            ExprKind::FormattedValue {
                value,
                conversion,
                format_spec,
            } => self.compile_formatted(value, *conversion, format_spec.as_deref())?,
            ExprKind::JoinedStr(parts) => match parts.as_slice() {
                [] => self.load_str(""),
                [one] => {
                    self.compile_expr(one)?;
                    if !matches!(
                        one.kind,
                        ExprKind::FormattedValue { .. } | ExprKind::Constant(Constant::Str(_))
                    ) {
                        self.emit(Instr::FormatValue(0));
                    }
                }
                _ => {
                    for p in parts {
                        self.compile_expr(p)?;
                    }
                    self.emit(Instr::BuildString(parts.len() as u32));
                }
            },
            ExprKind::Constant(_) => {
                // Unreachable in practice: constants always fold.
                self.emit(Instr::LoadNone);
            }
            ExprKind::Attribute { value, attr } => {
                self.compile_expr(value)?;
                let m = self.mangled(attr);
                let i = self.name_index(&m);
                self.emit(Instr::LoadAttr(i));
            }
            ExprKind::Subscript { value, slice } => {
                self.compile_expr(value)?;
                self.compile_expr(slice)?;
                self.emit(Instr::BinarySubscr);
            }
            ExprKind::Starred(_) => {
                return Err(syntax_error("can't use starred expression here", e.loc))
            }
            ExprKind::Name(n) => self.name_op(n, Ctx::Load, e.loc)?,
            ExprKind::Slice { lower, upper, step } => {
                for part in [lower, upper] {
                    match part {
                        Some(x) => self.compile_expr(x)?,
                        None => self.emit(Instr::LoadNone),
                    }
                }
                match step {
                    Some(x) => {
                        self.compile_expr(x)?;
                        self.emit(Instr::BuildSlice(3));
                    }
                    None => self.emit(Instr::BuildSlice(2)),
                }
            }
        }
        Ok(())
    }

    fn compile_formatted(
        &mut self,
        value: &'a Expr,
        conversion: Option<char>,
        spec: Option<&'a Expr>,
    ) -> CResult {
        self.compile_expr(value)?;
        let mut flags = match conversion {
            None => 0,
            Some('s') => 1,
            Some('r') => 2,
            Some('a') => 3,
            Some(_) => {
                return Err(syntax_error(
                    "f-string: invalid conversion character",
                    value.loc,
                ))
            }
        };
        if let Some(s) = spec {
            self.compile_expr(s)?;
            flags |= 4;
        }
        self.emit(Instr::FormatValue(flags));
        Ok(())
    }

    /// Conditional jump on an expression's truth, optimising `not`, `and`, `or` and constants.
    fn compile_jump_if(&mut self, e: &'a Expr, cond: bool, target: Label) -> CResult {
        let old = self.set_line(e.loc.line);
        match &e.kind {
            ExprKind::UnaryOp {
                op: UnaryOpKind::Not,
                operand,
            } => self.compile_jump_if(operand, !cond, target)?,
            ExprKind::BoolOp { op, values } => {
                let is_and = *op == BoolOpKind::And;
                let n = values.len();
                if is_and != cond {
                    // and/jump-if-false or or/jump-if-true: any operand decides.
                    for v in values {
                        self.compile_jump_if(v, cond, target)?;
                    }
                } else {
                    let skip = self.new_label();
                    for (i, v) in values.iter().enumerate() {
                        if i + 1 < n {
                            self.compile_jump_if(v, !cond, skip)?;
                        } else {
                            self.compile_jump_if(v, cond, target)?;
                        }
                    }
                    self.bind(skip);
                }
            }
            _ => match self.fold(e).and_then(|c| c.truthy()) {
                Some(t) => {
                    if t == cond {
                        self.emit(Instr::Jump(target.0));
                    }
                }
                None => {
                    self.compile_expr(e)?;
                    self.emit(if cond {
                        Instr::PopJumpIfTrue(target.0)
                    } else {
                        Instr::PopJumpIfFalse(target.0)
                    });
                }
            },
        }
        self.set_line(old);
        Ok(())
    }

    fn compile_compare(
        &mut self,
        left: &'a Expr,
        ops: &[CmpOp],
        comparators: &'a [Expr],
    ) -> CResult {
        self.compile_expr(left)?;
        let n = ops.len().min(comparators.len());
        if n == 0 {
            return Ok(());
        }
        if n == 1 {
            self.compile_expr(&comparators[0])?;
            self.emit(Instr::Compare(ops[0]));
            return Ok(());
        }
        let cleanup = self.new_label();
        let end = self.new_label();
        for i in 0..n - 1 {
            self.compile_expr(&comparators[i])?;
            self.emit(Instr::DupTop);
            self.emit(Instr::RotThree);
            self.emit(Instr::Compare(ops[i]));
            self.emit(Instr::JumpIfFalseOrPop(cleanup.0));
        }
        self.compile_expr(&comparators[n - 1])?;
        self.emit(Instr::Compare(ops[n - 1]));
        self.emit(Instr::Jump(end.0));
        self.bind(cleanup);
        self.emit(Instr::RotTwo);
        self.emit(Instr::PopTop);
        self.bind(end);
        Ok(())
    }

    fn compile_display(&mut self, elts: &'a [Expr], kind: Display) -> CResult {
        let has_star = elts.iter().any(|e| matches!(e.kind, ExprKind::Starred(_)));
        if !has_star {
            for e in elts {
                self.compile_expr(e)?;
            }
            let n = elts.len() as u32;
            self.emit(match kind {
                Display::List => Instr::BuildList(n),
                Display::Tuple => Instr::BuildTuple(n),
                Display::Set => Instr::BuildSet(n),
            });
            return Ok(());
        }
        let lead = elts
            .iter()
            .take_while(|e| !matches!(e.kind, ExprKind::Starred(_)))
            .count();
        for e in &elts[..lead] {
            self.compile_expr(e)?;
        }
        let is_set = kind == Display::Set;
        self.emit(if is_set {
            Instr::BuildSet(lead as u32)
        } else {
            Instr::BuildList(lead as u32)
        });
        for e in &elts[lead..] {
            match &e.kind {
                ExprKind::Starred(v) => {
                    self.compile_expr(v)?;
                    self.emit(if is_set {
                        Instr::SetUpdate(1)
                    } else {
                        Instr::ListExtend(1)
                    });
                }
                _ => {
                    self.compile_expr(e)?;
                    self.emit(if is_set {
                        Instr::SetAdd(1)
                    } else {
                        Instr::ListAppend(1)
                    });
                }
            }
        }
        if kind == Display::Tuple {
            self.emit(Instr::ListToTuple);
        }
        Ok(())
    }

    fn compile_dict(&mut self, keys: &'a [Option<Expr>], values: &'a [Expr]) -> CResult {
        let n = keys.len().min(values.len());
        let mut pending = 0u32;
        let mut built = false;
        for i in 0..n {
            match &keys[i] {
                Some(k) => {
                    self.compile_expr(k)?;
                    self.compile_expr(&values[i])?;
                    pending += 1;
                }
                None => {
                    if !built || pending > 0 {
                        self.emit(Instr::BuildMap(pending));
                        if built {
                            self.emit(Instr::DictUpdate(1));
                        }
                        built = true;
                        pending = 0;
                    }
                    self.compile_expr(&values[i])?;
                    self.emit(Instr::DictUpdate(1));
                }
            }
        }
        if !built || pending > 0 {
            self.emit(Instr::BuildMap(pending));
            if built {
                self.emit(Instr::DictUpdate(1));
            }
        }
        Ok(())
    }

    fn check_keywords(&self, keywords: &[Keyword], loc: Loc) -> CResult {
        for (i, k) in keywords.iter().enumerate() {
            if let Some(n) = &k.name {
                if keywords[..i]
                    .iter()
                    .any(|o| o.name.as_deref() == Some(n.as_str()))
                {
                    return Err(syntax_error(
                        &format!("keyword argument repeated: {}", n),
                        k.value.loc,
                    ));
                }
            }
        }
        let _ = loc;
        Ok(())
    }

    fn compile_call(
        &mut self,
        e: &'a Expr,
        func: &'a Expr,
        args: &'a [Expr],
        keywords: &'a [Keyword],
    ) -> CResult {
        self.check_keywords(keywords, e.loc)?;
        let simple = !args.iter().any(|a| matches!(a.kind, ExprKind::Starred(_)))
            && keywords.iter().all(|k| k.name.is_some());
        // Zero-argument super() inside a method.
        if let ExprKind::Name(n) = &func.kind {
            if n == "super"
                && args.is_empty()
                && keywords.is_empty()
                && self.try_super_call(func.loc)?
            {
                return Ok(());
            }
        }
        if let (ExprKind::Attribute { value, attr }, true) = (&func.kind, simple) {
            self.compile_expr(value)?;
            let m = self.mangled(attr);
            let i = self.name_index(&m);
            self.set_line(func.loc.line.max(e.loc.line));
            self.emit(Instr::LoadMethod(i));
            for a in args {
                self.compile_expr(a)?;
            }
            for k in keywords {
                self.compile_expr(&k.value)?;
            }
            self.set_line(e.loc.line);
            if keywords.is_empty() {
                self.emit(Instr::CallMethod(args.len() as u32));
            } else {
                let names: Vec<&str> = keywords
                    .iter()
                    .map(|k| k.name.as_deref().unwrap_or(""))
                    .collect();
                let t = self.str_tuple_const(&names);
                self.emit(Instr::LoadConst(t));
                self.emit(Instr::CallMethodKw((args.len() + keywords.len()) as u32));
            }
            return Ok(());
        }
        self.compile_expr(func)?;
        self.call_helper(0, args, keywords, e.loc)
    }

    fn try_super_call(&mut self, loc: Loc) -> CResult<bool> {
        let u = self.unit_ref();
        if !matches!(u.kind, ScopeKind::Function | ScopeKind::Lambda) {
            return Ok(false);
        }
        let sc = &self.table.scopes[u.scope];
        if sc.scope_of("super") != SymScope::GlobalImplicit
            || sc.scope_of("__class__") != SymScope::Free
        {
            return Ok(false);
        }
        let first = match &u.first_arg {
            Some(f) => f.clone(),
            None => return Ok(false),
        };
        self.name_op_mangled("super", Ctx::Load, loc)?;
        self.name_op_mangled("__class__", Ctx::Load, loc)?;
        self.name_op_mangled(&first, Ctx::Load, loc)?;
        self.emit(Instr::Call(2));
        Ok(true)
    }

    /// Call the callable below `n_pre` already-pushed positional arguments.
    fn call_helper(
        &mut self,
        n_pre: u32,
        args: &'a [Expr],
        keywords: &'a [Keyword],
        loc: Loc,
    ) -> CResult {
        self.check_keywords(keywords, loc)?;
        let has_star = args.iter().any(|a| matches!(a.kind, ExprKind::Starred(_)));
        let has_dstar = keywords.iter().any(|k| k.name.is_none());
        if !has_star && !has_dstar {
            for a in args {
                self.compile_expr(a)?;
            }
            for k in keywords {
                self.compile_expr(&k.value)?;
            }
            self.set_line(loc.line);
            let n = n_pre + (args.len() + keywords.len()) as u32;
            if keywords.is_empty() {
                self.emit(Instr::Call(n));
            } else {
                let names: Vec<&str> = keywords
                    .iter()
                    .map(|k| k.name.as_deref().unwrap_or(""))
                    .collect();
                let t = self.str_tuple_const(&names);
                self.emit(Instr::LoadConst(t));
                self.emit(Instr::CallKw(n));
            }
            return Ok(());
        }
        // Positional arguments as a tuple.
        let lead = args
            .iter()
            .take_while(|a| !matches!(a.kind, ExprKind::Starred(_)))
            .count();
        for a in &args[..lead] {
            self.compile_expr(a)?;
        }
        self.emit(Instr::BuildList(n_pre + lead as u32));
        for a in &args[lead..] {
            match &a.kind {
                ExprKind::Starred(v) => {
                    self.compile_expr(v)?;
                    self.emit(Instr::ListExtend(1));
                }
                _ => {
                    self.compile_expr(a)?;
                    self.emit(Instr::ListAppend(1));
                }
            }
        }
        self.emit(Instr::ListToTuple);
        if keywords.is_empty() {
            self.set_line(loc.line);
            self.emit(Instr::CallEx(0));
            return Ok(());
        }
        let mut pending = 0u32;
        let mut built = false;
        for k in keywords {
            match &k.name {
                Some(n) => {
                    self.load_str(n);
                    self.compile_expr(&k.value)?;
                    pending += 1;
                }
                None => {
                    if !built || pending > 0 {
                        self.emit(Instr::BuildMap(pending));
                        if built {
                            self.emit(Instr::DictMerge(1));
                        }
                        built = true;
                        pending = 0;
                    }
                    self.compile_expr(&k.value)?;
                    self.emit(Instr::DictMerge(1));
                }
            }
        }
        if !built {
            self.emit(Instr::BuildMap(pending));
        } else if pending > 0 {
            self.emit(Instr::BuildMap(pending));
            self.emit(Instr::DictMerge(1));
        }
        self.set_line(loc.line);
        self.emit(Instr::CallEx(1));
        Ok(())
    }

    fn compile_comprehension(
        &mut self,
        e: &'a Expr,
        kind: CompKind,
        generators: &'a [ast::Comprehension],
        elt: &'a Expr,
        value: Option<&'a Expr>,
    ) -> CResult {
        let first = match generators.first() {
            Some(g) => g,
            None => return Err(syntax_error("comprehension without generators", e.loc)),
        };
        let scope = self.scope_for(e, e.loc)?;
        let name = match kind {
            CompKind::List => "<listcomp>",
            CompKind::Set => "<setcomp>",
            CompKind::Dict => "<dictcomp>",
            CompKind::Gen => "<genexpr>",
        };
        let is_coro = self.table.scopes[scope].is_coroutine;
        let qualname = self.qualname_for(name);
        self.enter_unit(scope, name, qualname, e.loc.line);
        self.set_line(e.loc.line);
        let fl = self.function_flags(scope);
        self.unit().flags |= fl;
        self.unit().argcount = 1;
        match kind {
            CompKind::List => self.emit(Instr::BuildList(0)),
            CompKind::Set => self.emit(Instr::BuildSet(0)),
            CompKind::Dict => self.emit(Instr::BuildMap(0)),
            CompKind::Gen => {}
        }
        self.compile_comp_generator(generators, 0, kind, elt, value)?;
        self.set_line(e.loc.line);
        if kind == CompKind::Gen {
            self.emit(Instr::LoadNone);
        }
        self.emit(Instr::ReturnValue);
        let code = self.exit_unit()?;
        self.make_closure(code, 0, e.loc)?;
        self.compile_expr(&first.iter)?;
        self.emit(if first.is_async {
            Instr::GetAIter
        } else {
            Instr::GetIter
        });
        self.emit(Instr::Call(1));
        if is_coro && kind != CompKind::Gen {
            self.emit_await();
        }
        Ok(())
    }

    fn compile_comp_generator(
        &mut self,
        gens: &'a [ast::Comprehension],
        i: usize,
        kind: CompKind,
        elt: &'a Expr,
        value: Option<&'a Expr>,
    ) -> CResult {
        let g = match gens.get(i) {
            Some(g) => g,
            None => return Ok(()),
        };
        if i == 0 {
            let slot = self.var_index(".0");
            self.emit(Instr::LoadFast(slot));
        } else {
            self.compile_expr(&g.iter)?;
            self.emit(if g.is_async {
                Instr::GetAIter
            } else {
                Instr::GetIter
            });
        }
        let start = self.new_label();
        let end = self.new_label();
        self.bind(start);
        if g.is_async {
            self.emit(Instr::SetupExcept(end.0));
            self.emit(Instr::GetANext);
            self.emit(Instr::LoadNone);
            self.emit(Instr::YieldFrom);
            self.emit(Instr::PopBlock);
        } else {
            self.emit(Instr::ForIter(end.0));
        }
        self.compile_store(&g.target)?;
        for c in &g.ifs {
            self.compile_jump_if(c, false, start)?;
        }
        if i + 1 < gens.len() {
            self.compile_comp_generator(gens, i + 1, kind, elt, value)?;
        } else {
            let depth = gens.len() as u32 + 1;
            match kind {
                CompKind::Gen => {
                    self.compile_expr(elt)?;
                    self.emit(Instr::YieldValue);
                    self.emit(Instr::PopTop);
                }
                CompKind::List => {
                    self.compile_expr(elt)?;
                    self.emit(Instr::ListAppend(depth));
                }
                CompKind::Set => {
                    self.compile_expr(elt)?;
                    self.emit(Instr::SetAdd(depth));
                }
                CompKind::Dict => {
                    self.compile_expr(elt)?;
                    if let Some(v) = value {
                        self.compile_expr(v)?;
                    } else {
                        self.emit(Instr::LoadNone);
                    }
                    self.emit(Instr::MapAdd(depth));
                }
            }
        }
        self.emit(Instr::Jump(start.0));
        self.bind(end);
        if g.is_async {
            self.emit(Instr::EndAsyncFor);
            self.emit(Instr::PopExcept);
        }
        Ok(())
    }

    // ----- match statements -----

    fn compile_match(
        &mut self,
        s: &'a Stmt,
        subject: &'a Expr,
        cases: &'a [ast::MatchCase],
    ) -> CResult {
        self.compile_expr(subject)?;
        let end = self.new_label();
        for case in cases {
            self.set_line(case.pattern.loc.line);
            self.emit(Instr::DupTop);
            let mut pc = PatCtx {
                fail_pops: Vec::new(),
                on_top: 1,
            };
            self.compile_pattern(&case.pattern, &mut pc)?;
            if let Some(g) = &case.guard {
                let l = self.fail_pop(&mut pc, 0);
                self.compile_jump_if(g, false, l)?;
            }
            self.emit(Instr::PopTop);
            self.compile_stmts(&case.body)?;
            self.set_line(s.loc.line);
            self.emit(Instr::Jump(end.0));
            self.emit_fail_pops(&mut pc);
        }
        self.emit(Instr::PopTop);
        self.bind(end);
        Ok(())
    }

    fn fail_pop(&mut self, pc: &mut PatCtx, n: usize) -> Label {
        while pc.fail_pops.len() <= n {
            let l = self.new_label();
            pc.fail_pops.push(l);
        }
        pc.fail_pops[n]
    }

    fn emit_fail_pops(&mut self, pc: &mut PatCtx) {
        let n = pc.fail_pops.len();
        for k in (0..n).rev() {
            self.bind(pc.fail_pops[k]);
            if k > 0 {
                self.emit(Instr::PopTop);
            }
        }
        pc.fail_pops.clear();
    }

    /// Match the subject on top of the stack (consuming it); on failure jump to the fail label
    /// that pops the items the pattern left above the case's base.
    fn compile_pattern(&mut self, p: &'a Pattern, pc: &mut PatCtx) -> CResult {
        self.set_line(p.loc.line);
        match &p.kind {
            PatternKind::As {
                pattern: None,
                name: None,
            }
            | PatternKind::Star(None) => {
                self.emit(Instr::PopTop);
                pc.on_top -= 1;
            }
            PatternKind::As {
                pattern: None,
                name: Some(n),
            }
            | PatternKind::Star(Some(n)) => {
                self.name_op(n, Ctx::Store, p.loc)?;
                pc.on_top -= 1;
            }
            PatternKind::As {
                pattern: Some(inner),
                name,
            } => {
                self.emit(Instr::DupTop);
                pc.on_top += 1;
                self.compile_pattern(inner, pc)?;
                match name {
                    Some(n) => self.name_op(n, Ctx::Store, p.loc)?,
                    None => self.emit(Instr::PopTop),
                }
                pc.on_top -= 1;
            }
            PatternKind::Value(e) | PatternKind::Singleton(e) => {
                self.compile_expr(e)?;
                let op = if matches!(p.kind, PatternKind::Singleton(_)) {
                    CmpOp::Is
                } else {
                    CmpOp::Eq
                };
                self.emit(Instr::Compare(op));
                let l = self.fail_pop(pc, pc.on_top - 1);
                self.emit(Instr::PopJumpIfFalse(l.0));
                pc.on_top -= 1;
            }
            PatternKind::Or(alts) => {
                let end = self.new_label();
                let n = alts.len();
                for (i, alt) in alts.iter().enumerate() {
                    if i + 1 < n {
                        self.emit(Instr::DupTop);
                        let mut sub = PatCtx {
                            fail_pops: Vec::new(),
                            on_top: 1,
                        };
                        self.compile_pattern(alt, &mut sub)?;
                        self.emit(Instr::PopTop);
                        self.emit(Instr::Jump(end.0));
                        self.emit_fail_pops(&mut sub);
                    } else {
                        self.compile_pattern(alt, pc)?;
                    }
                }
                if n == 0 {
                    self.emit(Instr::PopTop);
                    pc.on_top -= 1;
                }
                self.bind(end);
            }
            PatternKind::Sequence(pats) => {
                let mut star = None;
                for (i, q) in pats.iter().enumerate() {
                    if let PatternKind::Star(_) = q.kind {
                        if star.is_some() {
                            return Err(syntax_error(
                                "multiple starred names in sequence pattern",
                                q.loc,
                            ));
                        }
                        star = Some(i);
                    }
                }
                self.emit(Instr::MatchSequence);
                let l = self.fail_pop(pc, pc.on_top);
                self.emit(Instr::PopJumpIfFalse(l.0));
                self.emit(Instr::GetLen);
                let n = pats.len();
                match star {
                    None => {
                        self.load_const(ConstVal::Int(n as i64));
                        self.emit(Instr::Compare(CmpOp::Eq));
                    }
                    Some(_) => {
                        self.load_const(ConstVal::Int(n as i64 - 1));
                        self.emit(Instr::Compare(CmpOp::GtE));
                    }
                }
                let l = self.fail_pop(pc, pc.on_top);
                self.emit(Instr::PopJumpIfFalse(l.0));
                match star {
                    None => self.emit(Instr::UnpackSequence(n as u32)),
                    Some(i) => {
                        let after = n - i - 1;
                        if i >= 256 || after >= (1 << 23) {
                            return Err(syntax_error(
                                "too many sub-patterns in sequence pattern",
                                p.loc,
                            ));
                        }
                        self.emit(Instr::UnpackEx(i as u32 | ((after as u32) << 8)));
                    }
                }
                pc.on_top = pc.on_top - 1 + n;
                for q in pats {
                    self.compile_pattern(q, pc)?;
                }
            }
            PatternKind::Mapping {
                keys,
                patterns,
                rest,
            } => {
                self.emit(Instr::MatchMapping);
                let l = self.fail_pop(pc, pc.on_top);
                self.emit(Instr::PopJumpIfFalse(l.0));
                let n = keys.len().min(patterns.len());
                if n == 0 && rest.is_none() {
                    self.emit(Instr::PopTop);
                    pc.on_top -= 1;
                    return Ok(());
                }
                if n > 0 {
                    self.emit(Instr::GetLen);
                    self.load_const(ConstVal::Int(n as i64));
                    self.emit(Instr::Compare(CmpOp::GtE));
                    let l = self.fail_pop(pc, pc.on_top);
                    self.emit(Instr::PopJumpIfFalse(l.0));
                }
                for k in &keys[..n] {
                    self.compile_expr(k)?;
                }
                self.emit(Instr::BuildTuple(n as u32));
                self.emit(Instr::MatchKeys);
                pc.on_top += 2;
                self.emit(Instr::DupTop);
                self.emit(Instr::LoadNone);
                self.emit(Instr::Compare(CmpOp::IsNot));
                let l = self.fail_pop(pc, pc.on_top);
                self.emit(Instr::PopJumpIfFalse(l.0));
                self.emit(Instr::UnpackSequence(n as u32));
                pc.on_top = pc.on_top - 1 + n;
                for q in &patterns[..n] {
                    self.compile_pattern(q, pc)?;
                }
                match rest {
                    Some(r) => {
                        self.emit(Instr::CopyDictWithoutKeys);
                        self.name_op(r, Ctx::Store, p.loc)?;
                        self.emit(Instr::PopTop);
                    }
                    None => {
                        self.emit(Instr::PopTop);
                        self.emit(Instr::PopTop);
                    }
                }
                pc.on_top -= 2;
            }
            PatternKind::Class {
                cls,
                patterns,
                kwd_attrs,
                kwd_patterns,
            } => {
                self.compile_expr(cls)?;
                let names: Vec<&str> = kwd_attrs.iter().map(|s| s.as_str()).collect();
                let t = self.str_tuple_const(&names);
                self.emit(Instr::LoadConst(t));
                self.emit(Instr::MatchClass(patterns.len() as u32));
                self.emit(Instr::DupTop);
                self.emit(Instr::LoadNone);
                self.emit(Instr::Compare(CmpOp::IsNot));
                let l = self.fail_pop(pc, pc.on_top);
                self.emit(Instr::PopJumpIfFalse(l.0));
                let n = patterns.len() + kwd_patterns.len();
                self.emit(Instr::UnpackSequence(n as u32));
                pc.on_top = pc.on_top - 1 + n;
                for q in patterns.iter().chain(kwd_patterns.iter()) {
                    self.compile_pattern(q, pc)?;
                }
            }
        }
        Ok(())
    }
}

struct PatCtx {
    fail_pops: Vec<Label>,
    /// Items on the stack above the case's base (the match subject), including the current subject.
    on_top: usize,
}

#[derive(Clone, Copy, PartialEq, Eq)]
enum Display {
    List,
    Tuple,
    Set,
}

// ----- disassembler -----

fn const_repr(v: &Value, out: &mut String) {
    match v {
        Value::Str(s) => {
            let _ = write!(out, "{:?}", s.as_str());
        }
        Value::Obj(o) => match &**o {
            PyObject::Tuple(items) => {
                out.push('(');
                for (i, x) in items.iter().enumerate() {
                    if i > 0 {
                        out.push_str(", ");
                    }
                    const_repr(x, out);
                }
                if items.len() == 1 {
                    out.push(',');
                }
                out.push(')');
            }
            PyObject::Code(c) => {
                let _ = write!(out, "<code {}>", c.qualname.as_str());
            }
            PyObject::BigInt(b) => {
                let _ = write!(out, "{}", b);
            }
            PyObject::Complex(r, i) => {
                let _ = write!(out, "({}+{}j)", r, i);
            }
            PyObject::Bytes(b) => {
                let _ = write!(out, "b{:?}", String::from_utf8_lossy(b));
            }
            other => out.push_str(other.kind_name()),
        },
        other => {
            let _ = write!(out, "{:?}", other);
        }
    }
}

/// A human-readable listing of a code object and (recursively) the code objects in its constants.
pub fn disassemble(code: &Code) -> String {
    let mut out = String::new();
    disassemble_into(code, &mut out);
    out
}

fn disassemble_into(code: &Code, out: &mut String) {
    let _ = writeln!(
        out,
        "Disassembly of {} ({}:{}), flags={:#x}, args={}/{}/{}, max_stack={}",
        code.qualname.as_str(),
        code.filename.as_str(),
        code.firstlineno,
        code.flags,
        code.posonlyargcount,
        code.argcount,
        code.kwonlyargcount,
        code.max_stack
    );
    let list = |v: &[Str]| {
        v.iter()
            .map(|s| s.as_str().to_string())
            .collect::<Vec<_>>()
            .join(", ")
    };
    if !code.varnames.is_empty() {
        let _ = writeln!(out, "  varnames: {}", list(&code.varnames));
    }
    if !code.cellvars.is_empty() {
        let _ = writeln!(out, "  cellvars: {}", list(&code.cellvars));
    }
    if !code.freevars.is_empty() {
        let _ = writeln!(out, "  freevars: {}", list(&code.freevars));
    }
    let mut line_idx = 0;
    for (ip, ins) in code.instrs.iter().enumerate() {
        let mut line_col = String::new();
        while line_idx < code.lines.len() && code.lines[line_idx].0 as usize == ip {
            line_col = format!("{}", code.lines[line_idx].1);
            line_idx += 1;
        }
        let mut comment = String::new();
        let name = |i: u32| {
            code.names
                .get(i as usize)
                .map(|s| s.as_str().to_string())
                .unwrap_or_default()
        };
        let cell = |i: u32| {
            let i = i as usize;
            code.cellvars
                .get(i)
                .or_else(|| code.freevars.get(i.wrapping_sub(code.cellvars.len())))
                .map(|s| s.as_str().to_string())
                .unwrap_or_default()
        };
        match ins.operand_ref() {
            OperandRef::Const(i) => {
                if let Some(v) = code.consts.get(i as usize) {
                    const_repr(v, &mut comment);
                }
            }
            OperandRef::Local(i) => {
                comment = code
                    .varnames
                    .get(i as usize)
                    .map(|s| s.as_str().to_string())
                    .unwrap_or_default()
            }
            OperandRef::Cell(i) => comment = cell(i),
            OperandRef::NameCell(n, c) => comment = format!("{} / {}", name(n), cell(c)),
            OperandRef::Name(i) => comment = name(i),
            OperandRef::Other => {}
        }
        let ins_s = format!("{:?}", ins);
        if comment.is_empty() {
            let _ = writeln!(out, "{:>5} {:>5} {}", line_col, ip, ins_s);
        } else {
            let _ = writeln!(out, "{:>5} {:>5} {:<28} ({})", line_col, ip, ins_s, comment);
        }
    }
    for c in &code.consts {
        if let Value::Obj(o) = c {
            if let PyObject::Code(inner) = &**o {
                out.push('\n');
                disassemble_into(inner, out);
            }
        }
    }
}

/// A chain of binary operations `x op1 a op2 b ...` taken apart iteratively (so long chains such
/// as `1 + 2 + ... + n` do not recurse): the leftmost operand, and the (operator, right operand)
/// pairs from the outermost inwards.
fn left_spine(e: &Expr) -> (&Expr, Vec<(crate::ast::BinOp, &Expr)>) {
    let mut rights = Vec::new();
    let mut cur = e;
    while let ExprKind::BinOp { left, op, right } = &cur.kind {
        rights.push((*op, &**right));
        cur = left;
    }
    (cur, rights)
}

#[cfg(test)]
mod tests {
    extern crate std;
    use super::*;
    use crate::ast::{Module, Stmt};
    use crate::parser::parse;
    use alloc::boxed::Box;

    fn loc(line: u32) -> Loc {
        Loc { line, col: 0 }
    }

    fn ex(line: u32, kind: ExprKind) -> Expr {
        Expr {
            loc: loc(line),
            kind,
        }
    }

    fn name(line: u32, n: &str) -> Expr {
        ex(line, ExprKind::Name(String::from(n)))
    }

    fn st(line: u32, kind: StmtKind) -> Stmt {
        Stmt {
            loc: loc(line),
            kind,
        }
    }

    /// Parse with the real parser, or None while the parser is not available in this branch.
    fn try_parse(src: &str, mode: Mode) -> Option<Module> {
        match parse(src, mode) {
            Ok(m) => Some(m),
            Err(e) if e.msg.contains("not written") => None,
            Err(e) => panic!("parse error {:?} in {:?}", e, src),
        }
    }

    fn compile_src(src: &str, mode: Mode) -> Option<Result<Rc<Code>, SyntaxError>> {
        let m = try_parse(src, mode)?;
        let mut it = Interner::new();
        Some(compile(&m, "<test>", mode, &mut it))
    }

    fn validate(code: &Code) {
        let n = code.instrs.len();
        assert!(n > 0);
        for ins in &code.instrs {
            if let Some(t) = ins.jump_target() {
                assert!(
                    (t as usize) < n,
                    "jump out of range in {}",
                    code.qualname.as_str()
                );
            }
            match ins.operand_ref() {
                OperandRef::Const(i) => assert!((i as usize) < code.consts.len()),
                OperandRef::Local(i) => assert!((i as usize) < code.varnames.len()),
                OperandRef::Cell(i) => assert!((i as usize) < code.ncells()),
                OperandRef::NameCell(n, c) => {
                    assert!((n as usize) < code.names.len());
                    assert!((c as usize) < code.ncells());
                }
                OperandRef::Name(i) => assert!((i as usize) < code.names.len()),
                OperandRef::Other => {}
            }
        }
        assert_eq!(code.cell2arg.len(), code.cellvars.len());
        for w in code.lines.windows(2) {
            assert!(w[0].0 < w[1].0);
        }
        for c in &code.consts {
            if let Value::Obj(o) = c {
                if let PyObject::Code(inner) = &**o {
                    validate(inner);
                }
            }
        }
    }

    fn dis(src: &str) -> Option<String> {
        let code = compile_src(src, Mode::Exec)?.unwrap_or_else(|e| panic!("{:?} in {:?}", e, src));
        validate(&code);
        Some(disassemble(&code))
    }

    fn err_msg(src: &str) -> Option<String> {
        // The parser may report some of these errors itself.
        match parse(src, Mode::Exec) {
            Err(e) if e.msg.contains("not written") => return None,
            Err(e) => return Some(e.msg),
            Ok(_) => {}
        }
        match compile_src(src, Mode::Exec)? {
            Ok(_) => Some(String::from("<no error>")),
            Err(e) => Some(e.msg),
        }
    }

    fn compile_ast(body: Vec<Stmt>, mode: Mode) -> Result<Rc<Code>, SyntaxError> {
        let m = Module { body };
        let mut it = Interner::new();
        compile(&m, "t.py", mode, &mut it)
    }

    #[test]
    fn hand_built_assignment_and_call() {
        // x = 1 + 2; print(x)
        let body = vec![
            st(
                1,
                StmtKind::Assign {
                    targets: vec![name(1, "x")],
                    value: ex(
                        1,
                        ExprKind::BinOp {
                            left: Box::new(ex(1, ExprKind::Constant(Constant::Int(1)))),
                            op: BinOp::Add,
                            right: Box::new(ex(1, ExprKind::Constant(Constant::Int(2)))),
                        },
                    ),
                },
            ),
            st(
                2,
                StmtKind::Expr(ex(
                    2,
                    ExprKind::Call {
                        func: Box::new(name(2, "print")),
                        args: vec![name(2, "x")],
                        keywords: vec![],
                    },
                )),
            ),
        ];
        let code = compile_ast(body, Mode::Exec).unwrap();
        validate(&code);
        assert_eq!(
            code.instrs,
            vec![
                Instr::LoadInt(3),
                Instr::StoreName(0),
                Instr::LoadName(1),
                Instr::LoadName(0),
                Instr::Call(1),
                Instr::PopTop,
                Instr::LoadNone,
                Instr::ReturnValue
            ]
        );
        assert_eq!(code.lines, vec![(0, 1), (2, 2)]);
        assert_eq!(code.flags, CO_NAMESPACE);
        assert!(code.max_stack >= 2);
    }

    #[test]
    fn hand_built_closure() {
        // def f(a):
        //     def g(): return a
        //     return g
        let g = ast::FunctionDef {
            name: String::from("g"),
            args: Arguments::default(),
            body: vec![st(3, StmtKind::Return(Some(name(3, "a"))))],
            decorators: vec![],
            returns: None,
            is_async: false,
        };
        let f = ast::FunctionDef {
            name: String::from("f"),
            args: Arguments {
                args: vec![ast::Arg {
                    name: String::from("a"),
                    annotation: None,
                    loc: loc(1),
                }],
                ..Default::default()
            },
            body: vec![
                st(2, StmtKind::FunctionDef(Box::new(g))),
                st(4, StmtKind::Return(Some(name(4, "g")))),
            ],
            decorators: vec![],
            returns: None,
            is_async: false,
        };
        let code =
            compile_ast(vec![st(1, StmtKind::FunctionDef(Box::new(f)))], Mode::Exec).unwrap();
        validate(&code);
        let fcode = match &code.consts[0] {
            Value::Obj(o) => match &**o {
                PyObject::Code(c) => c.clone(),
                _ => panic!(),
            },
            _ => panic!(),
        };
        assert_eq!(fcode.argcount, 1);
        assert_eq!(fcode.cellvars.len(), 1);
        assert_eq!(fcode.cell2arg, vec![Some(0)]);
        assert_eq!(fcode.qualname.as_str(), "f");
        let text = disassemble(&code);
        assert!(text.contains("LoadClosure(0)"), "{}", text);
        assert!(text.contains("MakeFunction(8)"), "{}", text);
        assert!(text.contains("f.<locals>.g"), "{}", text);
        assert!(text.contains("LoadDeref(0)"), "{}", text);
    }

    #[test]
    fn hand_built_errors() {
        let r = compile_ast(vec![st(1, StmtKind::Break)], Mode::Exec);
        assert_eq!(r.unwrap_err().msg, "'break' outside loop");
        let r = compile_ast(vec![st(1, StmtKind::Return(None))], Mode::Exec);
        assert_eq!(r.unwrap_err().msg, "'return' outside function");
        let r = compile_ast(
            vec![st(1, StmtKind::Nonlocal(vec![String::from("x")]))],
            Mode::Exec,
        );
        assert_eq!(
            r.unwrap_err().msg,
            "nonlocal declaration not allowed at module level"
        );
    }

    const SNIPPETS: &[&str] = &[
        "x = 1\n",
        "a, *b, c = d\n[e, [f, g]] = h\n",
        "x += 1\nx.y //= 2\nx[1:2] **= 3\n",
        "del a, b.c, d[e], [f, g]\n",
        "if a: pass\nelif b: pass\nelse: pass\n",
        "while x:\n    if y: break\n    if z: continue\nelse:\n    w()\n",
        "while True:\n    pass\n",
        "for i in x:\n    for j in y:\n        break\n    else:\n        continue\n",
        "try:\n    a()\nexcept E as e:\n    b(e)\nexcept (F, G):\n    pass\nexcept:\n    raise\nelse:\n    c()\nfinally:\n    d()\n",
        "def f():\n    for x in y:\n        try:\n            return x\n        finally:\n            continue\n",
        "def f():\n    try:\n        pass\n    finally:\n        return 1\n",
        "def f():\n    while 1:\n        try:\n            break\n        except E as e:\n            return e\n",
        "def f():\n    try:\n        pass\n    except:\n        for x in y:\n            return x\n",
        "with a as b, c as (d, e):\n    f()\n",
        "def f():\n    with a:\n        for x in y:\n            with b:\n                return x\n",
        "async def f():\n    async with a as b:\n        async for x in b:\n            await x\n            continue\n        else:\n            return 1\n",
        "async def f():\n    return [x async for x in y if await x]\n",
        "async def f():\n    yield 1\n    return\n",
        "async def f():\n    g = (await x for x in y)\n    return {k: v async for k, v in z}\n",
        "def g():\n    x = yield\n    yield from x\n    return (yield x)\n",
        "lambda: (yield)\n",
        "f(a, *b, c=1, **d, e=2)\nf(*a)\nf(**k)\nf(x=1, **k)\n",
        "o.m(1, 2)\no.m(a, k=1)\no.m(*a)\no.m(**k)\n",
        "x = [1, *a, 2]\ny = (1, *a)\nz = {1, *a}\nw = {1: 2, **m, 3: 4}\nv = {**m}\n",
        "x = {a: b for a, b in c}\ny = {a for a in b if a if not a}\nz = [a for b in c for a in b]\n",
        "x = f'{a}{b!r}{c:>{w}.{p}}' f'plain'\n",
        "x = f'{a}'\ny = f''\n",
        "import a\nimport a.b.c\nimport a.b.c as d\nfrom . import x\nfrom .. m import y as z\nfrom m import *\n",
        "class C(A, *bs, metaclass=M, **kw):\n    x = 1\n    def f(self):\n        return super().f()\n",
        "class C:\n    __p = 1\n    def __m(self):\n        return self.__p + __q\n",
        "def f(a, b=1, /, c=2, *d, e, f=3, **g) -> int:\n    return a\n",
        "def f(a: int, *b: str, c: 'x' = 1, **d: float): pass\n",
        "@d1\n@d2(x)\ndef f(): pass\n@d\nclass C: pass\n",
        "def f():\n    x = 1\n    def g():\n        nonlocal x\n        x += 1\n        def h():\n            return x\n        return h\n    return g\n",
        "def f():\n    global g\n    g = 1\n    def h():\n        return g\n",
        "def f(x):\n    class C:\n        y = x\n        def m(self):\n            return x, __class__\n    return C\n",
        "x = 1 if a else 2\ny = a and b or c\nz = not a\n",
        "x = a < b < c < d\ny = a is not b\nz = a not in b\n",
        "assert x\nassert x, 'msg'\n",
        "raise\nraise E\nraise E from F\n",
        "x: int\ny: int = 2\nz.w: int = 3\n",
        "def f():\n    x: int = 1\n    y: str\n",
        "print((y := 10), [z := w for w in q])\n",
        "def f():\n    return [(t := i) for i in x], t\n",
        "x = a[1]\ny = a[1:2]\nz = a[::2]\nw = a[1:2, 3]\n",
        "x = -1\ny = 2 ** 100\nz = 1j\nw = -9223372036854775808\nv = 99999999999999999999999\n",
        "x = b'abc' + b'def'\ny = 'a' * 3\n",
        "match x:\n    case 1 | 2:\n        pass\n    case [a, b, *c]:\n        pass\n    case {'k': v, **r}:\n        pass\n    case P(a, b=c):\n        pass\n    case str() as s if s:\n        pass\n    case None:\n        pass\n    case _:\n        pass\n",
        "match x:\n    case (a, (b, c)):\n        pass\n    case [*_]:\n        pass\n    case {}:\n        pass\n",
        "def f():\n    match x:\n        case [1, y] if y > 0:\n            return y\n",
        "for x in y:\n    match x:\n        case 1:\n            break\n        case _:\n            continue\n",
        "def f(*, a): pass\ndef g(**k): pass\ndef h(*a): pass\n",
        "x = ...\ny = None\nz = True\n",
        "\"\"\"doc\"\"\"\nx = 1\n",
        "def f():\n    \"\"\"doc\"\"\"\n    return 1\n",
        "class C:\n    \"\"\"doc\"\"\"\n",
        "for a, b in c: pass\n",
        "try:\n    pass\nfinally:\n    pass\n",
        "def f():\n    try:\n        return 1\n    except E:\n        return 2\n    else:\n        return 3\n    finally:\n        print(4)\n",
        "x = [[i * j for j in range(i)] for i in range(5)]\n",
        "def f():\n    return lambda x, y=1, *a, k, **kw: (x, y, a, k, kw)\n",
        "x = 1 + 2 + 3 + a + 4 + 5\n",
        "x = (1, 2, (3, 4), 'a', None, True, 1.5, -2j)\n",
        "del x\ndef f():\n    x = 1\n    del x\n",
        "class A:\n    def f(self):\n        def g():\n            return __class__\n        return g\n",
        "def f(self):\n    return super().x\n",
        "class C:\n    def f(): return super()\n    def g(*a): return super()\n",
        "async def f():\n    async with a, b:\n        return 1\n",
        "def f():\n    with a:\n        try:\n            pass\n        finally:\n            return 2\n",
        "def f():\n    for x in y:\n        with a:\n            break\n",
    ];

    #[test]
    fn no_panic_corpus() {
        for src in SNIPPETS {
            for mode in [Mode::Exec, Mode::Single] {
                let text = if mode == Mode::Single {
                    format!("{}\n", src)
                } else {
                    String::from(*src)
                };
                let r = match compile_src(&text, mode) {
                    Some(r) => r,
                    None => return,
                };
                let code = r.unwrap_or_else(|e| panic!("{:?} compiling {:?}", e, src));
                validate(&code);
                assert!(
                    code.max_stack < 64,
                    "max_stack {} for {:?}",
                    code.max_stack,
                    src
                );
            }
        }
    }

    #[test]
    fn top_level_await() {
        let m = match try_parse("x = await f()\n", Mode::Exec) {
            Some(m) => m,
            None => return,
        };
        let mut it = Interner::new();
        assert_eq!(
            compile(&m, "t", Mode::Exec, &mut it).unwrap_err().msg,
            "'await' outside function"
        );
        let code = compile_with_options(&m, "t", Mode::Exec, &mut it, true).unwrap();
        assert!(code.flags & CO_COROUTINE != 0);
        validate(&code);
    }

    #[test]
    fn error_messages() {
        let cases: &[(&str, &str)] = &[
            (
                "def f():\n    x = 1\n    global x\n",
                "name 'x' is assigned to before global declaration",
            ),
            (
                "def f():\n    print(x)\n    global x\n",
                "name 'x' is used prior to global declaration",
            ),
            (
                "def f(x):\n    global x\n",
                "name 'x' is parameter and global",
            ),
            (
                "def f():\n    nonlocal x\n",
                "no binding for nonlocal 'x' found",
            ),
            (
                "nonlocal x\n",
                "nonlocal declaration not allowed at module level",
            ),
            ("return 1\n", "'return' outside function"),
            ("class C:\n    return 1\n", "'return' outside function"),
            ("yield 1\n", "'yield' outside function"),
            ("await x\n", "'await' outside function"),
            ("def f():\n    await x\n", "'await' outside async function"),
            ("break\n", "'break' outside loop"),
            ("continue\n", "'continue' not properly in loop"),
            (
                "for x in y:\n    def f():\n        break\n",
                "'break' outside loop",
            ),
            (
                "async def f():\n    yield 1\n    return 2\n",
                "'return' with value in async generator",
            ),
            ("f(a=1, a=2)\n", "keyword argument repeated: a"),
            (
                "def f():\n    from m import *\n",
                "import * only allowed at module level",
            ),
            (
                "try:\n    pass\nexcept:\n    pass\nexcept E:\n    pass\n",
                "default 'except:' must be last",
            ),
            (
                "a, *b, *c = d\n",
                "multiple starred expressions in assignment",
            ),
            (
                "def f():\n    async with a: pass\n",
                "'async with' outside async function",
            ),
            (
                "[(yield) for x in y]\n",
                "'yield' inside list comprehension",
            ),
            (
                "def f(a, a): pass\n",
                "duplicate argument 'a' in function definition",
            ),
        ];
        for (src, msg) in cases {
            if let Some(m) = err_msg(src) {
                assert_eq!(&m, msg, "for {:?}", src);
            }
        }
    }

    #[test]
    fn constant_folding() {
        let src = "x = -5\ny = 2 ** 10 - 1\nz = 'ab' + 'cd'\nw = (1, (2, -3))\nv = 7 // -2, 7 % -2\nu = 1 << 70\n";
        let code = match compile_src(src, Mode::Exec) {
            Some(r) => r.unwrap(),
            None => return,
        };
        assert!(code.instrs.contains(&Instr::LoadInt(-5)));
        assert!(code.instrs.contains(&Instr::LoadInt(1023)));
        assert!(!code
            .instrs
            .iter()
            .any(|i| matches!(i, Instr::BinaryOp(BinOp::Add) | Instr::BinaryOp(BinOp::Pow))));
        let text = disassemble(&code);
        assert!(text.contains("\"abcd\""), "{}", text);
        assert!(text.contains("(1, (2, -3))"), "{}", text);
        assert!(text.contains("(-4, -1)"), "{}", text);
        // 1 << 70 does not fit: left to run time.
        assert!(code.instrs.contains(&Instr::BinaryOp(BinOp::LShift)));
        // Constants are de-duplicated.
        let code = compile_src(
            "a = 'hello world'\nb = 'hello world'\nc = 1.5\nd = 1.5\n",
            Mode::Exec,
        )
        .unwrap()
        .unwrap();
        assert_eq!(code.consts.len(), 2);
    }

    #[test]
    fn eval_and_single_modes() {
        let code = match compile_src("1 + x\n", Mode::Eval) {
            Some(r) => r.unwrap(),
            None => return,
        };
        assert_eq!(
            code.instrs,
            vec![
                Instr::LoadInt(1),
                Instr::LoadName(0),
                Instr::BinaryOp(BinOp::Add),
                Instr::ReturnValue
            ]
        );
        let code = compile_src("x\nfor i in y:\n    i\n\n", Mode::Single)
            .unwrap()
            .unwrap();
        assert_eq!(
            code.instrs
                .iter()
                .filter(|i| **i == Instr::PrintExpr)
                .count(),
            2
        );
    }

    #[test]
    fn exception_handler_shape() {
        let text = match dis("try:\n    f()\nexcept E as e:\n    g()\n") {
            Some(t) => t,
            None => return,
        };
        let seq = [
            "SetupExcept",
            "CheckExcMatch",
            "PopJumpIfFalse",
            "StoreName",
            "SetupFinally",
            "PopBlock",
            "PopExcept",
            "DeleteName",
            "Reraise",
        ];
        let mut pos = 0;
        for s in seq {
            pos = text[pos..]
                .find(s)
                .map(|p| p + pos)
                .unwrap_or_else(|| panic!("{} missing in\n{}", s, text));
        }
    }

    #[test]
    fn star_call_shapes() {
        let code = match compile_src("f(*a, k=1)\n", Mode::Exec) {
            Some(r) => r.unwrap(),
            None => return,
        };
        let tail: Vec<Instr> = code.instrs[4..].to_vec();
        assert_eq!(
            &tail[..5],
            &[
                Instr::ListToTuple,
                Instr::LoadConst(0),
                Instr::LoadInt(1),
                Instr::BuildMap(1),
                Instr::CallEx(1)
            ]
        );
        let code = compile_src("f(**m)\n", Mode::Exec).unwrap().unwrap();
        assert!(code
            .instrs
            .windows(3)
            .any(|w| w == [Instr::BuildMap(0), Instr::LoadName(1), Instr::DictMerge(1)]));
        let code = compile_src("o.m(*a)\n", Mode::Exec).unwrap().unwrap();
        assert!(code.instrs.contains(&Instr::LoadAttr(1)));
        assert!(code.instrs.contains(&Instr::CallEx(0)));
    }

    #[test]
    fn line_table_points_at_call() {
        let code = match compile_src("x = 1\ny = f(\n  a,\n  b)\n", Mode::Exec) {
            Some(r) => r.unwrap(),
            None => return,
        };
        let call = code
            .instrs
            .iter()
            .position(|i| matches!(i, Instr::Call(2)))
            .unwrap();
        assert_eq!(code.line_for(call), 2);
        assert_eq!(code.line_for(0), 1);
    }

    #[test]
    fn long_chains_do_not_overflow() {
        let mut src = String::from("x = a");
        for _ in 0..900 {
            src.push_str(" + 1");
        }
        src.push('\n');
        if let Ok(m) = parse(&src, Mode::Exec) {
            let mut it = Interner::new();
            validate(&compile(&m, "t", Mode::Exec, &mut it).unwrap());
        }
    }

    /// Stress: `STRESS_DIR=/usr/lib/python3.11 cargo test stress_dir -- --ignored --nocapture`.
    #[test]
    #[ignore]
    fn stress_dir() {
        let dir = match std::env::var("STRESS_DIR") {
            Ok(d) => d,
            Err(_) => return,
        };
        let mut stack = vec![std::path::PathBuf::from(dir)];
        let (mut ok, mut perr, mut cerr) = (0, 0, 0);
        while let Some(p) = stack.pop() {
            let rd = match std::fs::read_dir(&p) {
                Ok(r) => r,
                Err(_) => continue,
            };
            for ent in rd.flatten() {
                let path = ent.path();
                if path.is_dir() {
                    stack.push(path);
                } else if path.extension().map(|e| e == "py").unwrap_or(false) {
                    let src = match std::fs::read_to_string(&path) {
                        Ok(s) => s,
                        Err(_) => continue,
                    };
                    let m = match parse(&src, Mode::Exec) {
                        Ok(m) => m,
                        Err(_) => {
                            perr += 1;
                            continue;
                        }
                    };
                    let mut it = Interner::new();
                    match compile(&m, "x", Mode::Exec, &mut it) {
                        Ok(c) => {
                            validate(&c);
                            ok += 1;
                        }
                        Err(e) => {
                            cerr += 1;
                            std::println!("{}: {:?}", path.display(), e);
                        }
                    }
                }
            }
        }
        std::println!("ok {} parse errors {} compile errors {}", ok, perr, cerr);
    }

    /// Debug helper: `DIS_SRC='...' cargo test print_dis -- --nocapture` prints a disassembly.
    #[test]
    fn print_dis() {
        if let Ok(src) = std::env::var("DIS_SRC") {
            if let Some(d) = dis(&src) {
                std::println!("{}", d);
            }
        }
    }
}
