//! The `_collections` module: the native `deque` (a ring buffer with optional `maxlen`). The
//! `collections` module itself is frozen Python (`frozen/collections.py`) and re-exports it.

use alloc::boxed::Box;
use alloc::collections::VecDeque;
use alloc::format;
use alloc::string::String;
use alloc::vec::Vec;
use core::cell::RefCell;

use crate::modbuiltins::{builtin_fn, check_kw, kwarg};
use crate::modstruct::module_set;
use crate::types;
use crate::value::{Layout, NativeFn, NativeObj, Obj, PyObject, Str, Value};
use crate::vm::Vm;
use crate::PyResult;

/// A deque's items and bound.
pub struct Deque {
    items: VecDeque<Value>,
    maxlen: Option<usize>,
}

impl Deque {
    fn push_back(&mut self, v: Value) {
        if self.maxlen == Some(0) {
            return;
        }
        if Some(self.items.len()) == self.maxlen {
            self.items.pop_front();
        }
        self.items.push_back(v);
    }

    fn push_front(&mut self, v: Value) {
        if self.maxlen == Some(0) {
            return;
        }
        if Some(self.items.len()) == self.maxlen {
            self.items.pop_back();
        }
        self.items.push_front(v);
    }
}

fn with<R>(v: &Value, f: impl FnOnce(&mut Deque) -> R) -> Option<R> {
    if let Value::Obj(o) = v {
        if let PyObject::Native(n) = &**o {
            if let Ok(mut d) = n.data.try_borrow_mut() {
                if let Some(dq) = d.downcast_mut::<Deque>() {
                    return Some(f(dq));
                }
            }
        }
    }
    None
}

fn this<R>(vm: &mut Vm, args: &[Value], f: impl FnOnce(&mut Deque) -> R) -> PyResult<R> {
    match args.first().and_then(|a| with(a, f)) {
        Some(r) => Ok(r),
        None => Err(vm.type_error("descriptor requires a 'collections.deque' object")),
    }
}

fn one_arg(vm: &mut Vm, name: &str, args: &[Value]) -> PyResult<Value> {
    if args.len() != 2 {
        return Err(vm.type_error(format!(
            "deque.{}() takes exactly one argument ({} given)",
            name,
            args.len().saturating_sub(1)
        )));
    }
    Ok(args[1].clone())
}

fn d_new(vm: &mut Vm, args: &[Value], kw: &[(Str, Value)]) -> PyResult {
    check_kw(vm, "deque", kw, &["iterable", "maxlen"])?;
    let cls = match args.first() {
        Some(Value::Obj(o)) if matches!(&**o, PyObject::Type(_)) => o.clone(),
        _ => return Err(vm.type_error("deque.__new__(X): X is not a type object")),
    };
    if args.len() > 3 {
        return Err(vm.type_error(format!(
            "deque expected at most 2 arguments, got {}",
            args.len() - 1
        )));
    }
    let maxlen = match args.get(2).or_else(|| kwarg(kw, "maxlen")) {
        None | Some(Value::None) => None,
        Some(v) => {
            let n = vm.to_index(&v.clone())?;
            if n < 0 {
                return Err(vm.value_error("maxlen must be non-negative"));
            }
            Some(n as usize)
        }
    };
    let items = match args.get(1).or_else(|| kwarg(kw, "iterable")) {
        Some(it) => vm.collect(&it.clone())?,
        None => Vec::new(),
    };
    let mut d = Deque {
        items: VecDeque::with_capacity(items.len()),
        maxlen,
    };
    for v in items {
        d.push_back(v);
    }
    Ok(Value::Obj(vm.alloc(PyObject::Native(NativeObj {
        class: cls,
        data: RefCell::new(Box::new(d)),
    }))))
}

fn d_append(vm: &mut Vm, args: &[Value], _kw: &[(Str, Value)]) -> PyResult {
    let v = one_arg(vm, "append", args)?;
    this(vm, args, |d| d.push_back(v))?;
    Ok(Value::None)
}

fn d_appendleft(vm: &mut Vm, args: &[Value], _kw: &[(Str, Value)]) -> PyResult {
    let v = one_arg(vm, "appendleft", args)?;
    this(vm, args, |d| d.push_front(v))?;
    Ok(Value::None)
}

fn d_pop(vm: &mut Vm, args: &[Value], _kw: &[(Str, Value)]) -> PyResult {
    match this(vm, args, |d| d.items.pop_back())? {
        Some(v) => Ok(v),
        None => Err(vm.index_error("pop from an empty deque")),
    }
}

fn d_popleft(vm: &mut Vm, args: &[Value], _kw: &[(Str, Value)]) -> PyResult {
    match this(vm, args, |d| d.items.pop_front())? {
        Some(v) => Ok(v),
        None => Err(vm.index_error("pop from an empty deque")),
    }
}

fn d_extend(vm: &mut Vm, args: &[Value], _kw: &[(Str, Value)]) -> PyResult {
    let it = one_arg(vm, "extend", args)?;
    let items = vm.collect(&it)?;
    this(vm, args, |d| {
        for v in items {
            d.push_back(v);
        }
    })?;
    Ok(Value::None)
}

fn d_extendleft(vm: &mut Vm, args: &[Value], _kw: &[(Str, Value)]) -> PyResult {
    let it = one_arg(vm, "extendleft", args)?;
    let items = vm.collect(&it)?;
    this(vm, args, |d| {
        for v in items {
            d.push_front(v);
        }
    })?;
    Ok(Value::None)
}

fn d_rotate(vm: &mut Vm, args: &[Value], _kw: &[(Str, Value)]) -> PyResult {
    let n = match args.get(1) {
        Some(v) => vm.to_index(v)?,
        None => 1,
    };
    this(vm, args, |d| {
        let len = d.items.len() as i64;
        if len > 1 {
            let k = n.rem_euclid(len) as usize;
            d.items.rotate_right(k);
        }
    })?;
    Ok(Value::None)
}

fn d_clear(vm: &mut Vm, args: &[Value], _kw: &[(Str, Value)]) -> PyResult {
    let old = this(vm, args, |d| core::mem::take(&mut d.items))?;
    drop(old);
    Ok(Value::None)
}

fn d_reverse(vm: &mut Vm, args: &[Value], _kw: &[(Str, Value)]) -> PyResult {
    this(vm, args, |d| d.items.make_contiguous().reverse())?;
    Ok(Value::None)
}

fn d_len(vm: &mut Vm, args: &[Value], _kw: &[(Str, Value)]) -> PyResult {
    Ok(Value::Int(this(vm, args, |d| d.items.len())? as i64))
}

fn snapshot(vm: &mut Vm, args: &[Value]) -> PyResult<Vec<Value>> {
    this(vm, args, |d| d.items.iter().cloned().collect())
}

fn d_iter(vm: &mut Vm, args: &[Value], _kw: &[(Str, Value)]) -> PyResult {
    let items = snapshot(vm, args)?;
    let l = vm.new_list(items);
    vm.iter(&l)
}

fn d_reversed(vm: &mut Vm, args: &[Value], _kw: &[(Str, Value)]) -> PyResult {
    let mut items = snapshot(vm, args)?;
    items.reverse();
    let l = vm.new_list(items);
    vm.iter(&l)
}

fn index_of(vm: &mut Vm, args: &[Value]) -> PyResult<usize> {
    let len = this(vm, args, |d| d.items.len())?;
    let Some(iv) = args.get(1) else {
        return Err(vm.type_error("expected an index"));
    };
    let i = vm.to_index(iv)?;
    let j = if i < 0 { i + len as i64 } else { i };
    if j < 0 || j >= len as i64 {
        return Err(vm.index_error("deque index out of range"));
    }
    Ok(j as usize)
}

fn d_getitem(vm: &mut Vm, args: &[Value], _kw: &[(Str, Value)]) -> PyResult {
    let i = index_of(vm, args)?;
    match this(vm, args, |d| d.items.get(i).cloned())? {
        Some(v) => Ok(v),
        None => Err(vm.index_error("deque index out of range")),
    }
}

fn d_setitem(vm: &mut Vm, args: &[Value], _kw: &[(Str, Value)]) -> PyResult {
    let i = index_of(vm, args)?;
    let v = args.get(2).cloned().unwrap_or(Value::None);
    let old = this(vm, args, |d| {
        d.items.get_mut(i).map(|s| core::mem::replace(s, v))
    })?;
    drop(old);
    Ok(Value::None)
}

fn d_delitem(vm: &mut Vm, args: &[Value], _kw: &[(Str, Value)]) -> PyResult {
    let i = index_of(vm, args)?;
    let old = this(vm, args, |d| d.items.remove(i))?;
    drop(old);
    Ok(Value::None)
}

fn d_contains(vm: &mut Vm, args: &[Value], _kw: &[(Str, Value)]) -> PyResult {
    let x = one_arg(vm, "__contains__", args)?;
    for v in snapshot(vm, args)? {
        if v.is(&x) || vm.eq(&v, &x)? {
            return Ok(Value::Bool(true));
        }
    }
    Ok(Value::Bool(false))
}

fn d_count(vm: &mut Vm, args: &[Value], _kw: &[(Str, Value)]) -> PyResult {
    let x = one_arg(vm, "count", args)?;
    let mut n = 0;
    for v in snapshot(vm, args)? {
        if v.is(&x) || vm.eq(&v, &x)? {
            n += 1;
        }
    }
    Ok(Value::Int(n))
}

fn d_index(vm: &mut Vm, args: &[Value], _kw: &[(Str, Value)]) -> PyResult {
    let Some(x) = args.get(1).cloned() else {
        return Err(vm.type_error("index expected at least 1 argument, got 0"));
    };
    for (i, v) in snapshot(vm, args)?.iter().enumerate() {
        if v.is(&x) || vm.eq(v, &x)? {
            return Ok(Value::Int(i as i64));
        }
    }
    let r = vm.repr(&x)?;
    Err(vm.value_error(format!("{} is not in deque", r.as_str())))
}

fn d_remove(vm: &mut Vm, args: &[Value], _kw: &[(Str, Value)]) -> PyResult {
    let x = one_arg(vm, "remove", args)?;
    for (i, v) in snapshot(vm, args)?.iter().enumerate() {
        if v.is(&x) || vm.eq(v, &x)? {
            let old = this(vm, args, |d| d.items.remove(i))?;
            drop(old);
            return Ok(Value::None);
        }
    }
    let r = vm.repr(&x)?;
    Err(vm.value_error(format!("{} is not in deque", r.as_str())))
}

fn d_copy(vm: &mut Vm, args: &[Value], _kw: &[(Str, Value)]) -> PyResult {
    let (items, maxlen) = this(vm, args, |d| (d.items.clone(), d.maxlen))?;
    let cls = match &args[0] {
        Value::Obj(o) => match &**o {
            PyObject::Native(n) => n.class.clone(),
            _ => vm.types.object.clone(),
        },
        _ => vm.types.object.clone(),
    };
    Ok(Value::Obj(vm.alloc(PyObject::Native(NativeObj {
        class: cls,
        data: RefCell::new(Box::new(Deque { items, maxlen })),
    }))))
}

fn d_repr(vm: &mut Vm, args: &[Value], _kw: &[(Str, Value)]) -> PyResult {
    let items = snapshot(vm, args)?;
    let maxlen = this(vm, args, |d| d.maxlen)?;
    let mut s = String::from("deque([");
    for (k, v) in items.iter().enumerate() {
        if k > 0 {
            s.push_str(", ");
        }
        if v.is(&args[0]) {
            s.push_str("[...]");
            continue;
        }
        let r = vm.repr(v)?;
        s.push_str(r.as_str());
    }
    s.push(']');
    if let Some(m) = maxlen {
        s.push_str(&format!(", maxlen={}", m));
    }
    s.push(')');
    Ok(Value::string(s))
}

fn d_eq(vm: &mut Vm, args: &[Value], _kw: &[(Str, Value)]) -> PyResult {
    let Some(other) = args.get(1) else {
        return Ok(Value::NotImplemented);
    };
    let Some(b) = with(other, |d| d.items.iter().cloned().collect::<Vec<_>>()) else {
        return Ok(Value::NotImplemented);
    };
    let a = snapshot(vm, args)?;
    if a.len() != b.len() {
        return Ok(Value::Bool(false));
    }
    for (x, y) in a.iter().zip(b.iter()) {
        if !(x.is(y) || vm.eq(x, y)?) {
            return Ok(Value::Bool(false));
        }
    }
    Ok(Value::Bool(true))
}

fn d_ne(vm: &mut Vm, args: &[Value], kw: &[(Str, Value)]) -> PyResult {
    match d_eq(vm, args, kw)? {
        Value::Bool(b) => Ok(Value::Bool(!b)),
        v => Ok(v),
    }
}

fn d_iadd(vm: &mut Vm, args: &[Value], kw: &[(Str, Value)]) -> PyResult {
    d_extend(vm, args, kw)?;
    Ok(args[0].clone())
}

fn d_maxlen(vm: &mut Vm, args: &[Value], _kw: &[(Str, Value)]) -> PyResult {
    Ok(match this(vm, args, |d| d.maxlen)? {
        Some(n) => Value::Int(n as i64),
        None => Value::None,
    })
}

/// The collector's view into a deque (its items).
fn deque_visit(d: &dyn core::any::Any, f: &mut dyn FnMut(&Value)) {
    if let Some(d) = d.downcast_ref::<Deque>() {
        d.items.iter().for_each(f);
    }
}

fn deque_clear(d: &mut dyn core::any::Any, out: &mut Vec<Value>) {
    if let Some(d) = d.downcast_mut::<Deque>() {
        out.extend(d.items.drain(..));
    }
}

/// The `_collections` module (the native `deque`; the rest of `collections` is frozen Python).
pub fn init_module(vm: &mut Vm) -> PyResult<Obj> {
    vm.heap.register_native::<Deque>(crate::gc::NativeTracer {
        visit: deque_visit,
        clear: deque_clear,
    });
    let m = vm.new_module("_collections");
    let cls = types::new_type(
        "deque",
        alloc::vec![vm.types.object.clone()],
        Layout::Other,
        false,
    );
    types::set_attr(&cls, "__module__", Value::str("collections"));
    types::set_attr(&cls, "__hash__", Value::None);
    types::add_static_methods(&cls, &[("__new__", d_new)]);
    let methods: &[(&'static str, NativeFn)] = &[
        ("append", d_append),
        ("appendleft", d_appendleft),
        ("pop", d_pop),
        ("popleft", d_popleft),
        ("extend", d_extend),
        ("extendleft", d_extendleft),
        ("rotate", d_rotate),
        ("clear", d_clear),
        ("reverse", d_reverse),
        ("count", d_count),
        ("index", d_index),
        ("remove", d_remove),
        ("copy", d_copy),
        ("__copy__", d_copy),
        ("__len__", d_len),
        ("__iter__", d_iter),
        ("__reversed__", d_reversed),
        ("__getitem__", d_getitem),
        ("__setitem__", d_setitem),
        ("__delitem__", d_delitem),
        ("__contains__", d_contains),
        ("__repr__", d_repr),
        ("__eq__", d_eq),
        ("__ne__", d_ne),
        ("__iadd__", d_iadd),
    ];
    types::add_methods(&cls, methods);
    let p = vm.alloc(PyObject::Property {
        fget: builtin_fn("maxlen", d_maxlen),
        fset: Value::None,
        fdel: Value::None,
        doc: Value::None,
    });
    types::set_attr(&cls, "maxlen", Value::Obj(p));
    module_set(&m, "deque", Value::Obj(cls));
    Ok(m)
}
