//! The `array` module: `array.array(typecode, initializer)`, a compact sequence of machine
//! numbers stored as raw native-endian bytes (so the buffer protocol is a plain copy).

use alloc::boxed::Box;
use alloc::format;
use alloc::string::String;
use alloc::vec::Vec;
use core::cell::RefCell;

use num_bigint::BigInt;
use num_traits::ToPrimitive;

use crate::exceptions::ExcKind;
use crate::modstruct::module_set;
use crate::number::{classify, Num};
use crate::objrange::{is_slice, slice_indices, slice_len, slice_positions};
use crate::types;
use crate::value::{IterState, Layout, NativeObj, Obj, PyObject, Str, Value};
use crate::vm::Vm;
use crate::PyResult;

/// The data of an `array.array`: its typecode and raw native-endian items.
pub struct ArrayData {
    /// The typecode (b B h H i I l L q Q f d).
    pub code: u8,
    /// The raw items.
    pub data: Vec<u8>,
}

const LONG: usize = core::mem::size_of::<usize>();

pub(crate) fn itemsize(code: u8) -> Option<usize> {
    Some(match code {
        b'b' | b'B' => 1,
        b'h' | b'H' => 2,
        b'i' | b'I' | b'f' => 4,
        b'l' | b'L' => LONG,
        b'q' | b'Q' | b'd' => 8,
        _ => return None,
    })
}

fn with_array<R>(v: &Value, f: impl FnOnce(&mut ArrayData) -> R) -> Option<R> {
    if let Value::Obj(o) = v {
        if let PyObject::Native(n) = &**o {
            if let Ok(mut d) = n.data.try_borrow_mut() {
                if let Some(a) = d.downcast_mut::<ArrayData>() {
                    return Some(f(a));
                }
            }
        }
    }
    None
}

/// The raw bytes of an array (a copy), or None if `v` is not an array.
pub fn array_bytes(v: &Value) -> Option<Vec<u8>> {
    with_array(v, |a| a.data.clone())
}

/// Overwrite bytes of an array at `off` (ignored when out of range or not an array).
pub fn array_write(v: &Value, off: usize, bytes: &[u8]) {
    with_array(v, |a| {
        if let Some(end) = off.checked_add(bytes.len()) {
            if end <= a.data.len() {
                a.data[off..end].copy_from_slice(bytes);
            }
        }
    });
}

pub(crate) fn decode(code: u8, b: &[u8]) -> Value {
    let mut raw = [0u8; 8];
    raw[..b.len()].copy_from_slice(b);
    let u = u64::from_ne_bytes(raw);
    let n = b.len() as u32 * 8;
    match code {
        b'f' => Value::Float(f32::from_ne_bytes([b[0], b[1], b[2], b[3]]) as f64),
        b'd' => Value::Float(f64::from_ne_bytes(raw)),
        b'b' | b'h' | b'i' | b'l' | b'q' => {
            let sh = 64 - n;
            Value::Int(((u << sh) as i64) >> sh)
        }
        _ => {
            if u > i64::MAX as u64 {
                Value::from_bigint(BigInt::from(u))
            } else {
                Value::Int(u as i64)
            }
        }
    }
}

fn overflow_msg(code: u8, big: bool) -> &'static str {
    match (code, big) {
        (b'b', true) => "signed char is greater than maximum",
        (b'b', false) => "signed char is less than minimum",
        (b'B', true) => "unsigned byte integer is greater than maximum",
        (b'B', false) => "unsigned byte integer is less than minimum",
        (b'h', true) => "signed short integer is greater than maximum",
        (b'h', false) => "signed short integer is less than minimum",
        (b'H', true) => "unsigned short is greater than maximum",
        (b'H', false) => "unsigned short is less than minimum",
        (b'i', true) => "signed integer is greater than maximum",
        (b'i', false) => "signed integer is less than minimum",
        (b'I', true) => "unsigned int is greater than maximum",
        (b'I' | b'L', false) => "can't convert negative value to unsigned int",
        (b'l', _) => "Python int too large to convert to C long",
        (b'Q', false) => "can't convert negative int to unsigned",
        _ => "int too big to convert",
    }
}

/// Encode `v` as one item of `code`, appending to `out`.
pub(crate) fn encode(vm: &mut Vm, code: u8, v: &Value, out: &mut Vec<u8>) -> PyResult<()> {
    let size = itemsize(code).unwrap_or(1);
    if code == b'f' || code == b'd' {
        let x = match classify(v) {
            Some(Num::F(f)) => f,
            Some(Num::I(_) | Num::B(_)) => crate::number::to_f64(vm, v)?,
            _ => {
                if vm.lookup_special(v, "__float__").is_some() {
                    crate::number::to_f64(vm, v)?
                } else {
                    let tn = vm.type_name(v);
                    return Err(vm.type_error(format!("must be real number, not {}", tn)));
                }
            }
        };
        if code == b'f' {
            out.extend_from_slice(&(x as f32).to_ne_bytes());
        } else {
            out.extend_from_slice(&x.to_ne_bytes());
        }
        return Ok(());
    }
    let n: BigInt = match classify(v) {
        Some(Num::I(i)) => BigInt::from(i),
        Some(Num::B(b)) => b.clone(),
        _ => {
            if matches!(v, Value::Obj(o) if matches!(&**o, PyObject::Instance(_) | PyObject::Native(_)))
                && vm.lookup_special(v, "__index__").is_some()
            {
                BigInt::from(vm.to_index(v)?)
            } else {
                let tn = vm.type_name(v);
                return Err(vm.type_error(format!(
                    "'{}' object cannot be interpreted as an integer",
                    tn
                )));
            }
        }
    };
    let bits = size as u32 * 8;
    let signed = matches!(code, b'b' | b'h' | b'i' | b'l' | b'q');
    let raw: Option<u64> = if signed {
        n.to_i64().and_then(|x| {
            let lo = -(1i128 << (bits - 1));
            let hi = (1i128 << (bits - 1)) - 1;
            ((x as i128) >= lo && (x as i128) <= hi).then_some(x as u64)
        })
    } else {
        n.to_u64().filter(|&x| bits == 64 || x < (1u64 << bits))
    };
    match raw {
        Some(r) => {
            out.extend_from_slice(&r.to_ne_bytes()[..size]);
            Ok(())
        }
        None => {
            let big = n.sign() != num_bigint::Sign::Minus;
            Err(vm.overflow_error(overflow_msg(code, big)))
        }
    }
}

fn new_array(vm: &mut Vm, cls: &Obj, code: u8, data: Vec<u8>) -> Value {
    Value::Obj(vm.alloc(PyObject::Native(NativeObj {
        class: cls.clone(),
        data: RefCell::new(Box::new(ArrayData { code, data })),
    })))
}

/// The built-in `array` class of an array (new arrays made from a subclass's instance, by
/// `+` or slicing, are plain arrays, as in CPython).
fn class_of(v: &Value) -> Option<Obj> {
    let Value::Obj(o) = v else {
        return None;
    };
    let PyObject::Native(n) = &**o else {
        return None;
    };
    let t = types::as_type(&n.class)?;
    if !t.heap_type {
        return Some(n.class.clone());
    }
    let mro = t.mro.borrow();
    mro.iter()
        .find(|c| types::as_type(c).is_some_and(|b| !b.heap_type && b.layout == Layout::Native))
        .cloned()
        .or_else(|| Some(n.class.clone()))
}

fn this(vm: &mut Vm, args: &[Value]) -> PyResult<(u8, usize)> {
    match args.first().and_then(|a| with_array(a, |a| a.code)) {
        Some(c) => Ok((c, itemsize(c).unwrap_or(1))),
        None => Err(vm.type_error("descriptor requires an 'array.array' object")),
    }
}

fn encode_all(vm: &mut Vm, code: u8, items: &[Value]) -> PyResult<Vec<u8>> {
    let mut out = Vec::with_capacity(items.len() * itemsize(code).unwrap_or(1));
    for v in items {
        encode(vm, code, v, &mut out)?;
    }
    Ok(out)
}

fn a_new(vm: &mut Vm, args: &[Value], kw: &[(Str, Value)]) -> PyResult {
    crate::modbuiltins::check_kw(vm, "array", kw, &[])?;
    let cls = match args.first() {
        Some(Value::Obj(o)) if matches!(&**o, PyObject::Type(_)) => o.clone(),
        _ => return Err(vm.type_error("array.__new__(X): X is not a type object")),
    };
    if args.len() < 2 || args.len() > 3 {
        return Err(vm.type_error(format!(
            "array() takes at most 2 arguments ({} given)",
            args.len() - 1
        )));
    }
    let code = match &args[1] {
        Value::Str(s) if s.char_len() == 1 => s.as_str().as_bytes()[0],
        _ => {
            let tn = vm.type_name(&args[1]);
            return Err(vm.type_error(format!(
                "array() argument 1 must be a unicode character, not {}",
                tn
            )));
        }
    };
    let Some(size) = itemsize(code) else {
        return Err(
            vm.value_error("bad typecode (must be b, B, u, h, H, i, I, l, L, q, Q, f or d)")
        );
    };
    let data = match args.get(2) {
        None => Vec::new(),
        Some(init) => {
            if let Value::Str(_) = init {
                return Err(vm.type_error(format!(
                    "cannot use a str to initialize an array with typecode '{}'",
                    code as char
                )));
            }
            let raw = match init {
                Value::Obj(o) if matches!(&**o, PyObject::Bytes(_) | PyObject::ByteArray(_)) => {
                    crate::objbytes::bytes_data(init)
                }
                _ => None,
            };
            match raw {
                Some(b) => {
                    if b.len() % size != 0 {
                        return Err(vm.value_error("bytes length not a multiple of item size"));
                    }
                    b
                }
                None => {
                    let items = vm.collect(init)?;
                    encode_all(vm, code, &items)?
                }
            }
        }
    };
    Ok(new_array(vm, &cls, code, data))
}

fn a_append(vm: &mut Vm, args: &[Value], _kw: &[(Str, Value)]) -> PyResult {
    let (code, _) = this(vm, args)?;
    if args.len() != 2 {
        return Err(vm.type_error(format!(
            "array.append() takes exactly one argument ({} given)",
            args.len() - 1
        )));
    }
    let mut out = Vec::new();
    encode(vm, code, &args[1], &mut out)?;
    with_array(&args[0], |a| a.data.extend_from_slice(&out));
    Ok(Value::None)
}

fn extend_from(vm: &mut Vm, target: &Value, code: u8, src: &Value, what: &str) -> PyResult<()> {
    if let Some((c2, d2)) = with_array(src, |a| (a.code, a.data.clone())) {
        if c2 != code {
            return Err(vm.type_error("can only extend with array of same kind"));
        }
        with_array(target, |a| a.data.extend_from_slice(&d2));
        return Ok(());
    }
    let _ = what;
    let items = vm.collect(src)?;
    let out = encode_all(vm, code, &items)?;
    with_array(target, |a| a.data.extend_from_slice(&out));
    Ok(())
}

fn a_extend(vm: &mut Vm, args: &[Value], _kw: &[(Str, Value)]) -> PyResult {
    let (code, _) = this(vm, args)?;
    if args.len() != 2 {
        return Err(vm.type_error("extend() takes exactly one argument"));
    }
    extend_from(vm, &args[0], code, &args[1], "extend")?;
    Ok(Value::None)
}

fn a_len(vm: &mut Vm, args: &[Value], _kw: &[(Str, Value)]) -> PyResult {
    let (_, size) = this(vm, args)?;
    let n = with_array(&args[0], |a| a.data.len() / size).unwrap_or(0);
    Ok(Value::Int(n as i64))
}

fn items_of(v: &Value) -> Vec<Value> {
    with_array(v, |a| {
        let size = itemsize(a.code).unwrap_or(1);
        a.data
            .chunks_exact(size)
            .map(|c| decode(a.code, c))
            .collect()
    })
    .unwrap_or_default()
}

fn a_tolist(vm: &mut Vm, args: &[Value], _kw: &[(Str, Value)]) -> PyResult {
    this(vm, args)?;
    let items = items_of(&args[0]);
    Ok(vm.new_list(items))
}

/// `iter(array)`: a live iterator by index (it sees appends made while iterating, like CPython's,
/// and costs no copy of the array).
fn a_iter(vm: &mut Vm, args: &[Value], _kw: &[(Str, Value)]) -> PyResult {
    this(vm, args)?;
    Ok(vm.new_iter(IterState::GetItem {
        obj: args[0].clone(),
        index: 0,
    }))
}

fn a_tobytes(vm: &mut Vm, args: &[Value], _kw: &[(Str, Value)]) -> PyResult {
    this(vm, args)?;
    Ok(Value::bytes_vec(array_bytes(&args[0]).unwrap_or_default()))
}

fn a_frombytes(vm: &mut Vm, args: &[Value], _kw: &[(Str, Value)]) -> PyResult {
    let (_, size) = this(vm, args)?;
    if args.len() != 2 {
        return Err(vm.type_error("frombytes() takes exactly one argument"));
    }
    let b = crate::modstruct::need_buffer(vm, &args[1])?;
    if b.len() % size != 0 {
        return Err(vm.value_error("bytes length not a multiple of item size"));
    }
    with_array(&args[0], |a| a.data.extend_from_slice(&b));
    Ok(Value::None)
}

fn norm_index(vm: &mut Vm, idx: &Value, len: usize, msg: &str) -> PyResult<usize> {
    let i = match idx {
        Value::Int(i) => *i,
        _ if vm.getattr_opt(idx, "__index__")?.is_none() => {
            return Err(vm.type_error("array indices must be integers"));
        }
        _ => vm.to_index(idx)?,
    };
    let j = if i < 0 { i + len as i64 } else { i };
    if j < 0 || j >= len as i64 {
        return Err(vm.index_error(msg));
    }
    Ok(j as usize)
}

fn a_getitem(vm: &mut Vm, args: &[Value], _kw: &[(Str, Value)]) -> PyResult {
    let (code, size) = this(vm, args)?;
    if args.len() != 2 {
        return Err(vm.type_error("expected 1 argument"));
    }
    if !is_slice(&args[1]) {
        // One item, decoded in place (the index is computed before borrowing the array, as its
        // __index__ may run Python code).
        let len = with_array(&args[0], |a| a.data.len() / size).unwrap_or(0);
        let i = norm_index(vm, &args[1], len, "array index out of range")?;
        let item = with_array(&args[0], |a| {
            a.data
                .get(i * size..(i + 1) * size)
                .map(|item| decode(code, item))
        });
        return item
            .flatten()
            .ok_or_else(|| vm.index_error("array index out of range"));
    }
    let data = array_bytes(&args[0]).unwrap_or_default();
    let len = data.len() / size;
    let (start, stop, step) = slice_indices(vm, &args[1], len)?;
    let mut out = Vec::with_capacity(slice_len(start, stop, step) * size);
    for p in slice_positions(start, stop, step) {
        out.extend_from_slice(&data[p * size..(p + 1) * size]);
    }
    let cls = class_of(&args[0]).unwrap_or_else(|| vm.types.object.clone());
    Ok(new_array(vm, &cls, code, out))
}

fn a_setitem(vm: &mut Vm, args: &[Value], _kw: &[(Str, Value)]) -> PyResult {
    let (code, size) = this(vm, args)?;
    if args.len() != 3 {
        return Err(vm.type_error("expected 2 arguments"));
    }
    let len = with_array(&args[0], |a| a.data.len() / size).unwrap_or(0);
    if is_slice(&args[1]) {
        let Some((c2, src)) = with_array(&args[2], |a| (a.code, a.data.clone())) else {
            let tn = vm.type_name(&args[2]);
            return Err(vm.type_error(format!(
                "can only assign array (not \"{}\") to array slice",
                tn
            )));
        };
        if c2 != code {
            return Err(vm.type_error("bad argument type for built-in operation"));
        }
        let (start, stop, step) = slice_indices(vm, &args[1], len)?;
        let n = slice_len(start, stop, step);
        if step == 1 {
            let s = start.max(0) as usize;
            let e = (s + n).min(len);
            with_array(&args[0], |a| {
                a.data.splice(s * size..e * size, src.iter().copied());
            });
            return Ok(Value::None);
        }
        if src.len() / size != n {
            return Err(vm.value_error(format!(
                "attempt to assign array of size {} to extended slice of size {}",
                src.len() / size,
                n
            )));
        }
        with_array(&args[0], |a| {
            for (k, p) in slice_positions(start, stop, step).enumerate() {
                a.data[p * size..(p + 1) * size].copy_from_slice(&src[k * size..(k + 1) * size]);
            }
        });
        return Ok(Value::None);
    }
    let i = norm_index(vm, &args[1], len, "array assignment index out of range")?;
    let mut out = Vec::new();
    encode(vm, code, &args[2], &mut out)?;
    with_array(&args[0], |a| {
        if (i + 1) * size <= a.data.len() {
            a.data[i * size..(i + 1) * size].copy_from_slice(&out);
        }
    });
    Ok(Value::None)
}

fn a_delitem(vm: &mut Vm, args: &[Value], _kw: &[(Str, Value)]) -> PyResult {
    let (_, size) = this(vm, args)?;
    if args.len() != 2 {
        return Err(vm.type_error("expected 1 argument"));
    }
    let len = with_array(&args[0], |a| a.data.len() / size).unwrap_or(0);
    if is_slice(&args[1]) {
        let (start, stop, step) = slice_indices(vm, &args[1], len)?;
        let mut del: Vec<usize> = slice_positions(start, stop, step).collect();
        del.sort_unstable();
        with_array(&args[0], |a| {
            let mut out = Vec::with_capacity(a.data.len());
            let mut k = 0;
            for (i, c) in a.data.chunks_exact(size).enumerate() {
                if k < del.len() && del[k] == i {
                    k += 1;
                } else {
                    out.extend_from_slice(c);
                }
            }
            a.data = out;
        });
        return Ok(Value::None);
    }
    let i = norm_index(vm, &args[1], len, "array assignment index out of range")?;
    with_array(&args[0], |a| {
        a.data.drain(i * size..(i + 1) * size);
    });
    Ok(Value::None)
}

fn a_pop(vm: &mut Vm, args: &[Value], _kw: &[(Str, Value)]) -> PyResult {
    let (code, size) = this(vm, args)?;
    let len = with_array(&args[0], |a| a.data.len() / size).unwrap_or(0);
    if len == 0 {
        return Err(vm.index_error("pop from empty array"));
    }
    let i = match args.get(1) {
        Some(v) => norm_index(vm, v, len, "pop index out of range")?,
        None => len - 1,
    };
    let v = with_array(&args[0], |a| {
        let v = decode(code, &a.data[i * size..(i + 1) * size]);
        a.data.drain(i * size..(i + 1) * size);
        v
    });
    Ok(v.unwrap_or(Value::None))
}

fn a_add(vm: &mut Vm, args: &[Value], _kw: &[(Str, Value)]) -> PyResult {
    let (code, _) = this(vm, args)?;
    let Some(other) = args.get(1) else {
        return Err(vm.type_error("expected 1 argument"));
    };
    let Some((c2, d2)) = with_array(other, |a| (a.code, a.data.clone())) else {
        let tn = vm.type_name(other);
        return Err(vm.type_error(format!("can only append array (not \"{}\") to array", tn)));
    };
    if c2 != code {
        return Err(vm.type_error("bad argument type for built-in operation"));
    }
    let mut d = array_bytes(&args[0]).unwrap_or_default();
    d.extend_from_slice(&d2);
    let cls = class_of(&args[0]).unwrap_or_else(|| vm.types.object.clone());
    Ok(new_array(vm, &cls, code, d))
}

fn a_iadd(vm: &mut Vm, args: &[Value], _kw: &[(Str, Value)]) -> PyResult {
    let (code, _) = this(vm, args)?;
    let Some(other) = args.get(1) else {
        return Err(vm.type_error("expected 1 argument"));
    };
    let Some((c2, d2)) = with_array(other, |a| (a.code, a.data.clone())) else {
        let tn = vm.type_name(other);
        return Err(vm.type_error(format!("can only extend array with array (not \"{}\")", tn)));
    };
    if c2 != code {
        return Err(vm.type_error("can only extend with array of same kind"));
    }
    with_array(&args[0], |a| a.data.extend_from_slice(&d2));
    Ok(args[0].clone())
}

fn a_repr(vm: &mut Vm, args: &[Value], _kw: &[(Str, Value)]) -> PyResult {
    let (code, _) = this(vm, args)?;
    let items = items_of(&args[0]);
    if items.is_empty() {
        return Ok(Value::string(format!("array('{}')", code as char)));
    }
    let mut s = format!("array('{}', [", code as char);
    for (k, v) in items.iter().enumerate() {
        if k > 0 {
            s.push_str(", ");
        }
        let r = vm.repr(v)?;
        s.push_str(r.as_str());
    }
    s.push_str("])");
    Ok(Value::string(s))
}

fn a_eq(vm: &mut Vm, args: &[Value], _kw: &[(Str, Value)]) -> PyResult {
    this(vm, args)?;
    let Some(other) = args.get(1) else {
        return Ok(Value::NotImplemented);
    };
    if with_array(other, |_| ()).is_none() {
        return Ok(Value::NotImplemented);
    }
    let a = items_of(&args[0]);
    let b = items_of(other);
    if a.len() != b.len() {
        return Ok(Value::Bool(false));
    }
    for (x, y) in a.iter().zip(b.iter()) {
        if !vm.eq(x, y)? {
            return Ok(Value::Bool(false));
        }
    }
    Ok(Value::Bool(true))
}

fn a_ne(vm: &mut Vm, args: &[Value], kw: &[(Str, Value)]) -> PyResult {
    match a_eq(vm, args, kw)? {
        Value::Bool(b) => Ok(Value::Bool(!b)),
        v => Ok(v),
    }
}

/// `<`, `<=`, `>`, `>=` between arrays: item by item, like sequences.
fn a_order(vm: &mut Vm, args: &[Value], op: crate::ast::CmpOp) -> PyResult {
    this(vm, args)?;
    let Some(other) = args.get(1) else {
        return Ok(Value::NotImplemented);
    };
    if with_array(other, |_| ()).is_none() {
        return Ok(Value::NotImplemented);
    }
    let a = items_of(&args[0]);
    let b = items_of(other);
    vm.seq_compare(&a, &b, op)
}

fn a_lt(vm: &mut Vm, args: &[Value], _kw: &[(Str, Value)]) -> PyResult {
    a_order(vm, args, crate::ast::CmpOp::Lt)
}

fn a_le(vm: &mut Vm, args: &[Value], _kw: &[(Str, Value)]) -> PyResult {
    a_order(vm, args, crate::ast::CmpOp::LtE)
}

fn a_gt(vm: &mut Vm, args: &[Value], _kw: &[(Str, Value)]) -> PyResult {
    a_order(vm, args, crate::ast::CmpOp::Gt)
}

fn a_ge(vm: &mut Vm, args: &[Value], _kw: &[(Str, Value)]) -> PyResult {
    a_order(vm, args, crate::ast::CmpOp::GtE)
}

fn a_contains(vm: &mut Vm, args: &[Value], _kw: &[(Str, Value)]) -> PyResult {
    this(vm, args)?;
    let x = args.get(1).cloned().unwrap_or(Value::None);
    for v in items_of(&args[0]) {
        if vm.eq(&v, &x)? {
            return Ok(Value::Bool(true));
        }
    }
    Ok(Value::Bool(false))
}

fn a_typecode(vm: &mut Vm, args: &[Value], _kw: &[(Str, Value)]) -> PyResult {
    let (code, _) = this(vm, args)?;
    let s = String::from(code as char);
    Ok(Value::string(s))
}

fn a_itemsize(vm: &mut Vm, args: &[Value], _kw: &[(Str, Value)]) -> PyResult {
    let (_, size) = this(vm, args)?;
    Ok(Value::Int(size as i64))
}

/// Create the `array` module.
pub fn init_module(vm: &mut Vm) -> PyResult<Obj> {
    let m = vm.new_module("array");
    let cls = types::new_type(
        "array",
        alloc::vec![vm.types.object.clone()],
        Layout::Native,
        false,
    );
    types::set_attr(&cls, "__module__", Value::str("array"));
    types::add_static_methods(&cls, &[("__new__", a_new)]);
    types::add_methods(
        &cls,
        &[
            ("append", a_append),
            ("extend", a_extend),
            ("pop", a_pop),
            ("tolist", a_tolist),
            ("tobytes", a_tobytes),
            ("frombytes", a_frombytes),
            ("__len__", a_len),
            ("__iter__", a_iter),
            ("__getitem__", a_getitem),
            ("__setitem__", a_setitem),
            ("__delitem__", a_delitem),
            ("__add__", a_add),
            ("__iadd__", a_iadd),
            ("__repr__", a_repr),
            ("__eq__", a_eq),
            ("__ne__", a_ne),
            ("__lt__", a_lt),
            ("__le__", a_le),
            ("__gt__", a_gt),
            ("__ge__", a_ge),
            ("__contains__", a_contains),
            ("__bytes__", a_tobytes),
        ],
    );
    for (name, f) in [
        ("typecode", a_typecode as crate::value::NativeFn),
        ("itemsize", a_itemsize),
    ] {
        let fget = crate::modbuiltins::builtin_fn(name, f);
        let p = vm.alloc(PyObject::Property {
            fget,
            fset: Value::None,
            fdel: Value::None,
            doc: Value::None,
        });
        types::set_attr(&cls, name, Value::Obj(p));
    }
    module_set(&m, "array", Value::Obj(cls));
    module_set(&m, "typecodes", Value::str("bBhHiIlLqQfd"));
    let _ = ExcKind::TypeError;
    Ok(m)
}
