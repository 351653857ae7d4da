//! Loading MicroPython's precompiled `.mpy` files (format version 6, MicroPython 1.19-1.25).
//!
//! A `.mpy` file holds a qstr table, a table of constant objects and a tree of raw code objects
//! whose bytecode is MicroPython's. `load` parses the file and translates every bytecode raw code
//! into one of our `Code` objects, so that imported `.mpy` modules run in the ordinary dispatch loop
//! (stackless, with the inline caches). The translation (see `translate.rs` and docs/mpy.md) maps
//! MicroPython's operand stack slot by slot onto ours, computes the exception-block stack at every
//! instruction by a data-flow pass, and expresses MicroPython's shared `finally` code (entered
//! with None, an exception, or a return/jump "unwind" marker on the stack) with four small helper
//! operations carried by the `Instr::Mp` instruction (`exec_op`).

mod qstr;
mod translate;

use alloc::format;
use alloc::rc::Rc;
use alloc::string::String;
use alloc::vec::Vec;

use crate::code::Code;
use crate::exceptions::ExcKind;
use crate::frame::{Block, Frame};
use crate::value::{Str, Value};
use crate::vm::Vm;
use crate::{PyErr, PyResult};

/// The `.mpy` format version this loader reads.
pub const MPY_VERSION: u8 = 6;
/// The sub-version MicroPython 1.25 writes (only checked for native code, as MicroPython does).
pub const MPY_SUB_VERSION: u8 = 3;
/// `sys.implementation._mpy`: version 6, sub-version 3, architecture 0 (bytecode only).
pub const SYS_IMPLEMENTATION_MPY: i64 = MPY_VERSION as i64 | ((MPY_SUB_VERSION as i64) << 8);

/// Deepest nesting of raw code objects (functions in functions) accepted in a file.
const MAX_DEPTH: usize = 48;
/// Deepest nesting of constant tuples accepted in a file.
const MAX_TUPLE_DEPTH: usize = 32;

/// `Instr::Mp` sub-operation: enter a `finally` handler without an exception (normal exit of the
/// try body, or a return/break/continue running it): the innermost handler block becomes an
/// active handler that keeps the currently handled exception.
pub const OP_ACTIVATE: u32 = 0;
/// `Instr::Mp` sub-operation: MicroPython's END_FINALLY. `[None] -> []`, `[marker] -> []` then
/// continue at the marker's instruction, `[exc] -> raise exc`; leaves the active handler.
pub const OP_END_FINALLY: u32 = 1;
/// `Instr::Mp` sub-operation: MicroPython's WITH_CLEANUP. `[exit, state] -> [state']`: calls
/// `__exit__` and replaces an exception it suppresses by None.
pub const OP_WITH_CLEANUP: u32 = 2;
/// `Instr::Mp` sub-operation: prepare a call with `*args`/`**kwargs`: `[f, (self,) args...,
/// (key, value)... or mapping..., bitmap, mask] -> [f, args_tuple, kwargs_dict]` for `CallEx(1)`. The operand (above
/// the 4 sub-operation bits) is `n_pos | n_kw << 8 | method << 16`; a set bitmap bit marks a
/// positional argument given as `*iterable`; bit j of the mask pushed last marks keyword pair j
/// as a `**mapping` (a single slot).
pub const OP_PACK_CALL: u32 = 3;

/// The error MicroPython raises for any malformed or unsupported `.mpy` file.
fn bad(vm: &mut Vm) -> PyErr {
    vm.value_error("incompatible .mpy file")
}

/// One raw code object as stored in the file.
pub(crate) struct RawCode {
    /// The bytecode function data: prelude then bytecode.
    pub data: Vec<u8>,
    /// Nested raw codes (functions, classes, comprehensions defined in this one).
    pub children: Vec<RawCode>,
}

/// A parsed `.mpy` file.
pub(crate) struct MpyFile {
    /// The qstr table (entry 0 is the source file name).
    pub qstrs: Vec<Str>,
    /// The constant objects.
    pub objs: Vec<Value>,
    /// The module's raw code.
    pub root: RawCode,
}

/// A byte reader that reports running out of data as `None`.
struct Reader<'a> {
    data: &'a [u8],
    pos: usize,
}

impl<'a> Reader<'a> {
    fn byte(&mut self) -> Option<u8> {
        let b = *self.data.get(self.pos)?;
        self.pos += 1;
        Some(b)
    }

    fn bytes(&mut self, n: usize) -> Option<&'a [u8]> {
        let end = self.pos.checked_add(n)?;
        let s = self.data.get(self.pos..end)?;
        self.pos = end;
        Some(s)
    }

    /// MicroPython's variable-length unsigned integer (7 bits a byte, most significant first).
    fn uint(&mut self) -> Option<usize> {
        let mut v: usize = 0;
        for _ in 0..5 {
            let b = self.byte()?;
            v = (v << 7) | (b & 0x7f) as usize;
            if b & 0x80 == 0 {
                return (v <= u32::MAX as usize).then_some(v);
            }
        }
        None
    }
}

/// Parse and translate a `.mpy` file into the module's code object.
pub fn load(vm: &mut Vm, data: &[u8]) -> PyResult<Rc<Code>> {
    let file = parse(vm, data)?;
    match translate::translate_module(vm, &file) {
        Some(code) => Ok(Rc::new(code)),
        None => Err(bad(vm)),
    }
}

/// Parse the header, the tables and the raw code tree.
fn parse(vm: &mut Vm, data: &[u8]) -> PyResult<MpyFile> {
    let mut r = Reader { data, pos: 0 };
    let Some(header) = r.bytes(4) else {
        return Err(bad(vm));
    };
    let arch = header[2] >> 2;
    let sub = header[2] & 3;
    if header[0] != b'M'
        || header[1] != MPY_VERSION
        || (arch != 0 && sub != MPY_SUB_VERSION)
        || header[3] > 63
    {
        return Err(bad(vm));
    }
    if arch != 0 {
        // This VM runs bytecode only (MicroPython's message for a port without a native emitter).
        return Err(vm.value_error("native code in .mpy unsupported"));
    }
    let Some(n_qstr) = r.uint() else {
        return Err(bad(vm));
    };
    let Some(n_obj) = r.uint() else {
        return Err(bad(vm));
    };
    let mut qstrs = Vec::new();
    for _ in 0..n_qstr {
        let Some(q) = read_qstr(vm, &mut r) else {
            return Err(bad(vm));
        };
        qstrs.push(q);
    }
    let mut objs = Vec::new();
    for _ in 0..n_obj {
        let o = read_obj(vm, &mut r, 0)?;
        objs.push(o);
    }
    let Some(root) = read_raw(&mut r, 0) else {
        return Err(bad(vm));
    };
    if qstrs.is_empty() {
        return Err(bad(vm));
    }
    Ok(MpyFile { qstrs, objs, root })
}

fn read_qstr(vm: &mut Vm, r: &mut Reader) -> Option<Str> {
    let len = r.uint()?;
    if len & 1 != 0 {
        let n = len >> 1;
        let s = qstr::STATIC_QSTRS.get(n.checked_sub(1)?)?;
        return Some(vm.intern(s));
    }
    let b = r.bytes(len >> 1)?;
    r.byte()?;
    let s = core::str::from_utf8(b).ok()?;
    Some(vm.intern(s))
}

fn read_obj(vm: &mut Vm, r: &mut Reader, depth: usize) -> PyResult<Value> {
    let Some(t) = r.byte() else {
        return Err(bad(vm));
    };
    match t {
        1 => return Ok(Value::None),
        2 => return Ok(Value::Bool(false)),
        3 => return Ok(Value::Bool(true)),
        4 => return Ok(Value::Ellipsis),
        5..=10 => {}
        _ => return Err(bad(vm)),
    }
    let Some(len) = r.uint() else {
        return Err(bad(vm));
    };
    if t == 10 {
        if depth >= MAX_TUPLE_DEPTH || len > r.data.len() {
            return Err(bad(vm));
        }
        let mut items = Vec::new();
        for _ in 0..len {
            items.push(read_obj(vm, r, depth + 1)?);
        }
        return Ok(vm.new_tuple(items));
    }
    let Some(b) = r.bytes(len) else {
        return Err(bad(vm));
    };
    if t == 5 || t == 6 {
        if r.byte().is_none() {
            return Err(bad(vm));
        }
        if t == 6 {
            return Ok(Value::bytes(b));
        }
        return match core::str::from_utf8(b) {
            Ok(s) => Ok(Value::str(s)),
            Err(_) => Err(bad(vm)),
        };
    }
    let Ok(s) = core::str::from_utf8(b) else {
        return Err(bad(vm));
    };
    match t {
        7 => match crate::objint::int_from_str(vm, s, 10) {
            Ok(v) => Ok(v),
            Err(_) => Err(bad(vm)),
        },
        8 => match parse_float(s) {
            Some(f) => Ok(Value::Float(f)),
            None => Err(bad(vm)),
        },
        _ => match parse_complex(s) {
            Some((re, im)) => Ok(Value::complex(re, im)),
            None => Err(bad(vm)),
        },
    }
}

fn parse_float(s: &str) -> Option<f64> {
    let t = s.trim();
    match t {
        "inf" | "+inf" => Some(f64::INFINITY),
        "-inf" => Some(f64::NEG_INFINITY),
        "nan" | "+nan" | "-nan" => Some(f64::NAN),
        _ => t.parse::<f64>().ok(),
    }
}

/// A complex constant as MicroPython writes it: `2j`, `(1+2j)` or `(1-2j)`.
fn parse_complex(s: &str) -> Option<(f64, f64)> {
    let t = s.trim();
    let t = t
        .strip_prefix('(')
        .and_then(|x| x.strip_suffix(')'))
        .unwrap_or(t);
    let body = t.strip_suffix('j')?;
    // Split at the last sign that is not part of an exponent and not leading.
    let bytes = body.as_bytes();
    let mut split = None;
    for k in (1..bytes.len()).rev() {
        if (bytes[k] == b'+' || bytes[k] == b'-') && !matches!(bytes[k - 1], b'e' | b'E') {
            split = Some(k);
            break;
        }
    }
    match split {
        Some(k) => Some((parse_float(&body[..k])?, parse_float(&body[k..])?)),
        None => Some((0.0, parse_float(body)?)),
    }
}

fn read_raw(r: &mut Reader, depth: usize) -> Option<RawCode> {
    if depth > MAX_DEPTH {
        return None;
    }
    let kind_len = r.uint()?;
    let kind = kind_len & 3;
    let has_children = kind_len & 4 != 0;
    let len = kind_len >> 3;
    if kind != 0 {
        // Native, viper or inline assembler code in a bytecode-only file.
        return None;
    }
    let data = r.bytes(len)?.to_vec();
    let mut children = Vec::new();
    if has_children {
        let n = r.uint()?;
        if n > r.data.len() {
            return None;
        }
        for _ in 0..n {
            children.push(read_raw(r, depth + 1)?);
        }
    }
    Some(RawCode { data, children })
}

/// What the dispatch loop does after an `Instr::Mp` operation.
pub enum MpFlow {
    /// Continue with the next instruction.
    Next,
    /// Continue at this instruction.
    Jump(usize),
    /// Re-raise this exception (keeping its traceback as it is).
    Reraise(PyErr),
}

/// Execute one `Instr::Mp` operation (see the `OP_*` constants).
pub fn exec_op(vm: &mut Vm, frame: &mut Frame, arg: u32) -> PyResult<MpFlow> {
    match arg & 15 {
        OP_ACTIVATE => {
            if let Some(Block::Handler { .. }) = frame.blocks.last() {
                frame.blocks.pop();
            }
            frame.blocks.push(Block::ExceptHandler {
                prev: vm.handled.clone(),
            });
            Ok(MpFlow::Next)
        }
        OP_END_FINALLY => {
            let Some(v) = frame.stack.pop() else {
                return Err(vm.err(ExcKind::SystemError, "bad .mpy code"));
            };
            match v {
                Value::None => {
                    leave_handler(vm, frame);
                    Ok(MpFlow::Next)
                }
                Value::Int(k) => {
                    leave_handler(vm, frame);
                    match usize::try_from(k) {
                        Ok(k) if k < frame.code.instrs.len() => Ok(MpFlow::Jump(k)),
                        _ => Err(vm.err(ExcKind::SystemError, "bad .mpy code")),
                    }
                }
                e => Ok(MpFlow::Reraise(PyErr(e))),
            }
        }
        OP_WITH_CLEANUP => {
            let (Some(state), Some(exit)) = (frame.stack.pop(), frame.stack.pop()) else {
                return Err(vm.err(ExcKind::SystemError, "bad .mpy code"));
            };
            let none3 = [Value::None, Value::None, Value::None];
            match state {
                Value::None => {
                    vm.call(&exit, &none3)?;
                    frame.stack.push(Value::None);
                }
                Value::Int(_) => {
                    vm.call(&exit, &none3)?;
                    frame.stack.push(state);
                }
                exc => {
                    let typ = Value::Obj(vm.type_of(&exc));
                    let tb = crate::objexcept::traceback_object(vm, &exc);
                    let r = vm.call(&exit, &[typ, exc.clone(), tb])?;
                    if vm.truthy(&r)? {
                        frame.stack.push(Value::None);
                    } else {
                        frame.stack.push(exc);
                    }
                }
            }
            Ok(MpFlow::Next)
        }
        OP_PACK_CALL => {
            pack_call(vm, frame, arg >> 4)?;
            Ok(MpFlow::Next)
        }
        _ => Err(vm.err(ExcKind::SystemError, "bad .mpy code")),
    }
}

/// Leave the innermost active handler, restoring the exception handled before it.
fn leave_handler(vm: &mut Vm, frame: &mut Frame) {
    if let Some(Block::ExceptHandler { prev }) = frame.blocks.last() {
        let prev = prev.clone();
        frame.blocks.pop();
        vm.handled = prev;
    }
}

/// `OP_PACK_CALL`: gather positional and keyword arguments given with `*`/`**`.
fn pack_call(vm: &mut Vm, frame: &mut Frame, a: u32) -> PyResult<()> {
    let n_pos = (a & 0xff) as usize;
    let n_kw = ((a >> 8) & 0xff) as usize;
    let method = (a >> 16) & 1 != 0;
    let mask = match frame.stack.pop() {
        Some(Value::Int(m)) => m as u64,
        _ => 0,
    };
    let n_mapping = (mask.count_ones() as usize).min(n_kw);
    let n_kw_slots = 2 * n_kw - n_mapping;
    let need = 2 + method as usize + n_pos + n_kw_slots;
    if frame.stack.len() < need {
        return Err(vm.err(ExcKind::SystemError, "bad .mpy code"));
    }
    let bitmap = match frame.stack.pop() {
        Some(Value::Int(b)) => b as u64,
        _ => 0,
    };
    let kws = frame.stack.split_off(frame.stack.len() - n_kw_slots);
    let pos = frame.stack.split_off(frame.stack.len() - n_pos);
    let mut args = Vec::with_capacity(n_pos + 1);
    if method {
        match frame.stack.pop() {
            Some(Value::NotImplemented) | None => {}
            Some(s) => args.push(s),
        }
    }
    for (i, v) in pos.into_iter().enumerate() {
        if i < 64 && bitmap & (1 << i) != 0 {
            let items = vm.collect(&v)?;
            args.extend(items);
        } else {
            args.push(v);
        }
    }
    let mut d = crate::dict::Dict::new();
    let fname = match frame.stack.last() {
        Some(f) => {
            let f = f.clone();
            match vm.getattr_opt(&f, "__name__") {
                Ok(Some(n)) => n.as_str().map(String::from).unwrap_or_default(),
                _ => String::new(),
            }
        }
        None => String::new(),
    };
    let mut it = kws.into_iter();
    for j in 0..n_kw {
        let pairs = if j < 64 && mask & (1 << j) != 0 {
            let Some(m) = it.next() else { break };
            if vm.getattr_opt(&m, "keys")?.is_none() {
                let tn = vm.type_name(&m);
                return Err(vm.type_error(format!(
                    "{}() argument after ** must be a mapping, not {}",
                    fname, tn
                )));
            }
            vm.mapping_items(&m)?
        } else {
            let (Some(k), Some(v)) = (it.next(), it.next()) else {
                break;
            };
            alloc::vec![(k, v)]
        };
        for (k, v) in pairs {
            let Some(ks) = k.as_str().map(String::from) else {
                return Err(vm.type_error("keywords must be strings"));
            };
            if d.get_str(&ks).is_some() {
                return Err(vm.type_error(format!(
                    "{}() got multiple values for keyword argument '{}'",
                    fname, ks
                )));
            }
            d.set_str(&ks, v);
        }
    }
    let t = vm.new_tuple(args);
    frame.stack.push(t);
    let dv = vm.new_dict(d);
    frame.stack.push(dv);
    Ok(())
}
