//! The `memoryview` type: a zero-copy, one-dimensional view on a bytes, bytearray or array
//! object, typed by the array's format (`B` for bytes), with slicing, item and slice assignment
//! into writable buffers, `tobytes`, `tolist`, `hex` and `release`.

use alloc::boxed::Box;
use alloc::format;
use alloc::string::String;
use alloc::vec::Vec;
use core::cell::RefCell;

use crate::modbuiltins::check_args;
use crate::types;
use crate::value::{NativeObj, Obj, PyObject, Str, Value};
use crate::vm::Vm;
use crate::PyResult;

/// The state of one view: `len` items of format `code` starting `start` bytes into `obj`.
struct View {
    obj: Value,
    start: usize,
    len: usize,
    code: u8,
    released: bool,
}

fn itemsize(code: u8) -> usize {
    crate::modarray::itemsize(code).unwrap_or(1)
}

fn with_view<R>(v: &Value, f: impl FnOnce(&mut View) -> R) -> Option<R> {
    if let Value::Obj(o) = v {
        if let PyObject::Native(n) = &**o {
            if let Ok(mut d) = n.data.try_borrow_mut() {
                if let Some(view) = d.downcast_mut::<View>() {
                    return Some(f(view));
                }
            }
        }
    }
    None
}

/// Run `f` on the raw bytes of a bytes, bytearray or array object (no copy).
pub(crate) fn with_raw<R>(obj: &Value, f: impl FnOnce(&[u8]) -> R) -> Option<R> {
    if let Value::Obj(o) = obj {
        match &**o {
            PyObject::Bytes(b) => return Some(f(b)),
            PyObject::ByteArray(b) => return b.try_borrow().ok().map(|b| f(&b)),
            PyObject::Native(n) => {
                let d = n.data.try_borrow().ok()?;
                return d
                    .downcast_ref::<crate::modarray::ArrayData>()
                    .map(|a| f(&a.data));
            }
            _ => {}
        }
    }
    None
}

/// Run `f` on the raw bytes of a bytearray or array object, writable.
pub(crate) fn with_raw_mut<R>(obj: &Value, f: impl FnOnce(&mut [u8]) -> R) -> Option<R> {
    if let Value::Obj(o) = obj {
        match &**o {
            PyObject::ByteArray(b) => return b.try_borrow_mut().ok().map(|mut b| f(&mut b)),
            PyObject::Native(n) => {
                let mut d = n.data.try_borrow_mut().ok()?;
                return d
                    .downcast_mut::<crate::modarray::ArrayData>()
                    .map(|a| f(&mut a.data));
            }
            _ => {}
        }
    }
    None
}

/// The format code of a buffer object: an array's typecode, a view's format, else `B`.
fn format_of(v: &Value) -> u8 {
    if let Some(c) = with_view(v, |view| view.code) {
        return c;
    }
    if let Value::Obj(o) = v {
        if let PyObject::Native(n) = &**o {
            if let Ok(d) = n.data.try_borrow() {
                if let Some(a) = d.downcast_ref::<crate::modarray::ArrayData>() {
                    return a.code;
                }
            }
        }
    }
    b'B'
}

/// The view's state (target, byte start, item count, format), if it is a live view.
fn view_parts(v: &Value) -> Option<(Value, usize, usize, u8)> {
    with_view(v, |view| {
        (!view.released).then(|| (view.obj.clone(), view.start, view.len, view.code))
    })
    .flatten()
}

/// The bytes of any buffer object the VM knows (bytes, bytearray, array, memoryview).
pub fn buffer_bytes(v: &Value) -> Option<Vec<u8>> {
    match v {
        Value::Obj(o) => match &**o {
            PyObject::Bytes(b) => Some(b.to_vec()),
            PyObject::ByteArray(b) => Some(b.borrow().clone()),
            PyObject::Native(_) => {
                if with_view(v, |_| ()).is_some() {
                    let (obj, start, len, code) = view_parts(v)?;
                    let end = start.checked_add(len.checked_mul(itemsize(code))?)?;
                    return with_raw(&obj, |b| b.get(start..end).map(|s| s.to_vec())).flatten();
                }
                crate::modarray::array_bytes(v)
            }
            _ => None,
        },
        _ => None,
    }
}

/// A writable byte buffer: a bytearray, or a memoryview on one, as (bytearray, start, length).
pub fn writable_bytes(v: &Value) -> Option<(Obj, usize, usize)> {
    if let Value::Obj(o) = v {
        match &**o {
            PyObject::ByteArray(b) => return Some((o.clone(), 0, b.borrow().len())),
            PyObject::Native(_) => {
                let (obj, start, len, code) = view_parts(v)?;
                if let Value::Obj(t) = &obj {
                    if matches!(&**t, PyObject::ByteArray(_)) {
                        return Some((t.clone(), start, len.checked_mul(itemsize(code))?));
                    }
                }
            }
            _ => {}
        }
    }
    None
}

fn view_of(vm: &mut Vm, v: &Value) -> PyResult<(Value, usize, usize, u8)> {
    match with_view(v, |view| view.released) {
        Some(true) => Err(vm.value_error("operation forbidden on released memoryview object")),
        Some(false) => match view_parts(v) {
            Some(p) => Ok(p),
            None => Err(vm.value_error("operation forbidden on released memoryview object")),
        },
        None => Err(vm.type_error("descriptor requires a 'memoryview' object")),
    }
}

fn new_view(vm: &mut Vm, obj: Value, start: usize, len: usize, code: u8) -> Value {
    let cls = vm.types.memoryview.clone();
    let data: Box<dyn core::any::Any> = Box::new(View {
        obj,
        start,
        len,
        code,
        released: false,
    });
    Value::Obj(vm.alloc(PyObject::Native(NativeObj {
        class: cls,
        data: RefCell::new(data),
    })))
}

/// The buffer an object exports through `__buffer__(flags)` (PEP 688): Python classes and
/// native types such as FrameBuffer that expose another object's memory. None when its type
/// has no `__buffer__`; a TypeError when it returns something that is not a memoryview.
pub fn exported_buffer(vm: &mut Vm, v: &Value) -> PyResult<Option<Value>> {
    let cls = vm.type_of(v);
    let name = vm.name("__buffer__");
    let Some(f) = vm.type_lookup(&cls, &name) else {
        return Ok(None);
    };
    let r = vm.call_unbound(&f, &[v.clone(), Value::Int(0)])?;
    if with_view(&r, |_| ()).is_none() {
        let tn = vm.type_name(&r);
        return Err(vm.type_error(format!(
            "__buffer__ returned non-memoryview object '{}'",
            tn
        )));
    }
    Ok(Some(r))
}

/// `memoryview(obj)` for Rust callers.
pub fn memoryview_of(vm: &mut Vm, obj: &Value) -> PyResult {
    mv_new(vm, &[Value::None, obj.clone()], &[])
}

fn mv_new(vm: &mut Vm, args: &[Value], _kw: &[(Str, Value)]) -> PyResult {
    check_args(vm, "memoryview", args, 2, 2)?;
    vm.heap_check()?;
    let obj = &args[1];
    if with_view(obj, |_| ()).is_none() && with_raw(obj, |_| ()).is_none() {
        if let Some(view) = exported_buffer(vm, obj)? {
            return Ok(view);
        }
    }
    if with_view(obj, |_| ()).is_some() {
        let (o, s, l, c) = view_of(vm, obj)?;
        return Ok(new_view(vm, o, s, l, c));
    }
    let code = format_of(obj);
    match with_raw(obj, |b| b.len()) {
        Some(n) => Ok(new_view(vm, obj.clone(), 0, n / itemsize(code), code)),
        None => {
            let tn = vm.type_name(obj);
            Err(vm.type_error(format!(
                "memoryview: a bytes-like object is required, not '{}'",
                tn
            )))
        }
    }
}

fn mv_len(vm: &mut Vm, args: &[Value], _kw: &[(Str, Value)]) -> PyResult {
    let (_, _, l, _) = view_of(vm, &args[0])?;
    Ok(Value::Int(l as i64))
}

fn is_slice(v: &Value) -> bool {
    matches!(v, Value::Obj(o) if matches!(&**o, PyObject::Slice(..)))
}

/// The item positions a slice selects.
fn slice_items(a: i64, b: i64, step: i64) -> impl Iterator<Item = usize> {
    let mut i = a;
    core::iter::from_fn(move || {
        if (step > 0 && i < b) || (step < 0 && i > b) {
            let r = i;
            i += step;
            usize::try_from(r).ok()
        } else {
            None
        }
    })
}

fn item_index(vm: &mut Vm, idx: &Value, len: usize) -> PyResult<usize> {
    let i = vm.to_index(idx)?;
    let j = if i < 0 { i + len as i64 } else { i };
    if j < 0 || j >= len as i64 {
        return Err(vm.index_error("index out of bounds on dimension 1"));
    }
    Ok(j as usize)
}

fn mv_getitem(vm: &mut Vm, args: &[Value], _kw: &[(Str, Value)]) -> PyResult {
    check_args(vm, "__getitem__", args, 2, 2)?;
    let (obj, start, len, code) = view_of(vm, &args[0])?;
    let size = itemsize(code);
    let idx = &args[1];
    if is_slice(idx) {
        vm.heap_check()?;
        let (a, b, step) = crate::objrange::slice_indices(vm, idx, len)?;
        if step == 1 {
            let n = if b > a { (b - a) as usize } else { 0 };
            return Ok(new_view(vm, obj, start + a.max(0) as usize * size, n, code));
        }
        // A strided slice is a view on a copy of the selected items.
        let out = with_raw(&obj, |all| {
            let mut out = Vec::new();
            for p in slice_items(a, b, step) {
                let from = start + p * size;
                if let Some(item) = all.get(from..from + size) {
                    out.extend_from_slice(item);
                }
            }
            out
        })
        .unwrap_or_default();
        let n = out.len() / size;
        let copy = if matches!(&obj, Value::Obj(o) if matches!(&**o, PyObject::Bytes(_))) {
            Value::bytes_vec(out)
        } else {
            Value::Obj(vm.alloc(PyObject::ByteArray(RefCell::new(out))))
        };
        return Ok(new_view(vm, copy, 0, n, code));
    }
    let j = item_index(vm, idx, len)?;
    let from = start + j * size;
    Ok(with_raw(&obj, |all| {
        all.get(from..from + size)
            .map(|b| crate::modarray::decode(code, b))
    })
    .flatten()
    .unwrap_or(Value::Int(0)))
}

/// The format and raw bytes of a buffer assigned to a view slice.
fn source_buffer(v: &Value) -> Option<(u8, Vec<u8>)> {
    Some((format_of(v), buffer_bytes(v)?))
}

fn mv_setitem(vm: &mut Vm, args: &[Value], _kw: &[(Str, Value)]) -> PyResult {
    check_args(vm, "__setitem__", args, 3, 3)?;
    let (obj, start, len, code) = view_of(vm, &args[0])?;
    let size = itemsize(code);
    if with_raw_mut(&obj, |_| ()).is_none() {
        return Err(vm.type_error("cannot modify read-only memory"));
    }
    let idx = &args[1];
    if is_slice(idx) {
        let (a, b, step) = crate::objrange::slice_indices(vm, idx, len)?;
        let positions: Vec<usize> = slice_items(a, b, step).collect();
        let Some((scode, data)) = source_buffer(&args[2]) else {
            let tn = vm.type_name(&args[2]);
            return Err(vm.type_error(format!("a bytes-like object is required, not '{}'", tn)));
        };
        if scode != code || data.len() != positions.len() * size {
            return Err(vm.value_error(
                "memoryview assignment: lvalue and rvalue have different structures",
            ));
        }
        with_raw_mut(&obj, |all| {
            for (k, p) in positions.iter().enumerate() {
                let from = start + p * size;
                if let (Some(dst), Some(src)) = (
                    all.get_mut(from..from + size),
                    data.get(k * size..(k + 1) * size),
                ) {
                    dst.copy_from_slice(src);
                }
            }
        });
        return Ok(Value::None);
    }
    let j = item_index(vm, idx, len)?;
    let mut out = Vec::with_capacity(size);
    if let Err(e) = crate::modarray::encode(vm, code, &args[2], &mut out) {
        let c = code as char;
        return Err(
            if vm.err_matches(&e, crate::exceptions::ExcKind::OverflowError) {
                vm.value_error(format!("memoryview: invalid value for format '{}'", c))
            } else {
                vm.type_error(format!("memoryview: invalid type for format '{}'", c))
            },
        );
    }
    let from = start + j * size;
    with_raw_mut(&obj, |all| {
        if let Some(dst) = all.get_mut(from..from + size) {
            dst.copy_from_slice(&out);
        }
    });
    Ok(Value::None)
}

fn bytes_of_view(vm: &mut Vm, v: &Value) -> PyResult<Vec<u8>> {
    view_of(vm, v)?;
    Ok(buffer_bytes(v).unwrap_or_default())
}

fn mv_tobytes(vm: &mut Vm, args: &[Value], _kw: &[(Str, Value)]) -> PyResult {
    let b = bytes_of_view(vm, &args[0])?;
    Ok(Value::bytes_vec(b))
}

fn items_of(vm: &mut Vm, v: &Value) -> PyResult<Vec<Value>> {
    let (_, _, _, code) = view_of(vm, v)?;
    let b = bytes_of_view(vm, v)?;
    Ok(b.chunks_exact(itemsize(code))
        .map(|c| crate::modarray::decode(code, c))
        .collect())
}

fn mv_tolist(vm: &mut Vm, args: &[Value], _kw: &[(Str, Value)]) -> PyResult {
    let items = items_of(vm, &args[0])?;
    Ok(vm.new_list(items))
}

fn mv_hex(vm: &mut Vm, args: &[Value], kw: &[(Str, Value)]) -> PyResult {
    let b = bytes_of_view(vm, &args[0])?;
    if args.len() > 1 || !kw.is_empty() {
        // With a separator: bytes.hex does the grouping.
        let bytes = Value::Obj(vm.alloc(PyObject::Bytes(b.into_boxed_slice())));
        let n = vm.intern("hex");
        let f = vm.getattr(&bytes, &n)?;
        return vm.call_kw(&f, &args[1..], kw);
    }
    let mut s = String::with_capacity(b.len() * 2);
    for x in b {
        s.push_str(&format!("{:02x}", x));
    }
    Ok(Value::string(s))
}

fn mv_release(_vm: &mut Vm, args: &[Value], _kw: &[(Str, Value)]) -> PyResult {
    with_view(&args[0], |v| v.released = true);
    Ok(Value::None)
}

fn mv_enter(vm: &mut Vm, args: &[Value], _kw: &[(Str, Value)]) -> PyResult {
    view_of(vm, &args[0])?;
    Ok(args[0].clone())
}

fn mv_exit(_vm: &mut Vm, args: &[Value], _kw: &[(Str, Value)]) -> PyResult {
    with_view(&args[0], |v| v.released = true);
    Ok(Value::Bool(false))
}

/// `iter(view)`: steps through the live buffer by index (no copy; writes to the buffer
/// during the iteration are seen, as in CPython).
fn mv_iter(vm: &mut Vm, args: &[Value], _kw: &[(Str, Value)]) -> PyResult {
    view_of(vm, &args[0])?;
    Ok(vm.new_iter(crate::value::IterState::GetItem {
        obj: args[0].clone(),
        index: 0,
    }))
}

fn mv_eq(vm: &mut Vm, args: &[Value], _kw: &[(Str, Value)]) -> PyResult {
    if args.len() != 2 {
        return Err(vm.type_error("expected 1 argument"));
    }
    if with_view(&args[0], |v| v.released).unwrap_or(true) {
        return Ok(Value::Bool(args[0].is(&args[1])));
    }
    let (_, _, _, code) = view_of(vm, &args[0])?;
    let Some((ocode, other)) = source_buffer(&args[1]) else {
        return Ok(Value::NotImplemented);
    };
    let mine = bytes_of_view(vm, &args[0])?;
    if code == ocode {
        return Ok(Value::Bool(mine == other));
    }
    let a: Vec<Value> = mine
        .chunks_exact(itemsize(code))
        .map(|c| crate::modarray::decode(code, c))
        .collect();
    let b: Vec<Value> = other
        .chunks_exact(itemsize(ocode))
        .map(|c| crate::modarray::decode(ocode, c))
        .collect();
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

fn mv_bytes(vm: &mut Vm, args: &[Value], _kw: &[(Str, Value)]) -> PyResult {
    mv_tobytes(vm, args, &[])
}

fn mv_getattr(vm: &mut Vm, args: &[Value], _kw: &[(Str, Value)]) -> PyResult {
    let name = args
        .get(1)
        .and_then(|n| n.as_str().map(String::from))
        .unwrap_or_default();
    let known = matches!(
        name.as_str(),
        "readonly"
            | "nbytes"
            | "itemsize"
            | "ndim"
            | "format"
            | "obj"
            | "shape"
            | "strides"
            | "contiguous"
            | "c_contiguous"
            | "f_contiguous"
    );
    if !known {
        return Err(vm.attribute_error(format!("'memoryview' object has no attribute '{}'", name)));
    }
    let (obj, _, len, code) = view_of(vm, &args[0])?;
    let size = itemsize(code);
    Ok(match name.as_str() {
        "readonly" => Value::Bool(with_raw_mut(&obj, |_| ()).is_none()),
        "nbytes" => Value::Int((len * size) as i64),
        "itemsize" => Value::Int(size as i64),
        "ndim" => Value::Int(1),
        "format" => Value::string(String::from(code as char)),
        "obj" => obj,
        "shape" => vm.new_tuple(alloc::vec![Value::Int(len as i64)]),
        "strides" => vm.new_tuple(alloc::vec![Value::Int(size as i64)]),
        _ => Value::Bool(true),
    })
}

/// Give `memoryview` its methods.
pub(crate) fn init(vm: &mut Vm) {
    let cls: Obj = vm.types.memoryview.clone();
    types::add_static_methods(&cls, &[("__new__", mv_new)]);
    types::add_methods(
        &cls,
        &[
            ("__len__", mv_len),
            ("__getitem__", mv_getitem),
            ("__setitem__", mv_setitem),
            ("tobytes", mv_tobytes),
            ("tolist", mv_tolist),
            ("hex", mv_hex),
            ("release", mv_release),
            ("__enter__", mv_enter),
            ("__exit__", mv_exit),
            ("__iter__", mv_iter),
            ("__eq__", mv_eq),
            ("__bytes__", mv_bytes),
            ("__getattr__", mv_getattr),
        ],
    );
}
