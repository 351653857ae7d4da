//! Built-in iterators: list/tuple/str/bytes/dict/range iteration, enumerate, zip, map, filter,
//! reversed and the two-argument `iter()`; plus the natives of those iterator types.

use alloc::string::String;
use alloc::vec::Vec;

use crate::attr::dict_of;
use crate::exceptions::ExcKind;
use crate::types;
use crate::value::{IterState, Obj, PyObject, Str};
use crate::vm::Vm;
use crate::PyResult;
use crate::Value;

/// One step of a range or list/tuple iterator, under its borrow: `Some(item)`, with `None` once
/// exhausted (which also marks the iterator done, so a list that grows later is not read again);
/// None for the other iterator kinds. Shared by `next()` and the dispatch loop's `for`.
#[inline(always)]
pub(crate) fn step_simple(st: &mut IterState) -> Option<Option<Value>> {
    let r = match st {
        IterState::Range {
            next,
            remaining,
            step,
        } => {
            if *remaining == 0 {
                None
            } else {
                let v = *next;
                *remaining -= 1;
                *next = next.wrapping_add(*step);
                return Some(Some(Value::Int(v)));
            }
        }
        IterState::Seq { seq, index } => {
            let item = match seq {
                Value::Obj(s) => match &**s {
                    PyObject::List(l) => l.try_borrow().ok().and_then(|l| l.get(*index).cloned()),
                    PyObject::Tuple(t) => t.get(*index).cloned(),
                    _ => None,
                },
                _ => None,
            };
            if item.is_some() {
                *index += 1;
                return Some(item);
            }
            None
        }
        _ => return None,
    };
    *st = IterState::Done;
    Some(r)
}

/// Advance a built-in iterator object.
pub fn iter_next(vm: &mut Vm, o: &Obj) -> PyResult<Option<Value>> {
    let PyObject::Iter(cell) = &**o else {
        return Ok(None);
    };
    // Simple states advance under the borrow; states that call Python take what they need out.
    enum Slow {
        Enumerate(Value, Value),
        Zip(Vec<Value>, bool),
        Map(Value, Vec<Value>),
        Filter(Value, Value),
        Callable(Value, Value),
        GetItem(Value, i64),
        Dict(Obj, usize, u8, usize),
    }
    let slow = {
        let mut st = cell.borrow_mut();
        match &mut *st {
            IterState::Done => return Ok(None),
            IterState::Range { .. } | IterState::Seq { .. } => {
                return Ok(step_simple(&mut st).flatten());
            }
            IterState::Str { s, offset } => {
                let text = s.as_str();
                match text.get(*offset..).and_then(|t| t.chars().next()) {
                    Some(c) => {
                        *offset += c.len_utf8();
                        let mut buf = [0u8; 4];
                        return Ok(Some(Value::str(c.encode_utf8(&mut buf))));
                    }
                    None => {
                        *st = IterState::Done;
                        return Ok(None);
                    }
                }
            }
            IterState::Bytes { seq, index } => {
                let r = match seq {
                    Value::Obj(s) => match &**s {
                        PyObject::Bytes(b) => b.get(*index).copied(),
                        PyObject::ByteArray(b) => b.borrow().get(*index).copied(),
                        _ => None,
                    },
                    _ => None,
                };
                *index += 1;
                return Ok(r.map(|b| Value::Int(b as i64)));
            }
            IterState::Snapshot { items, index } => {
                let r = items.get(*index).cloned();
                *index += 1;
                return Ok(r);
            }
            IterState::Reversed { seq, remaining } => {
                if *remaining == 0 {
                    return Ok(None);
                }
                *remaining -= 1;
                let i = *remaining;
                let r = match seq {
                    Value::Obj(s) => match &**s {
                        PyObject::List(l) => l.borrow().get(i).cloned(),
                        PyObject::Tuple(t) => t.get(i).cloned(),
                        _ => None,
                    },
                    Value::Str(s) => s.as_str().chars().nth(i).map(|c| {
                        let mut buf = [0u8; 4];
                        Value::str(c.encode_utf8(&mut buf))
                    }),
                    _ => None,
                };
                match r {
                    Some(v) => return Ok(Some(v)),
                    None => {
                        let seq = seq.clone();
                        drop(st);
                        let r = vm.getitem(&seq, &Value::Int(i as i64))?;
                        return Ok(Some(r));
                    }
                }
            }
            IterState::Enumerate { it, count } => Slow::Enumerate(it.clone(), count.clone()),
            IterState::Zip { its, strict } => Slow::Zip(its.clone(), *strict),
            IterState::Map { func, its } => Slow::Map(func.clone(), its.clone()),
            IterState::Filter { func, it } => Slow::Filter(func.clone(), it.clone()),
            IterState::Callable { func, sentinel } => {
                Slow::Callable(func.clone(), sentinel.clone())
            }
            IterState::GetItem { obj, index } => Slow::GetItem(obj.clone(), *index),
            IterState::Dict {
                dict,
                index,
                kind,
                len,
            } => Slow::Dict(dict.clone(), *index, *kind, *len),
        }
    };
    match slow {
        Slow::Dict(d, mut index, kind, len) => {
            let Some(dc) = dict_of(&d) else {
                return Ok(None);
            };
            let entry = {
                let db = dc.borrow();
                if db.len() != len {
                    drop(db);
                    *cell.borrow_mut() = IterState::Done;
                    return Err(vm.err(
                        ExcKind::RuntimeError,
                        "dictionary changed size during iteration",
                    ));
                }
                let n = db.entries_len();
                let mut found = None;
                while index < n {
                    if let Some(e) = db.entry(index) {
                        found = Some((e.key.clone(), e.value.clone()));
                        index += 1;
                        break;
                    }
                    index += 1;
                }
                found
            };
            match entry {
                None => {
                    *cell.borrow_mut() = IterState::Done;
                    Ok(None)
                }
                Some((k, v)) => {
                    if let IterState::Dict { index: i, .. } = &mut *cell.borrow_mut() {
                        *i = index;
                    }
                    Ok(Some(match kind {
                        0 => k,
                        1 => v,
                        _ => vm.new_tuple(alloc::vec![k, v]),
                    }))
                }
            }
        }
        Slow::Enumerate(it, count) => match vm.next(&it)? {
            Some(v) => {
                let next = vm.binary_op(&count, &Value::Int(1), crate::ast::BinOp::Add)?;
                if let IterState::Enumerate { count: c, .. } = &mut *cell.borrow_mut() {
                    *c = next;
                }
                Ok(Some(vm.new_tuple(alloc::vec![count, v])))
            }
            None => Ok(None),
        },
        Slow::Zip(its, strict) => {
            if its.is_empty() {
                return Ok(None);
            }
            let mut out = Vec::with_capacity(its.len());
            for (i, it) in its.iter().enumerate() {
                match vm.next(it)? {
                    Some(v) => out.push(v),
                    None => {
                        *cell.borrow_mut() = IterState::Done;
                        if strict {
                            if i > 0 {
                                let msg = if i == 1 {
                                    String::from("zip() argument 2 is shorter than argument 1")
                                } else {
                                    alloc::format!(
                                        "zip() argument {} is shorter than arguments 1-{}",
                                        i + 1,
                                        i
                                    )
                                };
                                return Err(vm.value_error(msg));
                            }
                            for (j, other) in its.iter().enumerate().skip(1) {
                                if vm.next(other)?.is_some() {
                                    let msg = if j == 1 {
                                        String::from("zip() argument 2 is longer than argument 1")
                                    } else {
                                        alloc::format!(
                                            "zip() argument {} is longer than arguments 1-{}",
                                            j + 1,
                                            j
                                        )
                                    };
                                    return Err(vm.value_error(msg));
                                }
                            }
                        }
                        return Ok(None);
                    }
                }
            }
            Ok(Some(vm.new_tuple(out)))
        }
        Slow::Map(func, its) => {
            let mut args = Vec::with_capacity(its.len());
            for it in &its {
                match vm.next(it)? {
                    Some(v) => args.push(v),
                    None => return Ok(None),
                }
            }
            Ok(Some(vm.call(&func, &args)?))
        }
        Slow::Filter(func, it) => loop {
            match vm.next(&it)? {
                Some(v) => {
                    let keep = if func.is_none() {
                        vm.truthy(&v)?
                    } else {
                        let r = vm.call(&func, core::slice::from_ref(&v))?;
                        vm.truthy(&r)?
                    };
                    if keep {
                        return Ok(Some(v));
                    }
                }
                None => return Ok(None),
            }
        },
        Slow::Callable(func, sentinel) => {
            let v = vm.call(&func, &[])?;
            if vm.eq(&v, &sentinel)? {
                *cell.borrow_mut() = IterState::Done;
                Ok(None)
            } else {
                Ok(Some(v))
            }
        }
        Slow::GetItem(obj, index) => match vm.getitem(&obj, &Value::Int(index)) {
            Ok(v) => {
                if let IterState::GetItem { index: i, .. } = &mut *cell.borrow_mut() {
                    *i += 1;
                }
                Ok(Some(v))
            }
            Err(e)
                if vm.err_matches(&e, ExcKind::IndexError)
                    || vm.err_matches(&e, ExcKind::StopIteration) =>
            {
                *cell.borrow_mut() = IterState::Done;
                Ok(None)
            }
            Err(e) => Err(e),
        },
    }
}

fn iter_self(_vm: &mut Vm, args: &[Value], _kw: &[(Str, Value)]) -> PyResult {
    Ok(args[0].clone())
}

/// The state of an instance of a Python subclass of a native iterator type (`class m(map)`):
/// the native iterator its `map.__new__` made, which `__next__` steps.
pub(crate) struct SubIter(Value);

/// True for the native iterator types Python classes may subclass (`map`, `filter`, `zip`,
/// `enumerate`, `reversed`).
pub(crate) fn is_subclassable(vm: &Vm, o: &Obj) -> bool {
    let t = &vm.types;
    [&t.map, &t.filter, &t.zip, &t.enumerate, &t.reversed]
        .iter()
        .any(|b| alloc::rc::Rc::ptr_eq(b, o))
}

/// For `cls(...)` with `cls` a Python subclass of a native iterator type: the native iterator
/// `obj` its base's `__new__` returned, held by an object of class `cls`. Anything else is
/// returned unchanged.
pub(crate) fn wrap_subclass(vm: &mut Vm, cls: &Obj, obj: Value) -> Value {
    // Only what those bases' own `__new__` makes (a subclass's `__new__` returning some other
    // iterator gives it back unchanged, as in CPython).
    let is_iter = match &obj {
        Value::Obj(o) => match &**o {
            PyObject::Iter(st) => st.try_borrow().is_ok_and(|st| {
                matches!(
                    &*st,
                    IterState::Enumerate { .. }
                        | IterState::Zip { .. }
                        | IterState::Map { .. }
                        | IterState::Filter { .. }
                        | IterState::Reversed { .. }
                        | IterState::Done
                )
            }),
            _ => false,
        },
        _ => false,
    };
    let derived = types::as_type(cls)
        .is_some_and(|t| t.heap_type && t.mro.borrow().iter().any(|b| is_subclassable(vm, b)));
    if !is_iter || !derived {
        return obj;
    }
    Value::Obj(vm.alloc(PyObject::Native(crate::value::NativeObj {
        class: cls.clone(),
        data: core::cell::RefCell::new(alloc::boxed::Box::new(SubIter(obj))),
    })))
}

/// The native iterator inside a [`SubIter`] object.
fn sub_inner(v: &Value) -> Option<Value> {
    match v {
        Value::Obj(o) => match &**o {
            PyObject::Native(n) => n
                .data
                .try_borrow()
                .ok()?
                .downcast_ref::<SubIter>()
                .map(|s| s.0.clone()),
            _ => None,
        },
        _ => None,
    }
}

fn iter_next_native(vm: &mut Vm, args: &[Value], _kw: &[(Str, Value)]) -> PyResult {
    let inner = sub_inner(&args[0]);
    match vm.next(inner.as_ref().unwrap_or(&args[0]))? {
        Some(v) => Ok(v),
        None => Err(vm.stop_iteration(Value::None)),
    }
}

fn iter_length_hint(vm: &mut Vm, args: &[Value], _kw: &[(Str, Value)]) -> PyResult {
    let inner = sub_inner(&args[0]);
    if let Value::Obj(o) = inner.as_ref().unwrap_or(&args[0]) {
        if let PyObject::Iter(c) = &**o {
            let n = match &*c.borrow() {
                IterState::Range { remaining, .. } => *remaining as i64,
                IterState::Snapshot { items, index } => items.len().saturating_sub(*index) as i64,
                IterState::Reversed { remaining, .. } => *remaining as i64,
                _ => 0,
            };
            return Ok(Value::Int(n));
        }
    }
    let _ = vm;
    Ok(Value::Int(0))
}

/// Give the iterator types `__iter__` and `__next__`.
pub(crate) fn init(vm: &mut Vm) {
    let t = &vm.types;
    let mut all = alloc::vec![
        &t.iterator,
        &t.enumerate,
        &t.zip,
        &t.map,
        &t.filter,
        &t.reversed
    ];
    all.extend(t.iter_kinds.iter());
    for cls in all {
        types::add_methods(
            cls,
            &[
                ("__iter__", iter_self),
                ("__next__", iter_next_native),
                ("__length_hint__", iter_length_hint),
            ],
        );
    }
}
