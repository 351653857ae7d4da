//! The `heapq` module: CPython's binary-heap algorithm (same sift order, so the same lists) over
//! Python lists, comparing with `<`; `nsmallest`/`nlargest`/`merge` give CPython's results
//! (equal to a stable sort) and `merge` returns an iterator over a finished list.

use alloc::format;
use alloc::vec::Vec;

use crate::exceptions::ExcKind;
use crate::modbuiltins::{check_kw, kwarg};
use crate::modstruct::module_fns;
use crate::value::{Obj, PyObject, Str, Value};
use crate::vm::Vm;
use crate::{PyErr, PyResult};

fn list_of<'a>(vm: &mut Vm, v: &'a Value, fname: &str) -> PyResult<&'a Obj> {
    if let Value::Obj(o) = v {
        if let PyObject::List(_) = &**o {
            return Ok(o);
        }
    }
    let tn = if v.is_none() {
        alloc::string::String::from("None")
    } else {
        vm.type_name(v)
    };
    let which = if fname == "heapify" {
        "argument"
    } else {
        "argument 1"
    };
    Err(vm.type_error(format!("{}() {} must be list, not {}", fname, which, tn)))
}

fn with_list<R>(o: &Obj, f: impl FnOnce(&mut Vec<Value>) -> R) -> Option<R> {
    match &**o {
        PyObject::List(l) => l.try_borrow_mut().ok().map(|mut v| f(&mut v)),
        _ => None,
    }
}

fn changed(vm: &mut Vm) -> PyErr {
    vm.err(ExcKind::RuntimeError, "list changed size during iteration")
}

fn get(vm: &mut Vm, o: &Obj, i: usize) -> PyResult<Value> {
    match with_list(o, |l| l.get(i).cloned()).flatten() {
        Some(v) => Ok(v),
        None => Err(changed(vm)),
    }
}

fn set(vm: &mut Vm, o: &Obj, i: usize, v: Value) -> PyResult<()> {
    let ok = with_list(o, |l| match l.get_mut(i) {
        Some(slot) => {
            *slot = v;
            true
        }
        None => false,
    });
    if ok == Some(true) {
        Ok(())
    } else {
        Err(changed(vm))
    }
}

fn len(o: &Obj) -> usize {
    with_list(o, |l| l.len()).unwrap_or(0)
}

/// Replace item 0 with `v`, returning the old item (None when the list is empty).
fn replace_first(o: &Obj, v: Value) -> Option<Value> {
    with_list(o, |l| l.first_mut().map(|f| core::mem::replace(f, v))).flatten()
}

fn siftdown(vm: &mut Vm, o: &Obj, start: usize, mut pos: usize) -> PyResult<()> {
    let newitem = get(vm, o, pos)?;
    while pos > start {
        let parentpos = (pos - 1) >> 1;
        let parent = get(vm, o, parentpos)?;
        if vm.lt(&newitem, &parent)? {
            set(vm, o, pos, parent)?;
            pos = parentpos;
            continue;
        }
        break;
    }
    set(vm, o, pos, newitem)
}

fn siftup(vm: &mut Vm, o: &Obj, mut pos: usize) -> PyResult<()> {
    let end = len(o);
    let start = pos;
    let newitem = get(vm, o, pos)?;
    let mut child = 2 * pos + 1;
    while child < end {
        let right = child + 1;
        if right < end {
            let a = get(vm, o, child)?;
            let b = get(vm, o, right)?;
            if !vm.lt(&a, &b)? {
                child = right;
            }
        }
        let c = get(vm, o, child)?;
        set(vm, o, pos, c)?;
        pos = child;
        child = 2 * pos + 1;
    }
    set(vm, o, pos, newitem)?;
    siftdown(vm, o, start, pos)
}

fn nargs(vm: &mut Vm, name: &str, args: &[Value], n: usize) -> PyResult<()> {
    if args.len() != n {
        return Err(vm.type_error(format!(
            "{} expected {} argument{}, got {}",
            name,
            n,
            if n == 1 { "" } else { "s" },
            args.len()
        )));
    }
    Ok(())
}

fn heappush(vm: &mut Vm, args: &[Value], kw: &[(Str, Value)]) -> PyResult {
    check_kw(vm, "heappush", kw, &[])?;
    nargs(vm, "heappush", args, 2)?;
    let o = list_of(vm, &args[0], "heappush")?.clone();
    let n = with_list(&o, |l| {
        l.push(args[1].clone());
        l.len()
    })
    .unwrap_or(0);
    if n == 0 {
        return Err(changed(vm));
    }
    siftdown(vm, &o, 0, n - 1)?;
    Ok(Value::None)
}

fn heappop(vm: &mut Vm, args: &[Value], kw: &[(Str, Value)]) -> PyResult {
    check_kw(vm, "heappop", kw, &[])?;
    nargs(vm, "heappop", args, 1)?;
    let o = list_of(vm, &args[0], "heappop")?.clone();
    let last = with_list(&o, |l| l.pop()).flatten();
    let Some(last) = last else {
        return Err(vm.index_error("index out of range"));
    };
    if len(&o) == 0 {
        return Ok(last);
    }
    let Some(first) = replace_first(&o, last) else {
        return Err(changed(vm));
    };
    siftup(vm, &o, 0)?;
    Ok(first)
}

fn heapreplace(vm: &mut Vm, args: &[Value], kw: &[(Str, Value)]) -> PyResult {
    check_kw(vm, "heapreplace", kw, &[])?;
    nargs(vm, "heapreplace", args, 2)?;
    let o = list_of(vm, &args[0], "heapreplace")?.clone();
    let Some(first) = replace_first(&o, args[1].clone()) else {
        return Err(vm.index_error("index out of range"));
    };
    siftup(vm, &o, 0)?;
    Ok(first)
}

fn heappushpop(vm: &mut Vm, args: &[Value], kw: &[(Str, Value)]) -> PyResult {
    check_kw(vm, "heappushpop", kw, &[])?;
    nargs(vm, "heappushpop", args, 2)?;
    let o = list_of(vm, &args[0], "heappushpop")?.clone();
    let top = with_list(&o, |l| l.first().cloned()).flatten();
    let Some(top) = top else {
        return Ok(args[1].clone());
    };
    if !vm.lt(&top, &args[1])? {
        return Ok(args[1].clone());
    }
    let Some(first) = replace_first(&o, args[1].clone()) else {
        return Err(changed(vm));
    };
    siftup(vm, &o, 0)?;
    Ok(first)
}

fn heapify(vm: &mut Vm, args: &[Value], kw: &[(Str, Value)]) -> PyResult {
    check_kw(vm, "heapify", kw, &[])?;
    nargs(vm, "heapify", args, 1)?;
    let o = list_of(vm, &args[0], "heapify")?.clone();
    let n = len(&o);
    for i in (0..n / 2).rev() {
        siftup(vm, &o, i)?;
    }
    Ok(Value::None)
}

/// Stable sort of `v` by `key` (if any), descending when `reverse` (equal items keep their order).
fn sort_values(
    vm: &mut Vm,
    v: Vec<Value>,
    key: &Option<Value>,
    reverse: bool,
) -> PyResult<Vec<Value>> {
    let mut pairs: Vec<(Value, Value)> = Vec::with_capacity(v.len());
    for x in v {
        let k = match key {
            Some(f) => vm.call(f, core::slice::from_ref(&x))?,
            None => x.clone(),
        };
        pairs.push((k, x));
    }
    let mut err: Option<PyErr> = None;
    crate::sort::merge_sort(&mut pairs, &mut |a, b| {
        if err.is_some() {
            return false;
        }
        let r = if reverse {
            vm.lt(&b.0, &a.0)
        } else {
            vm.lt(&a.0, &b.0)
        };
        r.unwrap_or_else(|e| {
            err = Some(e);
            false
        })
    });
    if let Some(e) = err {
        return Err(e);
    }
    Ok(pairs.into_iter().map(|p| p.1).collect())
}

fn key_arg(kw: &[(Str, Value)]) -> Option<Value> {
    match kwarg(kw, "key") {
        None | Some(Value::None) => None,
        Some(v) => Some(v.clone()),
    }
}

fn nbest(vm: &mut Vm, name: &str, args: &[Value], kw: &[(Str, Value)], reverse: bool) -> PyResult {
    check_kw(vm, name, kw, &["key"])?;
    if args.len() != 2 {
        return Err(vm.type_error(format!(
            "{}() takes 2 positional arguments but {} were given",
            name,
            args.len()
        )));
    }
    let n = vm.to_index(&args[0])?;
    let all = vm.collect(&args[1])?;
    if n <= 0 {
        return Ok(vm.new_list(Vec::new()));
    }
    let key = key_arg(kw);
    let mut sorted = sort_values(vm, all, &key, reverse)?;
    sorted.truncate(n as usize);
    Ok(vm.new_list(sorted))
}

fn nsmallest(vm: &mut Vm, args: &[Value], kw: &[(Str, Value)]) -> PyResult {
    nbest(vm, "nsmallest", args, kw, false)
}

fn nlargest(vm: &mut Vm, args: &[Value], kw: &[(Str, Value)]) -> PyResult {
    nbest(vm, "nlargest", args, kw, true)
}

fn merge(vm: &mut Vm, args: &[Value], kw: &[(Str, Value)]) -> PyResult {
    check_kw(vm, "merge", kw, &["key", "reverse"])?;
    let reverse = match kwarg(kw, "reverse") {
        Some(v) => vm.truthy(&v.clone())?,
        None => false,
    };
    let mut all = Vec::new();
    for it in args {
        all.extend(vm.collect(it)?);
    }
    let key = key_arg(kw);
    let sorted = sort_values(vm, all, &key, reverse)?;
    let l = vm.new_list(sorted);
    vm.iter(&l)
}

/// Create the `heapq` module.
pub fn init_module(vm: &mut Vm) -> PyResult<Obj> {
    let m = vm.new_module("heapq");
    module_fns(
        &m,
        &[
            ("heappush", heappush),
            ("heappop", heappop),
            ("heapify", heapify),
            ("heapreplace", heapreplace),
            ("heappushpop", heappushpop),
            ("nlargest", nlargest),
            ("nsmallest", nsmallest),
            ("merge", merge),
        ],
    );
    Ok(m)
}
