//! Runtime support for `@micropython.viper` functions (the internal module `_viper`).
//!
//! Ferropy runs viper functions as bytecode. The compiler lowers viper's typed constructs to calls
//! into this module: argument casts (`x: int`, `x: ptr8`...), return casts (`-> int`...), and the
//! pointer casts `ptr`, `ptr8`, `ptr16`, `ptr32` and `uint` used inside the function body.
//!
//! A pointer is an object holding a buffer (bytes, bytearray, array, or the bytearray under a
//! memoryview) and a byte offset into it; indexing reads or writes 1, 2 or 4 bytes little-endian,
//! always checked against the buffer's current size (an access outside it raises IndexError,
//! never touches other memory). A pointer turned into an int is an address: the address of the
//! buffer object plus the offset. Only addresses of buffers seen by this module can be cast back
//! to pointers; any other address raises ValueError.

use alloc::boxed::Box;
use alloc::collections::BTreeMap;
use alloc::format;
use alloc::rc::{Rc, Weak};
use alloc::vec;
use core::cell::RefCell;

use num_bigint::BigInt;

use crate::attr::dict_of;
use crate::modbuiltins::builtin_fn;
use crate::objmemoryview::{with_raw as with_bytes, with_raw_mut as with_bytes_mut};
use crate::types;
use crate::value::{Layout, NativeObj, Obj, PyObject, Str, Value};
use crate::vm::Vm;
use crate::PyResult;

/// A viper pointer: a buffer, a byte offset into it and the access width in bytes (0 for the
/// untyped `ptr`, which cannot be indexed).
struct ViperPtr {
    /// The module state, where the buffer is registered once its address is taken.
    state: Value,
    buf: Value,
    off: i64,
    width: u8,
}

/// The module's state: the pointer class and the buffers whose addresses were handed out.
struct Registry {
    ptr_cls: Obj,
    bufs: BTreeMap<usize, Weak<PyObject>>,
    /// The size past which dead entries are swept from `bufs` (amortises the sweep).
    sweep_at: usize,
}

/// The state object bound to the module's cast functions.
fn registry<R>(s: &Value, f: impl FnOnce(&mut Registry) -> R) -> Option<R> {
    if let Value::Obj(o) = s {
        if let PyObject::Native(n) = &**o {
            if let Ok(mut d) = n.data.try_borrow_mut() {
                return d.downcast_mut::<Registry>().map(f);
            }
        }
    }
    None
}

/// The pointer state of a value, if it is a pointer: (buffer, offset, width).
fn ptr_parts(v: &Value) -> Option<(Value, i64, u8)> {
    if let Value::Obj(o) = v {
        if let PyObject::Native(n) = &**o {
            if let Ok(d) = n.data.try_borrow() {
                return d
                    .downcast_ref::<ViperPtr>()
                    .map(|p| (p.buf.clone(), p.off, p.width));
            }
        }
    }
    None
}

/// The module state a pointer value belongs to.
fn ptr_state(v: &Value) -> Option<Value> {
    if let Value::Obj(o) = v {
        if let PyObject::Native(n) = &**o {
            let d = n.data.try_borrow().ok()?;
            return d.downcast_ref::<ViperPtr>().map(|p| p.state.clone());
        }
    }
    None
}

/// The pointer class of a pointer value.
fn ptr_class(v: &Value) -> Option<Obj> {
    if let Value::Obj(o) = v {
        if let PyObject::Native(n) = &**o {
            return Some(n.class.clone());
        }
    }
    None
}

/// Whether a value is a buffer a pointer can address directly (bytes, bytearray or array).
fn is_raw_buffer(v: &Value) -> bool {
    if let Value::Obj(o) = v {
        match &**o {
            PyObject::Bytes(_) | PyObject::ByteArray(_) => return true,
            PyObject::Native(n) => {
                if let Ok(d) = n.data.try_borrow() {
                    return d.is::<crate::modarray::ArrayData>();
                }
            }
            _ => {}
        }
    }
    false
}

/// The address of a buffer object (stable while the object lives).
fn base_of(buf: &Value) -> usize {
    match buf {
        Value::Obj(o) => Rc::as_ptr(o) as *const u8 as usize,
        _ => 0,
    }
}

fn new_ptr(vm: &mut Vm, state: &Value, cls: Obj, buf: Value, off: i64, width: u8) -> Value {
    let state = state.clone();
    Value::Obj(vm.alloc(PyObject::Native(NativeObj {
        class: cls,
        data: RefCell::new(Box::new(ViperPtr {
            state,
            buf,
            off,
            width,
        })),
    })))
}

/// The address a pointer value stands for, registering its buffer so that the address can be
/// cast back to a pointer; None if `v` is not a pointer.
fn ptr_address(v: &Value) -> Option<i64> {
    let state = ptr_state(v)?;
    let (buf, off, _) = ptr_parts(v)?;
    if let Value::Obj(o) = &buf {
        let base = base_of(&buf);
        let w = Rc::downgrade(o);
        registry(&state, |r| {
            if r.bufs.len() >= r.sweep_at {
                r.bufs.retain(|_, w| w.strong_count() > 0);
                r.sweep_at = (r.bufs.len() * 2).max(16);
            }
            r.bufs.insert(base, w);
        });
    }
    Some(address(&buf, off))
}

/// Cast `v` to a pointer of the given width: a pointer (re-typed), a buffer, or an address
/// handed out earlier.
fn cast_ptr(vm: &mut Vm, state: &Value, v: &Value, width: u8) -> PyResult {
    let Some(cls) = registry(state, |r| r.ptr_cls.clone()) else {
        return Err(vm.type_error("viper state missing"));
    };
    if let Some((buf, off, _)) = ptr_parts(v) {
        return Ok(new_ptr(vm, state, cls, buf, off, width));
    }
    if let Value::Int(addr) = v {
        let addr = *addr as usize;
        let found = registry(state, |r| {
            r.bufs
                .range(..=addr)
                .next_back()
                .and_then(|(base, w)| w.upgrade().map(|o| (*base, o)))
        })
        .flatten();
        if let Some((base, o)) = found {
            let buf = Value::Obj(o);
            let len = with_bytes(&buf, |b| b.len()).unwrap_or(0);
            let off = addr - base;
            if off <= len {
                return Ok(new_ptr(vm, state, cls, buf, off as i64, width));
            }
        }
        return Err(vm.value_error(format!("viper: unknown address 0x{:x}", addr)));
    }
    let (buf, off) = if is_raw_buffer(v) {
        (v.clone(), 0usize)
    } else if let Some((o, start, _)) = crate::objmemoryview::writable_bytes(v) {
        (Value::Obj(o), start)
    } else if let Some(bytes) = crate::objmemoryview::buffer_bytes(v) {
        // A read-only view over something else: the pointer reads a snapshot.
        (Value::Obj(vm.alloc(PyObject::Bytes(bytes.into()))), 0)
    } else {
        let t = vm.type_name(v);
        return Err(vm.type_error(format!("object with buffer protocol required, not '{}'", t)));
    };
    Ok(new_ptr(vm, state, cls, buf, off as i64, width))
}

fn one_arg<'v>(vm: &mut Vm, args: &'v [Value], n: usize) -> PyResult<&'v Value> {
    match args.get(n) {
        Some(v) if args.len() == n + 1 => Ok(v),
        _ => Err(vm.type_error("function takes 1 positional argument")),
    }
}

fn cast_ptr_any(vm: &mut Vm, args: &[Value], _kw: &[(Str, Value)]) -> PyResult {
    let v = one_arg(vm, args, 1)?.clone();
    cast_ptr(vm, &args[0], &v, 0)
}

fn cast_ptr8(vm: &mut Vm, args: &[Value], _kw: &[(Str, Value)]) -> PyResult {
    let v = one_arg(vm, args, 1)?.clone();
    cast_ptr(vm, &args[0], &v, 1)
}

fn cast_ptr16(vm: &mut Vm, args: &[Value], _kw: &[(Str, Value)]) -> PyResult {
    let v = one_arg(vm, args, 1)?.clone();
    cast_ptr(vm, &args[0], &v, 2)
}

fn cast_ptr32(vm: &mut Vm, args: &[Value], _kw: &[(Str, Value)]) -> PyResult {
    let v = one_arg(vm, args, 1)?.clone();
    cast_ptr(vm, &args[0], &v, 4)
}

/// The address a pointer stands for.
fn address(buf: &Value, off: i64) -> i64 {
    (base_of(buf) as i64).wrapping_add(off)
}

/// A value as a machine word (wrapping), for `int` arguments and results; None if it has no
/// integer meaning.
fn word_of(v: &Value) -> Option<i64> {
    match v {
        Value::None => Some(0),
        Value::Bool(b) => Some(*b as i64),
        Value::Int(i) => Some(*i),
        Value::Obj(_) => {
            if let Some(a) = ptr_address(v) {
                return Some(a);
            }
            let b = crate::objint::to_bigint(v)?;
            let m: BigInt = b & BigInt::from(u64::MAX);
            let u: u64 = u64::try_from(m).ok()?;
            Some(u as i64)
        }
        _ => None,
    }
}

fn word_or_error(vm: &mut Vm, v: &Value) -> PyResult<i64> {
    match word_of(v) {
        Some(i) => Ok(i),
        None => {
            let t = vm.type_name(v);
            Err(vm.type_error(format!("can't convert {} to int", t)))
        }
    }
}

/// `x: int` argument and `-> int` result: a machine word.
fn to_int(vm: &mut Vm, args: &[Value], _kw: &[(Str, Value)]) -> PyResult {
    let v = one_arg(vm, args, 0)?;
    if matches!(v, Value::Obj(_)) && ptr_parts(v).is_none() && crate::objint::to_bigint(v).is_none()
    {
        // An object returned through `-> int` is passed on unchanged.
        return Ok(v.clone());
    }
    Ok(Value::Int(word_or_error(vm, v)?))
}

/// `x: int` argument cast: a machine word, TypeError for a non-integer.
fn arg_int(vm: &mut Vm, args: &[Value], _kw: &[(Str, Value)]) -> PyResult {
    let v = one_arg(vm, args, 0)?;
    Ok(Value::Int(word_or_error(vm, v)?))
}

/// `uint(x)`, `x: uint` and `-> uint`: the machine word read as unsigned.
fn to_uint(vm: &mut Vm, args: &[Value], _kw: &[(Str, Value)]) -> PyResult {
    let v = one_arg(vm, args, 0)?;
    let w = word_or_error(vm, v)?;
    if w >= 0 {
        Ok(Value::Int(w))
    } else {
        Ok(Value::from_bigint(BigInt::from(w as u64)))
    }
}

/// `x: bool` argument and `-> bool` result: the truth of the value.
fn to_bool(vm: &mut Vm, args: &[Value], _kw: &[(Str, Value)]) -> PyResult {
    let v = one_arg(vm, args, 0)?.clone();
    Ok(Value::Bool(vm.truthy(&v)?))
}

/// `-> ptr...` result: the address of the pointer (an int).
fn ret_ptr(vm: &mut Vm, args: &[Value], _kw: &[(Str, Value)]) -> PyResult {
    let v = one_arg(vm, args, 1)?.clone();
    if let Some(a) = ptr_address(&v) {
        return Ok(Value::Int(a));
    }
    if matches!(v, Value::Int(_) | Value::Bool(_) | Value::None) {
        return Ok(Value::Int(word_or_error(vm, &v)?));
    }
    let p = cast_ptr(vm, &args[0], &v, 0)?;
    match ptr_address(&p) {
        Some(a) => Ok(Value::Int(a)),
        None => Ok(v),
    }
}

fn self_ptr(vm: &mut Vm, args: &[Value]) -> PyResult<(Value, i64, u8)> {
    match args.first().and_then(ptr_parts) {
        Some(p) => Ok(p),
        None => Err(vm.type_error("descriptor requires a viper pointer")),
    }
}

/// The byte range of item `i` of a pointer, checked against the buffer's current size.
fn item_range(
    vm: &mut Vm,
    buf: &Value,
    off: i64,
    width: u8,
    index: &Value,
) -> PyResult<(usize, usize)> {
    if width == 0 {
        return Err(vm.err(
            crate::exceptions::ExcKind::TypeError,
            "can't do subscript of 'ptr'",
        ));
    }
    let i = word_or_error(vm, index)?;
    let start = i
        .checked_mul(width as i64)
        .and_then(|d| d.checked_add(off))
        .filter(|s| *s >= 0);
    let len = with_bytes(buf, |b| b.len()).unwrap_or(0);
    match start {
        Some(s) if (s as u64).saturating_add(width as u64) <= len as u64 => {
            Ok((s as usize, s as usize + width as usize))
        }
        _ => Err(vm.err(
            crate::exceptions::ExcKind::IndexError,
            "viper pointer access outside its buffer",
        )),
    }
}

fn ptr_getitem(vm: &mut Vm, args: &[Value], _kw: &[(Str, Value)]) -> PyResult {
    let (buf, off, width) = self_ptr(vm, args)?;
    let idx = one_arg(vm, args, 1)?.clone();
    let (s, e) = item_range(vm, &buf, off, width, &idx)?;
    let v = with_bytes(&buf, |b| {
        b.get(s..e)
            .map(|x| x.iter().rev().fold(0i64, |acc, &y| (acc << 8) | y as i64))
    })
    .flatten();
    match v {
        Some(v) => Ok(Value::Int(v)),
        None => Err(vm.err(
            crate::exceptions::ExcKind::IndexError,
            "viper pointer access outside its buffer",
        )),
    }
}

fn ptr_setitem(vm: &mut Vm, args: &[Value], _kw: &[(Str, Value)]) -> PyResult {
    let (buf, off, width) = self_ptr(vm, args)?;
    if args.len() != 3 {
        return Err(vm.type_error("function takes 2 positional arguments"));
    }
    let (s, e) = item_range(vm, &buf, off, width, &args[1])?;
    let w = word_or_error(vm, &args[2])?;
    let ok = with_bytes_mut(&buf, |b| match b.get_mut(s..e) {
        Some(dst) => {
            let le = w.to_le_bytes();
            dst.copy_from_slice(&le[..e - s]);
            true
        }
        None => false,
    });
    match ok {
        Some(true) => Ok(Value::None),
        Some(false) => Err(vm.err(
            crate::exceptions::ExcKind::IndexError,
            "viper pointer access outside its buffer",
        )),
        None => Err(vm.type_error("viper pointer to a read-only buffer")),
    }
}

fn ptr_offset(vm: &mut Vm, args: &[Value], sign: i64) -> PyResult {
    let (buf, off, width) = self_ptr(vm, args)?;
    let Some(n) = args.get(1).and_then(word_of) else {
        return Ok(Value::NotImplemented);
    };
    let Some(cls) = args.first().and_then(ptr_class) else {
        return Ok(Value::NotImplemented);
    };
    let Some(state) = args.first().and_then(ptr_state) else {
        return Ok(Value::NotImplemented);
    };
    let off = off.wrapping_add(n.wrapping_mul(sign));
    Ok(new_ptr(vm, &state, cls, buf, off, width))
}

fn ptr_add(vm: &mut Vm, args: &[Value], _kw: &[(Str, Value)]) -> PyResult {
    ptr_offset(vm, args, 1)
}

fn ptr_sub(vm: &mut Vm, args: &[Value], _kw: &[(Str, Value)]) -> PyResult {
    if let Some((b2, o2, _)) = args.get(1).and_then(ptr_parts) {
        let (b1, o1, _) = self_ptr(vm, args)?;
        return Ok(Value::Int(address(&b1, o1).wrapping_sub(address(&b2, o2))));
    }
    ptr_offset(vm, args, -1)
}

fn ptr_int(vm: &mut Vm, args: &[Value], _kw: &[(Str, Value)]) -> PyResult {
    match args.first().and_then(ptr_address) {
        Some(a) => Ok(Value::Int(a)),
        None => Err(vm.type_error("descriptor requires a viper pointer")),
    }
}

fn ptr_bool(vm: &mut Vm, args: &[Value], _kw: &[(Str, Value)]) -> PyResult {
    let (buf, off, _) = self_ptr(vm, args)?;
    Ok(Value::Bool(address(&buf, off) != 0))
}

fn ptr_eq(vm: &mut Vm, args: &[Value], _kw: &[(Str, Value)]) -> PyResult {
    let (buf, off, _) = self_ptr(vm, args)?;
    let a = address(&buf, off);
    match args.get(1).and_then(word_of) {
        Some(b) => Ok(Value::Bool(a == b)),
        None => Ok(Value::NotImplemented),
    }
}

fn ptr_repr(vm: &mut Vm, args: &[Value], _kw: &[(Str, Value)]) -> PyResult {
    let (buf, off, width) = self_ptr(vm, args)?;
    let kind = match width {
        1 => "ptr8",
        2 => "ptr16",
        4 => "ptr32",
        _ => "ptr",
    };
    let s = format!("<{} 0x{:x}>", kind, address(&buf, off));
    Ok(Value::Str(crate::value::new_str(&s)))
}

/// Build the `_viper` module.
pub fn init_module(vm: &mut Vm) -> PyResult<Obj> {
    let object = vm.types.object.clone();
    let ptr_cls = types::new_type("ptr", vec![object.clone()], Layout::Other, false);
    types::add_methods(
        &ptr_cls,
        &[
            ("__getitem__", ptr_getitem),
            ("__setitem__", ptr_setitem),
            ("__add__", ptr_add),
            ("__radd__", ptr_add),
            ("__sub__", ptr_sub),
            ("__int__", ptr_int),
            ("__index__", ptr_int),
            ("__bool__", ptr_bool),
            ("__eq__", ptr_eq),
            ("__repr__", ptr_repr),
        ],
    );
    let state_cls = types::new_type("viper", vec![object], Layout::Other, false);
    let state = Value::Obj(vm.alloc(PyObject::Native(NativeObj {
        class: state_cls,
        data: RefCell::new(Box::new(Registry {
            ptr_cls,
            bufs: BTreeMap::new(),
            sweep_at: 16,
        })),
    })));
    let m = vm.new_module("_viper");
    if let PyObject::Module(mm) = &*m {
        if let Some(d) = dict_of(&mm.dict) {
            let mut d = d.borrow_mut();
            let bound: [(&'static str, crate::value::NativeFn); 5] = [
                ("ptr", cast_ptr_any),
                ("ptr8", cast_ptr8),
                ("ptr16", cast_ptr16),
                ("ptr32", cast_ptr32),
                ("ret_ptr", ret_ptr),
            ];
            for (name, f) in bound {
                let meth = PyObject::BoundMethod(builtin_fn(name, f), state.clone());
                d.set_str(name, Value::Obj(Rc::new(meth)));
            }
            d.set_str("uint", builtin_fn("uint", to_uint));
            d.set_str("int", builtin_fn("int", to_int));
            d.set_str("arg_int", builtin_fn("arg_int", arg_int));
            d.set_str("bool", builtin_fn("bool", to_bool));
        }
    }
    Ok(m)
}
