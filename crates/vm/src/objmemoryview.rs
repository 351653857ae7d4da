//! The `memoryview` type: a zero-copy view on the bytes of a bytes, bytearray or array object
//! (one-dimensional, unsigned bytes), with slicing, item assignment into writable buffers,
//! `tobytes`, `tolist`, `hex` and `release`.

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

/// The state of one view.
struct View {
    obj: Value,
    start: usize,
    len: usize,
    released: bool,
}

fn with_view<R>(v: &Value, f: impl FnOnce(&mut View) -> R) -> Option<R> {
    if let Value::Obj(o) = v {
        if let PyObject::Native(n) = &**o {
            if let Some(view) = n.data.borrow_mut().downcast_mut::<View>() {
                return Some(f(view));
            }
        }
    }
    None
}

/// The bytes of any buffer object the VM knows (bytes, bytearray, array, memoryview).
pub fn buffer_bytes(v: &Value) -> Option<Vec<u8>> {
    match v {
        Value::Obj(o) => match &**o {
            PyObject::Bytes(b) => Some(b.to_vec()),
            PyObject::ByteArray(b) => Some(b.borrow().clone()),
            PyObject::Native(_) => {
                if let Some(r) = with_view(v, |view| {
                    (view.obj.clone(), view.start, view.len, view.released)
                }) {
                    let (obj, start, len, released) = r;
                    if released {
                        return None;
                    }
                    let all = buffer_bytes(&obj)?;
                    return all.get(start..start + len).map(|s| s.to_vec());
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
                let (obj, start, len, released) = with_view(v, |view| {
                    (view.obj.clone(), view.start, view.len, view.released)
                })?;
                if released {
                    return None;
                }
                if let Value::Obj(t) = &obj {
                    if matches!(&**t, PyObject::ByteArray(_)) {
                        return Some((t.clone(), start, len));
                    }
                }
            }
            _ => {}
        }
    }
    None
}

fn view_of(vm: &mut Vm, v: &Value) -> PyResult<(Value, usize, usize)> {
    match with_view(v, |view| {
        (view.obj.clone(), view.start, view.len, view.released)
    }) {
        Some((_, _, _, true)) => {
            Err(vm.value_error("operation forbidden on released memoryview object"))
        }
        Some((o, s, l, false)) => Ok((o, s, l)),
        None => Err(vm.type_error("descriptor requires a 'memoryview' object")),
    }
}

fn new_view(vm: &mut Vm, obj: Value, start: usize, len: usize) -> Value {
    let cls = vm.types.memoryview.clone();
    let data: Box<dyn core::any::Any> = Box::new(View {
        obj,
        start,
        len,
        released: false,
    });
    Value::Obj(vm.alloc(PyObject::Native(NativeObj {
        class: cls,
        data: RefCell::new(data),
    })))
}

fn mv_new(vm: &mut Vm, args: &[Value], _kw: &[(Str, Value)]) -> PyResult {
    check_args(vm, "memoryview", args, 2, 2)?;
    vm.heap_check()?;
    let obj = &args[1];
    if let Some((o, s, l)) = with_view(obj, |v| (v.obj.clone(), v.start, v.len)) {
        return Ok(new_view(vm, o, s, l));
    }
    match buffer_bytes(obj) {
        Some(b) => Ok(new_view(vm, obj.clone(), 0, b.len())),
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
    let (_, _, l) = view_of(vm, &args[0])?;
    Ok(Value::Int(l as i64))
}

fn mv_getitem(vm: &mut Vm, args: &[Value], _kw: &[(Str, Value)]) -> PyResult {
    check_args(vm, "__getitem__", args, 2, 2)?;
    let (obj, start, len) = view_of(vm, &args[0])?;
    let idx = &args[1];
    if let Value::Obj(o) = idx {
        if let PyObject::Slice(..) = &**o {
            vm.heap_check()?;
            let (a, b, step) = crate::objrange::slice_indices(vm, idx, len)?;
            if step == 1 {
                let n = if b > a { (b - a) as usize } else { 0 };
                return Ok(new_view(vm, obj, start + a.max(0) as usize, n));
            }
            let all = buffer_bytes(&obj).unwrap_or_default();
            let mut out = Vec::new();
            let mut i = a;
            while (step > 0 && i < b) || (step < 0 && i > b) {
                if let Some(x) = all.get(start + i as usize) {
                    out.push(*x);
                }
                i += step;
            }
            let n = out.len();
            return Ok(new_view(vm, Value::bytes_vec(out), 0, n));
        }
    }
    let i = vm.to_index(idx)?;
    let j = if i < 0 { i + len as i64 } else { i };
    if j < 0 || j >= len as i64 {
        return Err(vm.index_error("index out of bounds on dimension 1"));
    }
    let all = buffer_bytes(&obj).unwrap_or_default();
    Ok(Value::Int(
        all.get(start + j as usize).copied().unwrap_or(0) as i64,
    ))
}

fn mv_setitem(vm: &mut Vm, args: &[Value], _kw: &[(Str, Value)]) -> PyResult {
    check_args(vm, "__setitem__", args, 3, 3)?;
    let (obj, start, len) = view_of(vm, &args[0])?;
    let Value::Obj(target) = &obj else {
        return Err(vm.type_error("cannot modify read-only memory"));
    };
    let PyObject::ByteArray(buf) = &**target else {
        return Err(vm.type_error("cannot modify read-only memory"));
    };
    let idx = &args[1];
    if let Value::Obj(o) = idx {
        if let PyObject::Slice(..) = &**o {
            let (a, b, step) = crate::objrange::slice_indices(vm, idx, len)?;
            if step != 1 {
                return Err(vm.err(
                    crate::exceptions::ExcKind::NotImplementedError,
                    "memoryview slice assignments are currently restricted to step 1",
                ));
            }
            let n = if b > a { (b - a) as usize } else { 0 };
            let data = match buffer_bytes(&args[2]) {
                Some(d) => d,
                None => {
                    let tn = vm.type_name(&args[2]);
                    return Err(
                        vm.type_error(format!("a bytes-like object is required, not '{}'", tn))
                    );
                }
            };
            if data.len() != n {
                return Err(vm.value_error(
                    "memoryview assignment: lvalue and rvalue have different structures",
                ));
            }
            let mut bb = buf.borrow_mut();
            let from = start + a.max(0) as usize;
            if let Some(dst) = bb.get_mut(from..from + n) {
                dst.copy_from_slice(&data);
            }
            return Ok(Value::None);
        }
    }
    let i = vm.to_index(idx)?;
    let j = if i < 0 { i + len as i64 } else { i };
    if j < 0 || j >= len as i64 {
        return Err(vm.index_error("index out of bounds on dimension 1"));
    }
    let v = vm.to_index(&args[2])?;
    if !(0..=255).contains(&v) {
        return Err(vm.value_error("memoryview: invalid value for format 'B'"));
    }
    if let Some(x) = buf.borrow_mut().get_mut(start + j as usize) {
        *x = v as u8;
    }
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

fn mv_tolist(vm: &mut Vm, args: &[Value], _kw: &[(Str, Value)]) -> PyResult {
    let b = bytes_of_view(vm, &args[0])?;
    let items = b.into_iter().map(|x| Value::Int(x as i64)).collect();
    Ok(vm.new_list(items))
}

fn mv_hex(vm: &mut Vm, args: &[Value], _kw: &[(Str, Value)]) -> PyResult {
    let b = bytes_of_view(vm, &args[0])?;
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

fn mv_iter(vm: &mut Vm, args: &[Value], _kw: &[(Str, Value)]) -> PyResult {
    let l = mv_tolist(vm, args, &[])?;
    vm.iter(&l)
}

fn mv_eq(vm: &mut Vm, args: &[Value], _kw: &[(Str, Value)]) -> PyResult {
    if args.len() != 2 {
        return Err(vm.type_error("expected 1 argument"));
    }
    if with_view(&args[0], |v| v.released).unwrap_or(true) {
        return Ok(Value::Bool(args[0].is(&args[1])));
    }
    let a = bytes_of_view(vm, &args[0])?;
    match buffer_bytes(&args[1]) {
        Some(b) => Ok(Value::Bool(a == b)),
        None => Ok(Value::NotImplemented),
    }
}

fn mv_bytes(vm: &mut Vm, args: &[Value], _kw: &[(Str, Value)]) -> PyResult {
    mv_tobytes(vm, args, &[])
}

fn mv_getattr(vm: &mut Vm, args: &[Value], _kw: &[(Str, Value)]) -> PyResult {
    let name = args
        .get(1)
        .and_then(|n| n.as_str().map(String::from))
        .unwrap_or_default();
    match name.as_str() {
        "readonly" => {
            let (obj, _, _) = view_of(vm, &args[0])?;
            Ok(Value::Bool(
                !matches!(&obj, Value::Obj(o) if matches!(&**o, PyObject::ByteArray(_))),
            ))
        }
        "nbytes" => mv_len(vm, &args[..1], &[]),
        "itemsize" => Ok(Value::Int(1)),
        "ndim" => Ok(Value::Int(1)),
        "format" => Ok(Value::str("B")),
        "obj" => Ok(view_of(vm, &args[0])?.0),
        _ => Err(vm.attribute_error(format!("'memoryview' object has no attribute '{}'", name))),
    }
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
