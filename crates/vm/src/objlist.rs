//! The `list` type: its methods and constructor.

use alloc::format;
use alloc::vec::Vec;
use core::cell::RefCell;

use crate::ast::CmpOp;
use crate::objrange::{
    adjust_indices, index_arg, is_slice, normalize_index, slice_indices, slice_len,
    slice_positions, slice_unpack,
};
use crate::seqops::{
    arg_count, collect_items, exactly_one, is_subclass_instance, iterate, no_args, no_kwargs,
    repeat_count, repeat_items,
};
use crate::types;
use crate::value::{Obj, PyObject, Str, Value};
use crate::vm::Vm;
use crate::PyResult;

/// The list object behind `self` (seeing through instances of Python subclasses).
fn list_obj(vm: &mut Vm, v: &Value, name: &str) -> PyResult<Obj> {
    let b = vm.builtin_base(v);
    if let Value::Obj(o) = &b {
        if matches!(&**o, PyObject::List(_)) {
            return Ok(o.clone());
        }
    }
    let tn = vm.type_name(v);
    Err(vm.type_error(format!(
        "descriptor '{}' for 'list' objects doesn't apply to a '{}' object",
        name, tn
    )))
}

fn cell(o: &Obj) -> &RefCell<Vec<Value>> {
    match &**o {
        PyObject::List(l) => l,
        _ => unreachable_cell(),
    }
}

fn unreachable_cell() -> &'static RefCell<Vec<Value>> {
    // Only reached if `list_obj` let a non-list through, which it never does; an empty list is a
    // harmless answer that avoids a panic path.
    alloc::boxed::Box::leak(alloc::boxed::Box::new(RefCell::new(Vec::new())))
}

fn self_list(vm: &mut Vm, args: &[Value], name: &str) -> PyResult<Obj> {
    match args.first() {
        Some(v) => list_obj(vm, v, name),
        None => Err(vm.type_error(format!("unbound method list.{}() needs an argument", name))),
    }
}

fn list_new(vm: &mut Vm, args: &[Value], kwargs: &[(Str, Value)]) -> PyResult {
    let cls = match args.first() {
        Some(Value::Obj(c)) => c.clone(),
        _ => return Err(vm.type_error("list.__new__(X): X is not a type object")),
    };
    let exact = alloc::rc::Rc::ptr_eq(&cls, &vm.types.list);
    if !exact {
        // Python subclasses get their items from `__init__`, as in CPython.
        let v = vm.new_list(Vec::new());
        return Ok(vm.new_subclass_instance(&cls, v));
    }
    no_kwargs(vm, "list", kwargs)?;
    arg_count(vm, "list", args, 0, 1)?;
    vm.heap_check()?;
    let items = match args.get(1) {
        Some(it) => collect_items(vm, it)?,
        None => Vec::new(),
    };
    Ok(vm.new_list(items))
}

fn list_init(vm: &mut Vm, args: &[Value], kwargs: &[(Str, Value)]) -> PyResult {
    let o = self_list(vm, args, "__init__")?;
    no_kwargs(vm, "list", kwargs)?;
    arg_count(vm, "list", args, 0, 1)?;
    // An exact list was filled by `__new__`; instances of Python subclasses are filled here.
    if !is_subclass_instance(&args[0]) {
        return Ok(Value::None);
    }
    cell(&o).borrow_mut().clear();
    if let Some(it) = args.get(1) {
        let items = collect_items(vm, it)?;
        cell(&o).borrow_mut().extend(items);
    }
    Ok(Value::None)
}

fn list_append(vm: &mut Vm, args: &[Value], kwargs: &[(Str, Value)]) -> PyResult {
    no_kwargs(vm, "list.append", kwargs)?;
    exactly_one(vm, "list.append", args)?;
    let o = self_list(vm, args, "append")?;
    if vm.heap_lock != 0 {
        let c = cell(&o).borrow();
        let grow = c.len() == c.capacity();
        drop(c);
        if grow {
            vm.heap_check()?;
        }
    }
    cell(&o).borrow_mut().push(args[1].clone());
    Ok(Value::None)
}

fn list_extend(vm: &mut Vm, args: &[Value], kwargs: &[(Str, Value)]) -> PyResult {
    no_kwargs(vm, "list.extend", kwargs)?;
    exactly_one(vm, "list.extend", args)?;
    let o = self_list(vm, args, "extend")?;
    if vm.heap_lock != 0 && vm.len(&args[1]).map_or(true, |n| n > 0) {
        vm.heap_check()?;
    }
    extend_from(vm, &o, &args[1])?;
    Ok(Value::None)
}

fn extend_from(vm: &mut Vm, o: &Obj, it: &Value) -> PyResult<()> {
    if let Value::Obj(src) = it {
        match &**src {
            PyObject::List(l) => {
                let items = l.borrow().clone();
                cell(o).borrow_mut().extend(items);
                return Ok(());
            }
            PyObject::Tuple(t) => {
                cell(o).borrow_mut().extend_from_slice(t);
                return Ok(());
            }
            _ => {}
        }
    }
    // The list may not outgrow the heap: MemoryError instead of exhausting the host.
    let limit = vm.config.heap_size / core::mem::size_of::<Value>();
    let c = cell(o);
    if let Value::Obj(src) = it {
        if matches!(&**src, PyObject::Range { .. })
            && c.borrow()
                .len()
                .saturating_add(crate::objrange::range_len(src))
                > limit
        {
            return Err(vm.err(crate::exceptions::ExcKind::MemoryError, ""));
        }
    }
    iterate(vm, it, &mut |vm, x| {
        let mut l = c.borrow_mut();
        if l.len() >= limit {
            drop(l);
            return Err(vm.err(crate::exceptions::ExcKind::MemoryError, ""));
        }
        l.push(x);
        Ok(true)
    })
}

fn list_insert(vm: &mut Vm, args: &[Value], kwargs: &[(Str, Value)]) -> PyResult {
    no_kwargs(vm, "list.insert", kwargs)?;
    arg_count(vm, "insert", args, 2, 2)?;
    let o = self_list(vm, args, "insert")?;
    let i = vm.to_index(&args[1])?;
    let mut l = cell(&o).borrow_mut();
    let n = l.len() as i128;
    let mut i = i as i128;
    if i < 0 {
        i = (i + n).max(0);
    }
    let i = i.min(n) as usize;
    l.insert(i, args[2].clone());
    Ok(Value::None)
}

/// Index of the first item equal to `x` in `o[start..stop]`, comparing with no borrow held.
fn find(vm: &mut Vm, o: &Obj, x: &Value, start: usize, stop: usize) -> PyResult<Option<usize>> {
    let mut i = start;
    while i < stop {
        let item = match cell(o).borrow().get(i) {
            Some(v) => v.clone(),
            None => return Ok(None),
        };
        if item.is(x) || vm.eq(&item, x)? {
            return Ok(Some(i));
        }
        i += 1;
    }
    Ok(None)
}

fn list_remove(vm: &mut Vm, args: &[Value], kwargs: &[(Str, Value)]) -> PyResult {
    no_kwargs(vm, "list.remove", kwargs)?;
    exactly_one(vm, "list.remove", args)?;
    let o = self_list(vm, args, "remove")?;
    match find(vm, &o, &args[1], 0, usize::MAX)? {
        Some(i) => {
            let mut l = cell(&o).borrow_mut();
            if i < l.len() {
                l.remove(i);
            }
            Ok(Value::None)
        }
        None => Err(vm.value_error("list.remove(x): x not in list")),
    }
}

fn list_pop(vm: &mut Vm, args: &[Value], kwargs: &[(Str, Value)]) -> PyResult {
    no_kwargs(vm, "list.pop", kwargs)?;
    arg_count(vm, "pop", args, 0, 1)?;
    let o = self_list(vm, args, "pop")?;
    let idx = match args.get(1) {
        Some(v) => Some(vm.to_index(v)?),
        None => None,
    };
    let mut l = cell(&o).borrow_mut();
    if l.is_empty() {
        drop(l);
        return Err(vm.index_error("pop from empty list"));
    }
    let n = l.len();
    let i = match idx {
        None => n - 1,
        Some(i) => {
            let j = if i < 0 {
                i as i128 + n as i128
            } else {
                i as i128
            };
            if j < 0 || j >= n as i128 {
                drop(l);
                return Err(vm.index_error("pop index out of range"));
            }
            j as usize
        }
    };
    Ok(l.remove(i))
}

fn list_clear(vm: &mut Vm, args: &[Value], kwargs: &[(Str, Value)]) -> PyResult {
    no_kwargs(vm, "list.clear", kwargs)?;
    no_args(vm, "list.clear", args)?;
    let o = self_list(vm, args, "clear")?;
    let old = core::mem::take(&mut *cell(&o).borrow_mut());
    drop(old);
    Ok(Value::None)
}

fn list_copy(vm: &mut Vm, args: &[Value], kwargs: &[(Str, Value)]) -> PyResult {
    no_kwargs(vm, "list.copy", kwargs)?;
    no_args(vm, "list.copy", args)?;
    let o = self_list(vm, args, "copy")?;
    vm.heap_check()?;
    let items = cell(&o).borrow().clone();
    Ok(vm.new_list(items))
}

fn list_reverse(vm: &mut Vm, args: &[Value], kwargs: &[(Str, Value)]) -> PyResult {
    no_kwargs(vm, "list.reverse", kwargs)?;
    no_args(vm, "list.reverse", args)?;
    let o = self_list(vm, args, "reverse")?;
    cell(&o).borrow_mut().reverse();
    Ok(Value::None)
}

/// The (start, stop) of `index(x, start, stop)`-style optional bounds.
fn bounds(vm: &mut Vm, args: &[Value], len: usize) -> PyResult<(usize, usize)> {
    let get = |vm: &mut Vm, v: Option<&Value>, default: i64| -> PyResult<i64> {
        match v {
            None => Ok(default),
            Some(Value::Obj(o)) if matches!(&**o, PyObject::BigInt(_)) => {
                let neg =
                    matches!(&**o, PyObject::BigInt(b) if b.sign() == num_bigint::Sign::Minus);
                Ok(if neg { i64::MIN } else { i64::MAX })
            }
            Some(v) => crate::objrange::slice_unpack_one(vm, v, default),
        }
    };
    let start = get(vm, args.first(), 0)?;
    let stop = get(vm, args.get(1), i64::MAX)?;
    let (s, e, _) = adjust_indices(start, stop, 1, len);
    Ok((s.max(0) as usize, e.max(0) as usize))
}

fn list_index(vm: &mut Vm, args: &[Value], kwargs: &[(Str, Value)]) -> PyResult {
    no_kwargs(vm, "list.index", kwargs)?;
    arg_count(vm, "index", args, 1, 3)?;
    let o = self_list(vm, args, "index")?;
    let len = cell(&o).borrow().len();
    let (start, stop) = bounds(vm, &args[2..], len)?;
    match find(vm, &o, &args[1], start, stop)? {
        Some(i) => Ok(Value::Int(i as i64)),
        None => {
            let r = vm.repr(&args[1])?;
            Err(vm.value_error(format!("{} is not in list", r.as_str())))
        }
    }
}

fn list_count(vm: &mut Vm, args: &[Value], kwargs: &[(Str, Value)]) -> PyResult {
    no_kwargs(vm, "list.count", kwargs)?;
    exactly_one(vm, "list.count", args)?;
    let o = self_list(vm, args, "count")?;
    let mut n = 0i64;
    let mut i = 0;
    loop {
        let item = match cell(&o).borrow().get(i) {
            Some(v) => v.clone(),
            None => break,
        };
        if item.is(&args[1]) || vm.eq(&item, &args[1])? {
            n += 1;
        }
        i += 1;
    }
    Ok(Value::Int(n))
}

fn list_sort(vm: &mut Vm, args: &[Value], kwargs: &[(Str, Value)]) -> PyResult {
    if args.len() > 1 {
        return Err(vm.type_error("sort() takes no positional arguments"));
    }
    let o = self_list(vm, args, "sort")?;
    let mut key = Value::None;
    let mut reverse = false;
    for (k, v) in kwargs {
        match k.as_str() {
            "key" => key = v.clone(),
            "reverse" => {
                reverse = match v {
                    Value::Bool(b) => *b,
                    Value::Int(i) => *i != 0,
                    _ => vm.truthy(v)?,
                }
            }
            other => {
                return Err(vm.type_error(format!(
                    "'{}' is an invalid keyword argument for sort()",
                    other
                )))
            }
        }
    }
    let mut items = core::mem::take(&mut *cell(&o).borrow_mut());
    let key_ref = if key.is_none() { None } else { Some(&key) };
    let r = sort_items(vm, &mut items, key_ref, reverse);
    let modified = {
        let mut l = cell(&o).borrow_mut();
        let modified = !l.is_empty();
        *l = items;
        modified
    };
    r?;
    if modified {
        return Err(vm.value_error("list modified during sort"));
    }
    Ok(Value::None)
}

/// Sort `items` as `list.sort(key=key, reverse=reverse)` does (stable; `reverse` keeps equal
/// items in their original order). When every key is a small int, or every key is a str (UTF-8
/// byte order is code point order), the keys are compared directly instead of through `<`.
pub fn sort_items(
    vm: &mut Vm,
    items: &mut Vec<Value>,
    key: Option<&Value>,
    reverse: bool,
) -> PyResult<()> {
    let keys: Option<Vec<Value>> = match key {
        Some(k) if !k.is_none() => {
            let mut ks = Vec::with_capacity(items.len());
            for it in items.iter() {
                ks.push(vm.call(k, core::slice::from_ref(it))?);
            }
            Some(ks)
        }
        _ => None,
    };
    let ks: &[Value] = keys.as_deref().unwrap_or(items);
    if ks.len() < 2 {
        return Ok(());
    }
    let ints: Option<Vec<i64>> = ks
        .iter()
        .map(|k| match k {
            Value::Int(i) => Some(*i),
            _ => None,
        })
        .collect();
    let order: Vec<usize> = if let Some(ints) = ints {
        if keys.is_none() {
            // Equal small ints are indistinguishable: sort the values themselves.
            let mut ints = ints;
            ints.sort_unstable();
            if reverse {
                ints.reverse();
            }
            for (slot, i) in items.iter_mut().zip(ints) {
                *slot = Value::Int(i);
            }
            return Ok(());
        }
        // (key, position) pairs: the position breaks ties, so the order is stable.
        let mut pairs: Vec<(i64, usize)> = ints.into_iter().zip(0..).collect();
        if reverse {
            pairs.sort_unstable_by(|a, b| b.0.cmp(&a.0).then(a.1.cmp(&b.1)));
        } else {
            pairs.sort_unstable();
        }
        pairs.into_iter().map(|(_, p)| p).collect()
    } else if ks.iter().all(|k| matches!(k, Value::Str(_))) {
        let text = |i: usize| match ks.get(i) {
            Some(Value::Str(s)) => s.as_str(),
            _ => "",
        };
        let mut idx: Vec<usize> = (0..ks.len()).collect();
        if reverse {
            idx.sort_by(|&a, &b| text(b).cmp(text(a)));
        } else {
            idx.sort_by(|&a, &b| text(a).cmp(text(b)));
        }
        idx
    } else {
        vm.sort_order(ks, reverse)?
    };
    let mut slots: Vec<Option<Value>> = core::mem::take(items).into_iter().map(Some).collect();
    items.extend(
        order
            .iter()
            .filter_map(|&i| slots.get_mut(i).and_then(Option::take)),
    );
    Ok(())
}

pub(crate) fn list_getitem(vm: &mut Vm, args: &[Value], _kw: &[(Str, Value)]) -> PyResult {
    exactly_one(vm, "list.__getitem__", args)?;
    let o = self_list(vm, args, "__getitem__")?;
    getitem(vm, &o, &args[1])
}

/// `list[idx]` for an index or a slice.
pub fn getitem(vm: &mut Vm, o: &Obj, idx: &Value) -> PyResult {
    if let Value::Int(i) = idx {
        let l = cell(o).borrow();
        let n = l.len();
        let j = if *i < 0 { i.wrapping_add(n as i64) } else { *i };
        if j >= 0 && (j as u64) < n as u64 {
            return Ok(l[j as usize].clone());
        }
        drop(l);
        return Err(vm.index_error("list index out of range"));
    }
    if is_slice(idx) {
        vm.heap_check()?;
        let (start, stop, step) = slice_unpack(vm, idx)?;
        let l = cell(o).borrow();
        let (s, e, st) = adjust_indices(start, stop, step, l.len());
        let n = slice_len(s, e, st);
        let items: Vec<Value> = if n == 0 {
            Vec::new()
        } else if st == 1 {
            l.get(s as usize..e as usize)
                .map(<[Value]>::to_vec)
                .unwrap_or_default()
        } else if st == -1 {
            // A reversed run: positions s, s-1, ..., e+1.
            l.get((e + 1) as usize..=s as usize)
                .map(|run| run.iter().rev().cloned().collect())
                .unwrap_or_default()
        } else {
            let mut v = Vec::with_capacity(n);
            v.extend(slice_positions(s, e, st).filter_map(|p| l.get(p).cloned()));
            v
        };
        drop(l);
        return Ok(vm.new_list(items));
    }
    let i = index_arg(vm, idx, "list")?;
    let n = cell(o).borrow().len();
    let j = normalize_index(vm, i, n, "list")?;
    match cell(o).borrow().get(j) {
        Some(v) => Ok(v.clone()),
        None => Err(vm.index_error("list index out of range")),
    }
}

fn list_setitem(vm: &mut Vm, args: &[Value], _kw: &[(Str, Value)]) -> PyResult {
    arg_count(vm, "__setitem__", args, 2, 2)?;
    let o = self_list(vm, args, "__setitem__")?;
    setitem(vm, &o, &args[1], args[2].clone())?;
    Ok(Value::None)
}

/// `list[idx] = value` for an index or a slice.
pub fn setitem(vm: &mut Vm, o: &Obj, idx: &Value, value: Value) -> PyResult<()> {
    if is_slice(idx) {
        let (start, stop, step) = slice_unpack(vm, idx)?;
        let items = match collect_items(vm, &value) {
            Ok(v) => v,
            Err(e) => {
                if vm.err_matches(&e, crate::exceptions::ExcKind::TypeError)
                    && vm.iter(&value).is_err()
                {
                    let msg = if step == 1 {
                        "can only assign an iterable"
                    } else {
                        "must assign iterable to extended slice"
                    };
                    return Err(vm.type_error(msg));
                }
                return Err(e);
            }
        };
        if vm.heap_lock != 0 {
            let l = cell(o).borrow();
            let (s, e, _) = adjust_indices(start, stop, step, l.len());
            let removed = (e.max(s) - s) as usize;
            let grow = items.len() > removed && items.len() - removed > l.capacity() - l.len();
            drop(l);
            if grow {
                vm.heap_check()?;
            }
        }
        let mut l = cell(o).borrow_mut();
        let (s, e, st) = adjust_indices(start, stop, step, l.len());
        if st == 1 {
            let s = s as usize;
            let e = (e.max(s as i64)) as usize;
            if let Some(run) = l.get_mut(s..e).filter(|r| r.len() == items.len()) {
                // Same length: replace in place (no shifting); old items drop after the borrow.
                let mut old = items;
                run.swap_with_slice(&mut old);
                drop(l);
                drop(old);
                return Ok(());
            }
            l.splice(s..e, items);
            return Ok(());
        }
        let n = slice_len(s, e, st);
        if items.len() != n {
            drop(l);
            return Err(vm.value_error(format!(
                "attempt to assign sequence of size {} to extended slice of size {}",
                items.len(),
                n
            )));
        }
        for (p, v) in slice_positions(s, e, st).zip(items) {
            if let Some(slot) = l.get_mut(p) {
                *slot = v;
            }
        }
        return Ok(());
    }
    let i = index_arg(vm, idx, "list")?;
    let mut l = cell(o).borrow_mut();
    let n = l.len();
    let j = if i < 0 {
        i as i128 + n as i128
    } else {
        i as i128
    };
    if j < 0 || j >= n as i128 {
        drop(l);
        return Err(vm.index_error("list assignment index out of range"));
    }
    let old = core::mem::replace(&mut l[j as usize], value);
    drop(l);
    drop(old);
    Ok(())
}

fn list_delitem(vm: &mut Vm, args: &[Value], _kw: &[(Str, Value)]) -> PyResult {
    exactly_one(vm, "list.__delitem__", args)?;
    let o = self_list(vm, args, "__delitem__")?;
    delitem(vm, &o, &args[1])?;
    Ok(Value::None)
}

/// `del list[idx]` for an index or a slice.
pub fn delitem(vm: &mut Vm, o: &Obj, idx: &Value) -> PyResult<()> {
    if is_slice(idx) {
        let n = cell(o).borrow().len();
        let (s, e, st) = slice_indices(vm, idx, n)?;
        let mut l = cell(o).borrow_mut();
        if st == 1 {
            if s < e {
                let end = (e as usize).min(l.len());
                let removed: Vec<Value> = l.drain(s as usize..end).collect();
                drop(l);
                drop(removed);
            }
            return Ok(());
        }
        let mut kill = alloc::vec![false; l.len()];
        for p in slice_positions(s, e, st) {
            if let Some(k) = kill.get_mut(p) {
                *k = true;
            }
        }
        let old = core::mem::take(&mut *l);
        let mut removed = Vec::new();
        for (k, v) in old.into_iter().enumerate() {
            if kill.get(k).copied().unwrap_or(false) {
                removed.push(v);
            } else {
                l.push(v);
            }
        }
        drop(l);
        drop(removed);
        return Ok(());
    }
    let i = index_arg(vm, idx, "list")?;
    let mut l = cell(o).borrow_mut();
    let n = l.len();
    let j = if i < 0 {
        i as i128 + n as i128
    } else {
        i as i128
    };
    if j < 0 || j >= n as i128 {
        drop(l);
        return Err(vm.index_error("list assignment index out of range"));
    }
    let old = l.remove(j as usize);
    drop(l);
    drop(old);
    Ok(())
}

fn list_len(vm: &mut Vm, args: &[Value], _kw: &[(Str, Value)]) -> PyResult {
    no_args(vm, "list.__len__", args)?;
    let o = self_list(vm, args, "__len__")?;
    let n = cell(&o).borrow().len();
    Ok(Value::Int(n as i64))
}

fn list_contains(vm: &mut Vm, args: &[Value], _kw: &[(Str, Value)]) -> PyResult {
    exactly_one(vm, "list.__contains__", args)?;
    let o = self_list(vm, args, "__contains__")?;
    Ok(Value::Bool(
        find(vm, &o, &args[1], 0, usize::MAX)?.is_some(),
    ))
}

fn other_list(vm: &Vm, v: &Value) -> Option<Obj> {
    match vm.builtin_base(v) {
        Value::Obj(o) if matches!(&*o, PyObject::List(_)) => Some(o),
        _ => None,
    }
}

fn list_add(vm: &mut Vm, args: &[Value], _kw: &[(Str, Value)]) -> PyResult {
    exactly_one(vm, "list.__add__", args)?;
    let o = self_list(vm, args, "__add__")?;
    let p = match other_list(vm, &args[1]) {
        Some(p) => p,
        None => {
            let tn = vm.type_name(&args[1]);
            return Err(vm.type_error(format!(
                "can only concatenate list (not \"{}\") to list",
                tn
            )));
        }
    };
    let mut items = cell(&o).borrow().clone();
    items.extend_from_slice(&cell(&p).borrow());
    Ok(vm.new_list(items))
}

fn list_mul(vm: &mut Vm, args: &[Value], _kw: &[(Str, Value)]) -> PyResult {
    exactly_one(vm, "list.__mul__", args)?;
    let o = self_list(vm, args, "__mul__")?;
    let n = match repeat_count(vm, &args[1]) {
        Some(n) => n?,
        None => return Ok(Value::NotImplemented),
    };
    let items = cell(&o).borrow().clone();
    let v = repeat_items(vm, &items, n)?;
    Ok(vm.new_list(v))
}

fn list_iadd(vm: &mut Vm, args: &[Value], _kw: &[(Str, Value)]) -> PyResult {
    exactly_one(vm, "list.__iadd__", args)?;
    let o = self_list(vm, args, "__iadd__")?;
    extend_from(vm, &o, &args[1])?;
    Ok(args[0].clone())
}

fn list_imul(vm: &mut Vm, args: &[Value], _kw: &[(Str, Value)]) -> PyResult {
    exactly_one(vm, "list.__imul__", args)?;
    let o = self_list(vm, args, "__imul__")?;
    let n = match repeat_count(vm, &args[1]) {
        Some(n) => n?,
        None => return Ok(Value::NotImplemented),
    };
    let items = cell(&o).borrow().clone();
    let v = repeat_items(vm, &items, n)?;
    *cell(&o).borrow_mut() = v;
    Ok(args[0].clone())
}

fn cmp(vm: &mut Vm, args: &[Value], op: CmpOp) -> PyResult {
    if args.len() != 2 {
        return Err(vm.type_error("expected 1 argument"));
    }
    let a = match other_list(vm, &args[0]) {
        Some(a) => a,
        None => return Ok(Value::NotImplemented),
    };
    let b = match other_list(vm, &args[1]) {
        Some(b) => b,
        None => return Ok(Value::NotImplemented),
    };
    let (p, q) = (cell(&a).borrow().clone(), cell(&b).borrow().clone());
    if matches!(op, CmpOp::Eq | CmpOp::NotEq) && p.len() != q.len() {
        return Ok(Value::Bool(op == CmpOp::NotEq));
    }
    vm.seq_compare(&p, &q, op)
}

fn list_eq(vm: &mut Vm, args: &[Value], _kw: &[(Str, Value)]) -> PyResult {
    cmp(vm, args, CmpOp::Eq)
}
fn list_ne(vm: &mut Vm, args: &[Value], _kw: &[(Str, Value)]) -> PyResult {
    cmp(vm, args, CmpOp::NotEq)
}
fn list_lt(vm: &mut Vm, args: &[Value], _kw: &[(Str, Value)]) -> PyResult {
    cmp(vm, args, CmpOp::Lt)
}
fn list_le(vm: &mut Vm, args: &[Value], _kw: &[(Str, Value)]) -> PyResult {
    cmp(vm, args, CmpOp::LtE)
}
fn list_gt(vm: &mut Vm, args: &[Value], _kw: &[(Str, Value)]) -> PyResult {
    cmp(vm, args, CmpOp::Gt)
}
fn list_ge(vm: &mut Vm, args: &[Value], _kw: &[(Str, Value)]) -> PyResult {
    cmp(vm, args, CmpOp::GtE)
}

/// Add list's methods to its type.
pub(crate) fn init(vm: &mut Vm) {
    let list = vm.types.list.clone();
    types::add_static_methods(&list, &[("__new__", list_new)]);
    types::add_methods(
        &list,
        &[
            ("__init__", list_init),
            ("append", list_append),
            ("extend", list_extend),
            ("insert", list_insert),
            ("remove", list_remove),
            ("pop", list_pop),
            ("clear", list_clear),
            ("copy", list_copy),
            ("reverse", list_reverse),
            ("index", list_index),
            ("count", list_count),
            ("sort", list_sort),
            ("__getitem__", list_getitem),
            ("__setitem__", list_setitem),
            ("__delitem__", list_delitem),
            ("__len__", list_len),
            ("__contains__", list_contains),
            ("__add__", list_add),
            ("__mul__", list_mul),
            ("__rmul__", list_mul),
            ("__iadd__", list_iadd),
            ("__imul__", list_imul),
            ("__eq__", list_eq),
            ("__ne__", list_ne),
            ("__lt__", list_lt),
            ("__le__", list_le),
            ("__gt__", list_gt),
            ("__ge__", list_ge),
        ],
    );
    types::set_attr(&list, "__hash__", Value::None);
}

#[cfg(test)]
#[allow(clippy::cloned_ref_to_slice_refs)]
mod tests {
    use super::*;
    use crate::exceptions::ExcKind;
    use crate::vm::VmConfig;
    use alloc::boxed::Box;

    fn vm() -> Vm {
        Vm::new(
            VmConfig::default(),
            Box::new(crate::port::NullPort::default()),
        )
    }
    fn ints(v: &Value) -> Vec<i64> {
        match &**v.as_obj().unwrap() {
            PyObject::List(l) => l.borrow().iter().map(|x| x.as_int().unwrap()).collect(),
            _ => panic!("not a list"),
        }
    }
    fn range_list(vm: &mut Vm, n: i64) -> Value {
        vm.new_list((0..n).map(Value::Int).collect())
    }
    fn sl(vm: &mut Vm, a: Value, b: Value, c: Value) -> Value {
        Value::Obj(vm.alloc(PyObject::Slice(a, b, c)))
    }
    use Value::{Int as I, None as N};

    #[test]
    fn slicing() {
        let mut vm = vm();
        let l = range_list(&mut vm, 10);
        let cases: [((Value, Value, Value), &[i64]); 6] = [
            ((I(2), I(8), I(3)), &[2, 5]),
            ((N, N, I(-1)), &[9, 8, 7, 6, 5, 4, 3, 2, 1, 0]),
            ((I(-3), N, N), &[7, 8, 9]),
            ((I(8), I(2), I(-2)), &[8, 6, 4]),
            ((I(100), N, N), &[]),
            ((N, N, I(-4)), &[9, 5, 1]),
        ];
        for ((a, b, c), exp) in cases {
            let s = sl(&mut vm, a, b, c);
            let r = list_getitem(&mut vm, &[l.clone(), s], &[]).unwrap();
            assert_eq!(ints(&r), exp);
        }
        let e = list_getitem(&mut vm, &[l.clone(), I(10)], &[]).unwrap_err();
        assert!(vm.err_matches(&e, ExcKind::IndexError));
        assert!(matches!(
            list_getitem(&mut vm, &[l.clone(), I(-1)], &[]).unwrap(),
            I(9)
        ));
        let e = list_getitem(&mut vm, &[l.clone(), Value::str("a")], &[]).unwrap_err();
        assert!(vm.err_matches(&e, ExcKind::TypeError));
        let s = sl(&mut vm, N, N, I(0));
        let e = list_getitem(&mut vm, &[l.clone(), s], &[]).unwrap_err();
        assert!(vm.err_matches(&e, ExcKind::ValueError));
    }

    #[test]
    fn slice_assignment_and_deletion() {
        let mut vm = vm();
        let cases: [((Value, Value, Value), Option<&[i64]>, &[i64]); 5] = [
            ((I(2), I(5), N), Some(&[9, 9]), &[0, 1, 9, 9, 5, 6, 7, 8, 9]),
            (
                (N, N, I(3)),
                Some(&[0, 0, 0, 0]),
                &[0, 1, 2, 0, 4, 5, 0, 7, 8, 0],
            ),
            ((N, N, I(2)), None, &[1, 3, 5, 7, 9]),
            ((I(1), I(8), I(3)), None, &[0, 2, 3, 5, 6, 8, 9]),
            (
                (I(8), I(2), N),
                Some(&[7]),
                &[0, 1, 2, 3, 4, 5, 6, 7, 7, 8, 9],
            ),
        ];
        for ((a, b, c), val, exp) in cases {
            let l = range_list(&mut vm, 10);
            let s = sl(&mut vm, a, b, c);
            match val {
                Some(v) => {
                    let v = vm.new_list(v.iter().map(|&x| I(x)).collect());
                    list_setitem(&mut vm, &[l.clone(), s, v], &[]).unwrap();
                }
                None => {
                    list_delitem(&mut vm, &[l.clone(), s], &[]).unwrap();
                }
            }
            assert_eq!(ints(&l), exp);
        }
        let l = range_list(&mut vm, 10);
        let s = sl(&mut vm, N, N, I(5));
        let v = vm.new_list(alloc::vec![I(1), I(2), I(3)]);
        let e = list_setitem(&mut vm, &[l, s, v], &[]).unwrap_err();
        assert!(vm.err_matches(&e, ExcKind::ValueError));
    }

    #[test]
    fn methods() {
        let mut vm = vm();
        let l = vm.new_list(alloc::vec![I(3), I(1), I(2)]);
        list_append(&mut vm, &[l.clone(), I(5)], &[]).unwrap();
        list_insert(&mut vm, &[l.clone(), I(-100), I(0)], &[]).unwrap();
        list_insert(&mut vm, &[l.clone(), I(100), I(9)], &[]).unwrap();
        assert_eq!(ints(&l), [0, 3, 1, 2, 5, 9]);
        assert!(matches!(
            list_pop(&mut vm, &[l.clone()], &[]).unwrap(),
            I(9)
        ));
        assert!(matches!(
            list_pop(&mut vm, &[l.clone(), I(0)], &[]).unwrap(),
            I(0)
        ));
        let e = list_pop(&mut vm, &[l.clone(), I(10)], &[]).unwrap_err();
        assert!(vm.err_matches(&e, ExcKind::IndexError));
        list_remove(&mut vm, &[l.clone(), I(1)], &[]).unwrap();
        let e = list_remove(&mut vm, &[l.clone(), I(1)], &[]).unwrap_err();
        assert!(vm.err_matches(&e, ExcKind::ValueError));
        assert!(matches!(
            list_index(&mut vm, &[l.clone(), I(5)], &[]).unwrap(),
            I(2)
        ));
        assert!(matches!(
            list_count(&mut vm, &[l.clone(), I(5)], &[]).unwrap(),
            I(1)
        ));
        list_sort(
            &mut vm,
            &[l.clone()],
            &[(crate::value::new_str("reverse"), Value::Bool(true))],
        )
        .unwrap();
        assert_eq!(ints(&l), [5, 3, 2]);
        let e = list_sort(
            &mut vm,
            &[l.clone()],
            &[(crate::value::new_str("bad"), I(1))],
        )
        .unwrap_err();
        assert!(vm.err_matches(&e, ExcKind::TypeError));
        list_reverse(&mut vm, &[l.clone()], &[]).unwrap();
        assert_eq!(ints(&l), [2, 3, 5]);
        let m = list_mul(&mut vm, &[l.clone(), I(2)], &[]).unwrap();
        assert_eq!(ints(&m), [2, 3, 5, 2, 3, 5]);
        let e = list_mul(&mut vm, &[l.clone(), I(i64::MAX)], &[]).unwrap_err();
        assert!(vm.err_matches(&e, ExcKind::MemoryError));
        let e = list_append(&mut vm, &[l.clone()], &[]).unwrap_err();
        assert!(vm.err_matches(&e, ExcKind::TypeError));
        let empty = vm.new_list(Vec::new());
        let e = list_pop(&mut vm, &[empty], &[]).unwrap_err();
        assert!(vm.err_matches(&e, ExcKind::IndexError));
        let r = list_eq(&mut vm, &[l.clone(), m.clone()], &[]).unwrap();
        assert!(matches!(r, Value::Bool(false)));
        let r = list_lt(&mut vm, &[l.clone(), m.clone()], &[]).unwrap();
        assert!(matches!(r, Value::Bool(true)));
        let cls = Value::Obj(vm.types.list.clone());
        let t = vm.new_tuple(alloc::vec![I(4), I(5)]);
        let n = list_new(&mut vm, &[cls, t], &[]).unwrap();
        assert_eq!(ints(&n), [4, 5]);
    }
}
