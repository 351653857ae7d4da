//! The `marshal` module: `dumps(value)` and `loads(bytes)`.
//!
//! Values (None, bools, Ellipsis, ints of any size, floats, complex, str, bytes, tuples, lists,
//! dicts, sets and frozensets) use CPython's marshal format (version 4, written without
//! back-references), so CPython can read what we write and we read what CPython writes,
//! back-references (`FLAG_REF`/`r`) included. Code objects use our own layout under the `c` type
//! code (a format byte first), since CPython's describes CPython's bytecode: a code object that
//! goes through `dumps`/`loads` runs again (`types.FunctionType(code, globals)`, `exec(code)`),
//! nested and closure code included. Unlike MicroPython, which refuses code with child functions,
//! we marshal them as CPython does.
//!
//! `loads` never trusts its input: every length is checked against the data left, every index
//! in loaded code against its tables, and errors are CPython's (`EOFError: marshal data too
//! short`, `ValueError: bad marshal data (...)`).

use alloc::format;
use alloc::rc::Rc;
use alloc::vec::Vec;
use core::cell::RefCell;

use num_bigint::{BigInt, BigUint, Sign};

use crate::ast::{BinOp, CmpOp};
use crate::code::{Code, CodeCaches};
use crate::code::{CO_ASYNC_GENERATOR, CO_COROUTINE, CO_GENERATOR, CO_VARARGS, CO_VARKEYWORDS};
use crate::exceptions::ExcKind;
use crate::objset::Set;
use crate::opcode::{Instr, OperandRef};
use crate::value::{Obj, PyObject, Str, Value};
use crate::vm::Vm;
use crate::{PyErr, PyResult};

/// How deep values may nest (CPython allows 2000; we stay lower to keep the Rust stack small on
/// boards and in wasm).
const MAX_DEPTH: usize = 400;
/// The version byte that follows the `c` type code of our code objects.
const CODE_FORMAT: u8 = 1;
/// CPython's flag on a type code: the object is remembered for later `r` references.
const FLAG_REF: u8 = 0x80;
/// Code flags a loaded code object may carry (see `code::CO_*`).
const KNOWN_FLAGS: u32 = 127;
/// Largest count operand accepted in loaded code (argument counts, sizes of built sequences).
const MAX_OPERAND: u32 = 1 << 24;

// ----- instruction encoding ----------------------------------------------------------------------

macro_rules! opcodes {
    (plain: [$($p:ident),* $(,)?], arg: [$($a:ident),* $(,)?] $(,)?) => {
        /// Instructions without an operand, numbered by position.
        const PLAIN: &[Instr] = &[$(Instr::$p),*];
        /// Instructions with a u32 operand, numbered by position from `ARG_BASE`.
        const WITH_ARG: &[fn(u32) -> Instr] = &[$(Instr::$a),*];
        /// The u32 operand of an instruction that has one.
        fn arg_of(i: &Instr) -> Option<u32> {
            match *i {
                $(Instr::$a(x))|* => Some(x),
                _ => None,
            }
        }
    };
}

opcodes! {
    plain: [
        Nop, LoadNone, UnaryNeg, UnaryPos, UnaryInvert, UnaryNot, BinarySubscr, StoreSubscr,
        DeleteSubscr, ListToTuple, GetIter, ReturnValue, YieldValue, YieldFrom, GetYieldFromIter,
        GetAwaitable, GetAIter, GetANext, EndAsyncFor, PopTop, DupTop, DupTopTwo, RotTwo,
        RotThree, RotFour, Reraise, PopBlock, PopExcept, CheckExcMatch, BeforeWith,
        BeforeAsyncWith, WithExceptStart, WithCallExitNone, LoadBuildClass, ImportStar,
        SetupAnnotations, PrintExpr, LoadAssertionError, GetLen, MatchMapping, MatchSequence,
        MatchKeys, CopyDictWithoutKeys,
    ],
    arg: [
        LoadConst, LoadFast, StoreFast, DeleteFast, LoadDeref, StoreDeref, DeleteDeref,
        LoadClosure, LoadClassDeref, LoadGlobal, StoreGlobal, DeleteGlobal, LoadName, StoreName,
        DeleteName, LoadAttr, StoreAttr, DeleteAttr, LoadMethod, CallMethod, CallMethodKw,
        BuildSlice, BuildTuple, BuildList, BuildSet, BuildMap, BuildString, ListAppend, SetAdd,
        MapAdd, ListExtend, SetUpdate, DictUpdate, DictMerge, UnpackSequence, UnpackEx,
        FormatValue, Jump, PopJumpIfFalse, PopJumpIfTrue, JumpIfFalseOrPop, JumpIfTrueOrPop,
        ForIter, Call, CallKw, CallEx, MakeFunction, Raise, SetupExcept, SetupFinally, SetupWith,
        ImportName, ImportFrom, MatchClass,
    ],
}

/// First opcode of the instructions with a u32 operand.
const ARG_BASE: u8 = 64;
/// `LoadBool(false)`; `LoadBool(true)` is one more.
const OP_LOAD_BOOL: u8 = 200;
/// `LoadInt(i32)`.
const OP_LOAD_INT: u8 = 202;
/// `BinaryOp(op)`, operator byte after.
const OP_BINARY: u8 = 203;
/// `InplaceOp(op)`, operator byte after.
const OP_INPLACE: u8 = 204;
/// `Compare(op)`, operator byte after.
const OP_COMPARE: u8 = 205;

/// Binary operators by their `repr(u8)` value.
const BINOPS: [BinOp; 13] = [
    BinOp::Add,
    BinOp::Sub,
    BinOp::Mult,
    BinOp::MatMult,
    BinOp::Div,
    BinOp::Mod,
    BinOp::Pow,
    BinOp::LShift,
    BinOp::RShift,
    BinOp::BitOr,
    BinOp::BitXor,
    BinOp::BitAnd,
    BinOp::FloorDiv,
];

/// Comparison operators by their `repr(u8)` value.
const CMPOPS: [CmpOp; 10] = [
    CmpOp::Eq,
    CmpOp::NotEq,
    CmpOp::Lt,
    CmpOp::LtE,
    CmpOp::Gt,
    CmpOp::GtE,
    CmpOp::Is,
    CmpOp::IsNot,
    CmpOp::In,
    CmpOp::NotIn,
];

/// Append one instruction; false if the instruction set has grown past this table.
fn encode_instr(ins: &Instr, out: &mut Vec<u8>) -> bool {
    match *ins {
        Instr::LoadBool(b) => out.push(OP_LOAD_BOOL + b as u8),
        Instr::LoadInt(i) => {
            out.push(OP_LOAD_INT);
            out.extend_from_slice(&i.to_le_bytes());
        }
        Instr::BinaryOp(op) => out.extend_from_slice(&[OP_BINARY, op as u8]),
        Instr::InplaceOp(op) => out.extend_from_slice(&[OP_INPLACE, op as u8]),
        Instr::Compare(op) => out.extend_from_slice(&[OP_COMPARE, op as u8]),
        _ => {
            if let Some(a) = arg_of(ins) {
                let Some(k) = WITH_ARG.iter().position(|f| f(a) == *ins) else {
                    return false;
                };
                out.push(ARG_BASE + k as u8);
                out.extend_from_slice(&a.to_le_bytes());
            } else {
                let Some(k) = PLAIN.iter().position(|p| p == ins) else {
                    return false;
                };
                out.push(k as u8);
            }
        }
    }
    true
}

// ----- dumps -------------------------------------------------------------------------------------

struct Writer {
    out: Vec<u8>,
    depth: usize,
}

impl Writer {
    fn u8(&mut self, b: u8) {
        self.out.push(b);
    }
    fn u32(&mut self, n: u32) {
        self.out.extend_from_slice(&n.to_le_bytes());
    }
    fn i32(&mut self, n: i32) {
        self.out.extend_from_slice(&n.to_le_bytes());
    }
    fn f64(&mut self, x: f64) {
        self.out.extend_from_slice(&x.to_le_bytes());
    }
    /// A length: CPython's marshal stores sizes as 32-bit signed numbers.
    fn len(&mut self, vm: &mut Vm, n: usize) -> PyResult<()> {
        if n > i32::MAX as usize {
            return Err(vm.value_error("unmarshallable object"));
        }
        self.u32(n as u32);
        Ok(())
    }
    fn raw_str(&mut self, vm: &mut Vm, s: &str) -> PyResult<()> {
        self.len(vm, s.len())?;
        self.out.extend_from_slice(s.as_bytes());
        Ok(())
    }
    fn str_obj(&mut self, vm: &mut Vm, s: &str) -> PyResult<()> {
        if s.is_ascii() && s.len() < 256 {
            self.u8(b'z');
            self.u8(s.len() as u8);
            self.out.extend_from_slice(s.as_bytes());
            Ok(())
        } else {
            self.u8(b'u');
            self.raw_str(vm, s)
        }
    }
    fn bigint(&mut self, vm: &mut Vm, b: &BigInt) -> PyResult<()> {
        let mut digits: Vec<u16> = Vec::new();
        let mag = b.magnitude();
        let bits = mag.bits();
        let words = mag.to_u32_digits();
        let mut pos = 0u64;
        while pos < bits {
            let w = (pos / 32) as usize;
            let off = (pos % 32) as u32;
            let lo = words.get(w).copied().unwrap_or(0) as u64;
            let hi = words.get(w + 1).copied().unwrap_or(0) as u64;
            let both = lo | (hi << 32);
            digits.push(((both >> off) & 0x7fff) as u16);
            pos += 15;
        }
        while digits.last() == Some(&0) {
            digits.pop();
        }
        if digits.len() > i32::MAX as usize {
            return Err(vm.value_error("unmarshallable object"));
        }
        self.u8(b'l');
        let n = digits.len() as i32;
        self.i32(if b.sign() == Sign::Minus { -n } else { n });
        for d in digits {
            self.out.extend_from_slice(&d.to_le_bytes());
        }
        Ok(())
    }

    fn value(&mut self, vm: &mut Vm, v: &Value) -> PyResult<()> {
        match v {
            Value::None => self.u8(b'N'),
            Value::Ellipsis => self.u8(b'.'),
            Value::Bool(b) => self.u8(if *b { b'T' } else { b'F' }),
            Value::Int(i) => match i32::try_from(*i) {
                Ok(small) => {
                    self.u8(b'i');
                    self.i32(small);
                }
                Err(_) => self.bigint(vm, &BigInt::from(*i))?,
            },
            Value::Float(x) => {
                self.u8(b'g');
                self.f64(*x);
            }
            Value::Str(s) => self.str_obj(vm, s.as_str())?,
            Value::NotImplemented => return Err(vm.value_error("unmarshallable object")),
            Value::Obj(o) => self.object(vm, o)?,
        }
        Ok(())
    }

    fn object(&mut self, vm: &mut Vm, o: &Obj) -> PyResult<()> {
        if self.depth >= MAX_DEPTH {
            return Err(vm.value_error("object too deeply nested to marshal"));
        }
        self.depth += 1;
        let r = self.object_inner(vm, o);
        self.depth -= 1;
        r
    }

    fn seq(&mut self, vm: &mut Vm, items: &[Value]) -> PyResult<()> {
        for it in items {
            self.value(vm, it)?;
        }
        Ok(())
    }

    fn object_inner(&mut self, vm: &mut Vm, o: &Obj) -> PyResult<()> {
        if Rc::ptr_eq(o, &vm.exc_type(ExcKind::StopIteration)) {
            self.u8(b'S');
            return Ok(());
        }
        match &**o {
            PyObject::BigInt(b) => self.bigint(vm, b),
            PyObject::Complex(re, im) => {
                self.u8(b'y');
                self.f64(*re);
                self.f64(*im);
                Ok(())
            }
            PyObject::Bytes(b) => {
                self.u8(b's');
                self.len(vm, b.len())?;
                self.out.extend_from_slice(b);
                Ok(())
            }
            PyObject::ByteArray(b) => {
                let data = b.borrow().clone();
                self.u8(b's');
                self.len(vm, data.len())?;
                self.out.extend_from_slice(&data);
                Ok(())
            }
            PyObject::Tuple(items) => {
                if items.len() < 256 {
                    self.u8(b')');
                    self.u8(items.len() as u8);
                } else {
                    self.u8(b'(');
                    self.len(vm, items.len())?;
                }
                self.seq(vm, items)
            }
            PyObject::List(l) => {
                let items = l.borrow().clone();
                self.u8(b'[');
                self.len(vm, items.len())?;
                self.seq(vm, &items)
            }
            PyObject::Dict(d) => {
                let items = d.borrow().items();
                self.u8(b'{');
                for (k, v) in &items {
                    self.value(vm, k)?;
                    self.value(vm, v)?;
                }
                self.u8(b'0');
                Ok(())
            }
            PyObject::Set(s) => {
                let items = s.borrow().items();
                self.u8(b'<');
                self.len(vm, items.len())?;
                self.seq(vm, &items)
            }
            PyObject::FrozenSet(s) => {
                let items = s.items();
                self.u8(b'>');
                self.len(vm, items.len())?;
                self.seq(vm, &items)
            }
            PyObject::Code(c) => self.code(vm, c),
            PyObject::Native(_) => match crate::objmemoryview::buffer_bytes(&Value::Obj(o.clone()))
            {
                Some(data) => {
                    self.u8(b's');
                    self.len(vm, data.len())?;
                    self.out.extend_from_slice(&data);
                    Ok(())
                }
                None => Err(vm.value_error("unmarshallable object")),
            },
            _ => Err(vm.value_error("unmarshallable object")),
        }
    }

    fn names(&mut self, vm: &mut Vm, names: &[Str]) -> PyResult<()> {
        self.len(vm, names.len())?;
        for n in names {
            self.raw_str(vm, n.as_str())?;
        }
        Ok(())
    }

    fn code(&mut self, vm: &mut Vm, c: &Code) -> PyResult<()> {
        self.u8(b'c');
        self.u8(CODE_FORMAT);
        self.raw_str(vm, c.name.as_str())?;
        self.raw_str(vm, c.qualname.as_str())?;
        self.raw_str(vm, c.filename.as_str())?;
        for n in [
            c.firstlineno,
            c.flags,
            c.argcount,
            c.posonlyargcount,
            c.kwonlyargcount,
            c.max_stack,
        ] {
            self.u32(n);
        }
        self.names(vm, &c.varnames)?;
        self.names(vm, &c.cellvars)?;
        for a in &c.cell2arg {
            self.u32(a.unwrap_or(u32::MAX));
        }
        self.names(vm, &c.freevars)?;
        self.names(vm, &c.names)?;
        self.len(vm, c.consts.len())?;
        self.seq(vm, &c.consts)?;
        match &c.doc {
            Some(d) => {
                self.u8(1);
                self.value(vm, d)?;
            }
            None => self.u8(0),
        }
        self.len(vm, c.instrs.len())?;
        for ins in &c.instrs {
            if !encode_instr(&ins.plain(), &mut self.out) {
                return Err(vm.value_error("unmarshallable object"));
            }
        }
        self.len(vm, c.lines.len())?;
        for &(i, l) in &c.lines {
            self.u32(i);
            self.u32(l);
        }
        Ok(())
    }
}

/// Marshal a value into bytes (`marshal.dumps`).
pub fn dumps_value(vm: &mut Vm, v: &Value) -> PyResult<Vec<u8>> {
    let mut w = Writer {
        out: Vec::new(),
        depth: 0,
    };
    w.value(vm, v)?;
    Ok(w.out)
}

// ----- loads -------------------------------------------------------------------------------------

struct Reader<'a> {
    data: &'a [u8],
    pos: usize,
    depth: usize,
    /// Objects remembered by `FLAG_REF` (None while a container is being filled).
    refs: Vec<Option<Value>>,
}

/// What went wrong while reading: turned into CPython's exception at the end.
enum Bad {
    /// Ran out of data.
    Eof,
    /// Ran out of data where a type code was due.
    EofObject,
    /// Malformed data, with CPython's detail text.
    Data(&'static str),
    /// A Python exception raised while building a value (e.g. an unhashable dict key).
    Py(PyErr),
}

type RResult<T> = Result<T, Bad>;

impl From<PyErr> for Bad {
    fn from(e: PyErr) -> Bad {
        Bad::Py(e)
    }
}

impl<'a> Reader<'a> {
    fn take(&mut self, n: usize) -> RResult<&'a [u8]> {
        let end = self.pos.checked_add(n).ok_or(Bad::Eof)?;
        let s = self.data.get(self.pos..end).ok_or(Bad::Eof)?;
        self.pos = end;
        Ok(s)
    }
    fn u8(&mut self) -> RResult<u8> {
        Ok(self.take(1)?[0])
    }
    fn u32(&mut self) -> RResult<u32> {
        let b = self.take(4)?;
        Ok(u32::from_le_bytes([b[0], b[1], b[2], b[3]]))
    }
    fn i32(&mut self) -> RResult<i32> {
        Ok(self.u32()? as i32)
    }
    fn f64(&mut self) -> RResult<f64> {
        let b = self.take(8)?;
        let mut a = [0u8; 8];
        a.copy_from_slice(b);
        Ok(f64::from_le_bytes(a))
    }
    /// A 32-bit size that must not be negative.
    fn size(&mut self, what: &'static str) -> RResult<usize> {
        let n = self.i32()?;
        if n < 0 {
            return Err(Bad::Data(what));
        }
        Ok(n as usize)
    }
    /// A count of items (each takes at least one byte, so vectors are reserved for no more
    /// than the data left: a forged count cannot make us reserve a huge vector).
    fn count(&mut self, what: &'static str) -> RResult<usize> {
        self.size(what)
    }
    /// The capacity to reserve for `n` items.
    fn cap(&self, n: usize) -> usize {
        n.min(self.data.len().saturating_sub(self.pos))
    }
    fn text(&mut self, n: usize) -> RResult<&'a str> {
        let b = self.take(n)?;
        core::str::from_utf8(b).map_err(|_| Bad::Data("bad marshal data (invalid utf-8)"))
    }
    fn raw_str(&mut self) -> RResult<&'a str> {
        let n = self.size("bad marshal data (string size out of range)")?;
        self.text(n)
    }

    fn value(&mut self, vm: &mut Vm) -> RResult<Value> {
        if self.depth >= MAX_DEPTH {
            return Err(Bad::Data("recursion limit exceeded"));
        }
        self.depth += 1;
        let r = self.value_inner(vm);
        self.depth -= 1;
        r
    }

    /// Remember `v` if the type code asked for it.
    fn keep(&mut self, flag: bool, v: Value) -> Value {
        if flag {
            self.refs.push(Some(v.clone()));
        }
        v
    }

    /// Reserve a reference slot for a container built after its items.
    fn reserve(&mut self, flag: bool) -> Option<usize> {
        flag.then(|| {
            self.refs.push(None);
            self.refs.len() - 1
        })
    }

    fn fill(&mut self, slot: Option<usize>, v: &Value) {
        if let Some(r) = slot.and_then(|i| self.refs.get_mut(i)) {
            *r = Some(v.clone());
        }
    }

    fn value_inner(&mut self, vm: &mut Vm) -> RResult<Value> {
        let code = self.u8().map_err(|_| Bad::EofObject)?;
        let flag = code & FLAG_REF != 0;
        let v = match code & !FLAG_REF {
            b'0' => {
                let e = vm.type_error("NULL object in marshal data for object");
                return Err(Bad::Py(e));
            }
            b'N' => Value::None,
            b'F' => Value::Bool(false),
            b'T' => Value::Bool(true),
            b'.' => Value::Ellipsis,
            b'S' => {
                let cls = vm.exc_type(ExcKind::StopIteration);
                self.keep(flag, Value::Obj(cls))
            }
            b'i' => {
                let n = self.i32()?;
                self.keep(flag, Value::Int(n as i64))
            }
            b'l' => {
                let v = self.long()?;
                self.keep(flag, v)
            }
            b'g' => {
                let x = self.f64()?;
                self.keep(flag, Value::Float(x))
            }
            b'y' => {
                let re = self.f64()?;
                let im = self.f64()?;
                self.keep(flag, Value::complex(re, im))
            }
            b'f' | b'x' => {
                let re = self.ascii_float()?;
                let v = if code & !FLAG_REF == b'x' {
                    let im = self.ascii_float()?;
                    Value::complex(re, im)
                } else {
                    Value::Float(re)
                };
                self.keep(flag, v)
            }
            b's' => {
                let n = self.size("bad marshal data (bytes object size out of range)")?;
                let b = self.take(n)?;
                self.keep(flag, Value::bytes(b))
            }
            b'u' | b't' | b'a' | b'A' => {
                let n = self.size("bad marshal data (string size out of range)")?;
                let s = self.text(n)?;
                let v = str_value(vm, s);
                self.keep(flag, v)
            }
            b'z' | b'Z' => {
                let n = self.u8()? as usize;
                let s = self.text(n)?;
                let v = str_value(vm, s);
                self.keep(flag, v)
            }
            b')' | b'(' => {
                let n = if code & !FLAG_REF == b')' {
                    self.u8()? as usize
                } else {
                    self.count("bad marshal data (tuple size out of range)")?
                };
                let slot = self.reserve(flag);
                let mut items = Vec::with_capacity(self.cap(n));
                for _ in 0..n {
                    items.push(self.value(vm)?);
                }
                let t = vm.new_tuple(items);
                self.fill(slot, &t);
                t
            }
            b'[' => {
                let n = self.count("bad marshal data (list size out of range)")?;
                let list = vm.new_list(Vec::with_capacity(self.cap(n)));
                let list = self.keep(flag, list);
                for _ in 0..n {
                    let it = self.value(vm)?;
                    if let Value::Obj(o) = &list {
                        if let PyObject::List(l) = &**o {
                            l.borrow_mut().push(it);
                        }
                    }
                }
                list
            }
            b'{' => {
                let d = vm.new_dict(crate::dict::Dict::new());
                let d = self.keep(flag, d);
                loop {
                    if self.data.get(self.pos) == Some(&b'0') {
                        self.pos += 1;
                        break;
                    }
                    let k = self.value(vm)?;
                    let v = self.value(vm)?;
                    vm.setitem(&d, &k, v)?;
                }
                d
            }
            b'<' | b'>' => {
                let n = self.count("bad marshal data (set size out of range)")?;
                let frozen = code & !FLAG_REF == b'>';
                if frozen {
                    let slot = self.reserve(flag);
                    let cell = RefCell::new(Set::new());
                    for _ in 0..n {
                        let it = self.value(vm)?;
                        crate::objset::set_add(vm, &cell, it)?;
                    }
                    let v = crate::objset::make_set(vm, true, cell.into_inner());
                    self.fill(slot, &v);
                    v
                } else {
                    let s = vm.new_set(Set::new());
                    let s = self.keep(flag, s);
                    for _ in 0..n {
                        let it = self.value(vm)?;
                        if let Value::Obj(o) = &s {
                            if let PyObject::Set(cell) = &**o {
                                crate::objset::set_add(vm, cell, it)?;
                            }
                        }
                    }
                    s
                }
            }
            b'r' => {
                let i = self.u32()? as usize;
                match self.refs.get(i) {
                    Some(Some(v)) => v.clone(),
                    _ => return Err(Bad::Data("bad marshal data (invalid reference)")),
                }
            }
            b'c' => {
                let c = self.code(vm)?;
                Value::Obj(Rc::new(PyObject::Code(Rc::new(c))))
            }
            _ => return Err(Bad::Data("bad marshal data (unknown type code)")),
        };
        Ok(v)
    }

    /// The `f`/`x` float: a one-byte length and the decimal text.
    fn ascii_float(&mut self) -> RResult<f64> {
        let n = self.u8()? as usize;
        let s = self.text(n)?;
        s.trim()
            .parse::<f64>()
            .map_err(|_| Bad::Data("bad marshal data (invalid float)"))
    }

    /// CPython's `l`: a signed count of 15-bit digits, least significant first.
    fn long(&mut self) -> RResult<Value> {
        let n = self.i32()?;
        let count = n.unsigned_abs() as usize;
        if count > (self.data.len() - self.pos) / 2 {
            return Err(Bad::Eof);
        }
        let mut words: Vec<u32> = alloc::vec![0; (count * 15).div_ceil(32) + 1];
        let mut last = 0u16;
        for k in 0..count {
            let b = self.take(2)?;
            let d = u16::from_le_bytes([b[0], b[1]]);
            if d > 0x7fff {
                return Err(Bad::Data("bad marshal data (digit out of range in long)"));
            }
            let bit = k * 15;
            let (w, off) = (bit / 32, (bit % 32) as u32);
            let wide = (d as u64) << off;
            if let Some(x) = words.get_mut(w) {
                *x |= wide as u32;
            }
            if let Some(x) = words.get_mut(w + 1) {
                *x |= (wide >> 32) as u32;
            }
            last = d;
        }
        if count > 0 && last == 0 {
            return Err(Bad::Data("bad marshal data (unnormalized long data)"));
        }
        let mag = BigUint::new(words);
        let sign = if n < 0 { Sign::Minus } else { Sign::Plus };
        Ok(Value::from_bigint(BigInt::from_biguint(sign, mag)))
    }

    fn names(&mut self, vm: &mut Vm) -> RResult<Vec<Str>> {
        let n = self.count("bad marshal data (name count out of range)")?;
        let mut out = Vec::with_capacity(self.cap(n));
        for _ in 0..n {
            let s = self.raw_str()?;
            out.push(vm.intern(s));
        }
        Ok(out)
    }

    fn code(&mut self, vm: &mut Vm) -> RResult<Code> {
        const BAD: Bad = Bad::Data("bad marshal data (invalid code object)");
        if self.u8()? != CODE_FORMAT {
            return Err(BAD);
        }
        let name = vm.intern(self.raw_str()?);
        let qualname = vm.intern(self.raw_str()?);
        let filename = vm.intern(self.raw_str()?);
        let firstlineno = self.u32()?;
        let flags = self.u32()?;
        let argcount = self.u32()?;
        let posonlyargcount = self.u32()?;
        let kwonlyargcount = self.u32()?;
        let max_stack = self.u32()?;
        let varnames = self.names(vm)?;
        let cellvars = self.names(vm)?;
        let mut cell2arg = Vec::with_capacity(self.cap(cellvars.len()));
        for _ in 0..cellvars.len() {
            let a = self.u32()?;
            cell2arg.push((a != u32::MAX).then_some(a));
        }
        let freevars = self.names(vm)?;
        let names = self.names(vm)?;
        let nconsts = self.count("bad marshal data (const count out of range)")?;
        let mut consts = Vec::with_capacity(self.cap(nconsts));
        for _ in 0..nconsts {
            consts.push(self.value(vm)?);
        }
        let doc = match self.u8()? {
            0 => None,
            1 => Some(self.value(vm)?),
            _ => return Err(BAD),
        };
        let ninstrs = self.count("bad marshal data (code size out of range)")?;
        let mut instrs = Vec::with_capacity(self.cap(ninstrs));
        for _ in 0..ninstrs {
            instrs.push(self.instr()?);
        }
        let nlines = self.count("bad marshal data (line table size out of range)")?;
        let mut lines = Vec::with_capacity(self.cap(nlines));
        for _ in 0..nlines {
            let i = self.u32()?;
            let l = self.u32()?;
            lines.push((i, l));
        }
        let simple_call = flags
            & (CO_VARARGS | CO_VARKEYWORDS | CO_GENERATOR | CO_COROUTINE | CO_ASYNC_GENERATOR)
            == 0
            && kwonlyargcount == 0
            && cellvars.is_empty()
            && freevars.is_empty();
        let caches = CodeCaches::new(names.len());
        let code = Code {
            name,
            qualname,
            filename,
            firstlineno,
            flags,
            argcount,
            posonlyargcount,
            kwonlyargcount,
            varnames,
            cellvars,
            cell2arg,
            freevars,
            names,
            consts,
            instrs,
            lines,
            max_stack,
            doc,
            caches,
            simple_call,
        };
        if !valid_code(&code) {
            return Err(BAD);
        }
        let mut code = code;
        crate::opcode::fuse(&mut code.instrs);
        Ok(code)
    }

    fn instr(&mut self) -> RResult<Instr> {
        const BAD: Bad = Bad::Data("bad marshal data (invalid instruction)");
        let op = self.u8()?;
        let ins = match op {
            OP_LOAD_BOOL => Instr::LoadBool(false),
            x if x == OP_LOAD_BOOL + 1 => Instr::LoadBool(true),
            OP_LOAD_INT => Instr::LoadInt(self.i32()?),
            OP_BINARY | OP_INPLACE => {
                let k = self.u8()? as usize;
                let b = *BINOPS.get(k).ok_or(BAD)?;
                if op == OP_BINARY {
                    Instr::BinaryOp(b)
                } else {
                    Instr::InplaceOp(b)
                }
            }
            OP_COMPARE => {
                let k = self.u8()? as usize;
                Instr::Compare(*CMPOPS.get(k).ok_or(BAD)?)
            }
            x if x >= ARG_BASE => {
                let f = WITH_ARG.get((x - ARG_BASE) as usize).ok_or(BAD)?;
                f(self.u32()?)
            }
            x => *PLAIN.get(x as usize).ok_or(BAD)?,
        };
        Ok(ins)
    }
}

/// A str value; identifier-like text is interned, as the compiler does for names.
fn str_value(vm: &mut Vm, s: &str) -> Value {
    let ident =
        !s.is_empty() && s.len() <= 64 && s.bytes().all(|b| b.is_ascii_alphanumeric() || b == b'_');
    if ident {
        Value::Str(vm.intern(s))
    } else {
        Value::str(s)
    }
}

/// Check a loaded code object against its own tables, so that running it cannot index out of
/// range: operands in range, jump targets inside the code, keyword-call name tuples where the
/// call expects them, sane counts.
fn valid_code(c: &Code) -> bool {
    let n = c.instrs.len();
    let nlocals = c.varnames.len();
    let extra = (c.flags & CO_VARARGS != 0) as usize + (c.flags & CO_VARKEYWORDS != 0) as usize;
    if n == 0
        || c.flags & !KNOWN_FLAGS != 0
        || c.posonlyargcount > c.argcount
        || (c.argcount as usize)
            .saturating_add(c.kwonlyargcount as usize)
            .saturating_add(extra)
            > nlocals
        || c.cell2arg.iter().flatten().any(|&a| a as usize >= nlocals)
    {
        return false;
    }
    // An upper bound of the stack any instruction sequence of this length can build.
    let mut stack_bound: u64 = 16;
    let mut targets = alloc::vec![false; n];
    for ins in &c.instrs {
        if let Some(t) = ins.jump_target() {
            match targets.get_mut(t as usize) {
                Some(x) => *x = true,
                None => return false,
            }
        }
        stack_bound += match *ins {
            Instr::UnpackSequence(k) => k as u64,
            Instr::UnpackEx(k) => (k & 0xff) as u64 + (k >> 8) as u64 + 1,
            _ => 2,
        };
    }
    if c.max_stack as u64 > stack_bound {
        return false;
    }
    let ncells = c.ncells();
    let in_range = |i: u32, len: usize| (i as usize) < len;
    for (ip, ins) in c.instrs.iter().enumerate() {
        let ok = match ins.operand_ref() {
            OperandRef::Const(i) => in_range(i, c.consts.len()),
            OperandRef::Local(i) => in_range(i, nlocals),
            OperandRef::Cell(i) => in_range(i, ncells),
            OperandRef::NameCell(n, cell) => in_range(n, c.names.len()) && in_range(cell, ncells),
            OperandRef::Name(i) => in_range(i, c.names.len()),
            OperandRef::Other => match *ins {
                Instr::BuildSlice(k) => k == 2 || k == 3,
                Instr::Raise(k) => k <= 2,
                Instr::CallKw(k) | Instr::CallMethodKw(k) => {
                    // The keyword names are always the constant pushed just before the call; the
                    // call's own operand counts them among its arguments.
                    k < MAX_OPERAND
                        && !targets.get(ip).copied().unwrap_or(true)
                        && match ip.checked_sub(1).and_then(|p| c.instrs.get(p)) {
                            Some(Instr::LoadConst(i)) => match c.consts.get(*i as usize) {
                                Some(t) => t.as_tuple().is_some_and(|t| {
                                    t.len() <= k as usize && t.iter().all(|v| v.as_str().is_some())
                                }),
                                None => false,
                            },
                            _ => false,
                        }
                }
                Instr::Jump(_)
                | Instr::PopJumpIfFalse(_)
                | Instr::PopJumpIfTrue(_)
                | Instr::JumpIfFalseOrPop(_)
                | Instr::JumpIfTrueOrPop(_)
                | Instr::ForIter(_)
                | Instr::SetupExcept(_)
                | Instr::SetupFinally(_)
                | Instr::SetupWith(_) => true,
                ref other => arg_of(other).is_none_or(|a| a < MAX_OPERAND),
            },
        };
        if !ok {
            return false;
        }
    }
    true
}

/// Unmarshal one value from bytes (`marshal.loads`); trailing data is ignored, as in CPython.
pub fn loads_value(vm: &mut Vm, data: &[u8]) -> PyResult {
    let mut r = Reader {
        data,
        pos: 0,
        depth: 0,
        refs: Vec::new(),
    };
    match r.value(vm) {
        Ok(v) => Ok(v),
        Err(Bad::Eof) => Err(vm.err(ExcKind::EOFError, "marshal data too short")),
        Err(Bad::EofObject) => Err(vm.err(ExcKind::EOFError, "EOF read where object expected")),
        Err(Bad::Data(msg)) => Err(vm.value_error(msg)),
        Err(Bad::Py(e)) => Err(e),
    }
}

fn dumps(vm: &mut Vm, args: &[Value], kw: &[(Str, Value)]) -> PyResult {
    crate::call::no_kwargs(vm, "dumps", kw)?;
    if args.is_empty() || args.len() > 2 {
        return Err(vm.type_error(format!(
            "dumps expected at least 1 argument, got {}",
            args.len()
        )));
    }
    if let Some(ver) = args.get(1) {
        if !matches!(ver, Value::Int(_) | Value::Bool(_)) {
            let tn = vm.type_name(ver);
            return Err(vm.type_error(format!(
                "'{}' object cannot be interpreted as an integer",
                tn
            )));
        }
    }
    let out = dumps_value(vm, &args[0])?;
    Ok(Value::bytes_vec(out))
}

fn loads(vm: &mut Vm, args: &[Value], kw: &[(Str, Value)]) -> PyResult {
    crate::call::no_kwargs(vm, "loads", kw)?;
    if args.len() != 1 {
        return Err(vm.type_error(format!(
            "loads() takes exactly one argument ({} given)",
            args.len()
        )));
    }
    let Some(data) = crate::objmemoryview::buffer_bytes(&args[0]) else {
        let tn = vm.type_name(&args[0]);
        return Err(vm.type_error(format!("a bytes-like object is required, not '{}'", tn)));
    };
    loads_value(vm, &data)
}

/// Create the `marshal` module.
pub fn init_module(vm: &mut Vm) -> PyResult<Obj> {
    let m = vm.new_module("marshal");
    crate::modstruct::module_fns(&m, &[("dumps", dumps), ("loads", loads)]);
    crate::modstruct::module_set(&m, "version", Value::Int(4));
    Ok(m)
}

#[cfg(test)]
mod tests {
    extern crate std;
    use super::*;
    use crate::parser::Mode;
    use crate::port::NullPort;
    use crate::VmConfig;
    use alloc::boxed::Box;

    fn new_vm() -> Vm {
        Vm::new(VmConfig::default(), Box::new(NullPort::default()))
    }

    /// A program with most constructs: every kind of code object and operand.
    const PROGRAM: &str = r#"
import sys
def outer(a, /, b=2, *args, c, d=4, **kw):
    x = [i * a for i in range(b) if i % 2]
    y = {k: v for k, v in kw.items()}
    def inner(z):
        nonlocal a
        a += z
        return a, x, y
    return inner
class C(object):
    """doc"""
    attr = 1
    def m(self, *, k=None):
        return super().__init__, __class__, k
    @property
    def p(self):
        return self.attr
async def co(n):
    async with n as m:
        async for i in m:
            await i
    return [i async for i in n]
def gen(n):
    try:
        yield from range(n)
    except (ValueError, TypeError) as e:
        raise KeyError("k") from e
    finally:
        pass
    with open("f") as f:
        pass
def m(v):
    match v:
        case [1, *rest]: return rest
        case {"a": 1, **kw}: return kw
        case C(attr=2): return 0
        case str() | bytes(): return 1
        case _: return f"{v!r:>10}{v:x}"
lam = lambda q=1.5, r=2j, s=b"x", t=(1, (2, 3)), u=frozenset({1}): (q, r, s, t, u, ..., None, 10**30)
x = 1; x += 2; x <<= 1; x = -x; x = not x; x = ~x; del x
a, *b, c = range(5)
print(a, b, c, sys.path[0:1:1], outer.__code__.co_name, **{}, sep="", end="")
assert x if False else True, "msg"
global_only = {1, 2}; global_only |= {3}
from sys import path as p2
"#;

    fn all_codes(c: &Rc<Code>, out: &mut Vec<Rc<Code>>) {
        out.push(c.clone());
        for k in &c.consts {
            if let Value::Obj(o) = k {
                if let PyObject::Code(inner) = &**o {
                    all_codes(inner, out);
                }
            }
        }
    }

    #[test]
    fn operator_tables_follow_repr() {
        for (i, op) in BINOPS.iter().enumerate() {
            assert_eq!(*op as u8 as usize, i);
        }
        for (i, op) in CMPOPS.iter().enumerate() {
            assert_eq!(*op as u8 as usize, i);
        }
        assert!(PLAIN.len() < ARG_BASE as usize);
        assert!(ARG_BASE as usize + WITH_ARG.len() < OP_LOAD_BOOL as usize);
    }

    #[test]
    fn code_round_trips_exactly() {
        let mut vm = new_vm();
        let code = vm.compile_source(PROGRAM, "prog.py", Mode::Exec).unwrap();
        let v = Value::Obj(Rc::new(PyObject::Code(code.clone())));
        let bytes = dumps_value(&mut vm, &v).unwrap();
        let back = loads_value(&mut vm, &bytes).unwrap();
        assert_eq!(dumps_value(&mut vm, &back).unwrap(), bytes);
        let Value::Obj(o) = &back else { panic!() };
        let PyObject::Code(c2) = &**o else { panic!() };
        let (mut a, mut b) = (Vec::new(), Vec::new());
        all_codes(&code, &mut a);
        all_codes(c2, &mut b);
        assert_eq!(a.len(), b.len());
        for (x, y) in a.iter().zip(b.iter()) {
            assert_eq!(x.instrs, y.instrs);
            assert_eq!(x.lines, y.lines);
            assert_eq!(x.max_stack, y.max_stack);
            assert_eq!(x.simple_call, y.simple_call);
            assert_eq!(x.cell2arg, y.cell2arg);
            assert!(
                valid_code(x),
                "compiled code fails validation: {}",
                x.qualname.as_str()
            );
        }
    }

    #[test]
    fn loaded_code_runs() {
        let mut vm = new_vm();
        let src = "import marshal\n\
            def f(a, b=2):\n    def g(c):\n        return a * b + c\n    return g\n\
            h = type(f)(marshal.loads(marshal.dumps(f.__code__)), globals(), None, (5,))\n\
            assert h(3)(1) == 16\n\
            ns = {}\n\
            exec(marshal.loads(marshal.dumps(compile('r = [x * x for x in range(4)]', 's', 'exec'))), ns)\n\
            assert ns['r'] == [0, 1, 4, 9]\n";
        vm.run_main(src, "t.py").unwrap();
    }

    /// A deterministic xorshift generator for the fuzz tests.
    struct Rng(u64);
    impl Rng {
        fn next(&mut self) -> u64 {
            self.0 ^= self.0 << 13;
            self.0 ^= self.0 >> 7;
            self.0 ^= self.0 << 17;
            self.0
        }
    }

    /// Run a loaded code object with a small time slice; any outcome but a panic is fine.
    fn run_briefly(code: &Value) {
        let Value::Obj(o) = code else { return };
        let PyObject::Code(c) = &**o else { return };
        let mut vm = new_vm();
        vm.set_slice_budget(200);
        let _ = vm.start_code(c.clone());
    }

    #[test]
    fn loads_survives_truncated_and_random_bytes() {
        let mut vm = new_vm();
        let code = vm.compile_source(PROGRAM, "prog.py", Mode::Exec).unwrap();
        let v = Value::Obj(Rc::new(PyObject::Code(code)));
        let good = dumps_value(&mut vm, &v).unwrap();
        for n in 0..good.len() {
            assert!(loads_value(&mut vm, &good[..n]).is_err());
        }
        let mut rng = Rng(0x9E37_79B9_7F4A_7C15);
        let mut ran = 0;
        for _ in 0..3000 {
            let mut b = good.clone();
            for _ in 0..1 + rng.next() % 4 {
                let i = (rng.next() as usize) % b.len();
                b[i] = rng.next() as u8;
            }
            if let Ok(v) = loads_value(&mut vm, &b) {
                ran += 1;
                run_briefly(&v);
            }
        }
        assert!(ran > 0);
        for _ in 0..3000 {
            let len = (rng.next() % 64) as usize;
            let b: Vec<u8> = (0..len).map(|_| rng.next() as u8).collect();
            let _ = loads_value(&mut vm, &b);
        }
    }
}
