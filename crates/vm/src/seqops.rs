//! Operators on built-in sequences and collections: concatenation and repetition of str, bytes,
//! list and tuple; `%` formatting; set algebra; comparisons of sets and dicts; membership in
//! ranges, bytes and dict views. Also small helpers the collection types share (iteration with
//! fast paths for built-in containers, argument-count checks with CPython's messages).

use alloc::format;
use alloc::vec::Vec;
use core::cell::RefCell;

use crate::ast::{BinOp, CmpOp};
use crate::exceptions::ExcKind;
use crate::objset::{self, Set};
use crate::value::{Obj, PyObject, Str, ViewKind};
use crate::vm::Vm;
use crate::{PyResult, Value};

// ----- shared helpers -----------------------------------------------------------------------------

/// Call `f` on every item of an iterable, stopping early when it returns `Ok(false)`. Built-in
/// containers are walked directly (a list by index, seeing appends); anything else goes through
/// `vm.iter`/`vm.next`. Instances of Python subclasses use their `__iter__` via the VM.
pub fn iterate(
    vm: &mut Vm,
    v: &Value,
    f: &mut dyn FnMut(&mut Vm, Value) -> PyResult<bool>,
) -> PyResult<()> {
    if let Value::Obj(o) = v {
        match &**o {
            PyObject::List(l) => {
                let mut i = 0;
                loop {
                    let x = match l.borrow().get(i) {
                        Some(x) => x.clone(),
                        None => return Ok(()),
                    };
                    if !f(vm, x)? {
                        return Ok(());
                    }
                    i += 1;
                }
            }
            PyObject::Tuple(t) => {
                for x in t.iter() {
                    if !f(vm, x.clone())? {
                        break;
                    }
                }
                return Ok(());
            }
            PyObject::Set(s) => {
                let items = s.borrow().items();
                return each(vm, items, f);
            }
            PyObject::FrozenSet(s) => {
                for x in s.iter() {
                    if !f(vm, x.clone())? {
                        break;
                    }
                }
                return Ok(());
            }
            PyObject::Dict(d) => {
                let items = d.borrow().keys();
                return each(vm, items, f);
            }
            PyObject::DictView(d, kind) => {
                let items = view_items(vm, d, *kind);
                return each(vm, items, f);
            }
            PyObject::Range { start, step, .. } => {
                let n = crate::objrange::range_len(o);
                let (mut x, step) = (*start, *step);
                for _ in 0..n {
                    if !f(vm, Value::Int(x))? {
                        break;
                    }
                    x = x.wrapping_add(step);
                }
                return Ok(());
            }
            PyObject::Bytes(b) => {
                for &c in b.iter() {
                    if !f(vm, Value::Int(c as i64))? {
                        break;
                    }
                }
                return Ok(());
            }
            _ => {}
        }
    }
    if let Value::Str(s) = v {
        let mut buf = [0u8; 4];
        for c in s.as_str().chars() {
            if !f(vm, Value::str(c.encode_utf8(&mut buf)))? {
                break;
            }
        }
        return Ok(());
    }
    let it = vm.iter(v)?;
    while let Some(x) = vm.next(&it)? {
        if !f(vm, x)? {
            break;
        }
    }
    Ok(())
}

fn each(
    vm: &mut Vm,
    items: Vec<Value>,
    f: &mut dyn FnMut(&mut Vm, Value) -> PyResult<bool>,
) -> PyResult<()> {
    for x in items {
        if !f(vm, x)? {
            break;
        }
    }
    Ok(())
}

/// The items of an iterable as a vector (fast for built-in containers).
pub fn collect_items(vm: &mut Vm, v: &Value) -> PyResult<Vec<Value>> {
    if let Value::Obj(o) = v {
        match &**o {
            PyObject::List(l) => return Ok(l.borrow().clone()),
            PyObject::Tuple(t) => return Ok(t.to_vec()),
            _ => {}
        }
    }
    let mut out = Vec::new();
    iterate(vm, v, &mut |_, x| {
        out.push(x);
        Ok(true)
    })?;
    Ok(out)
}

/// The keys, values or (key, value) tuples of a dict object, cloned.
pub fn view_items(vm: &mut Vm, d: &Obj, kind: ViewKind) -> Vec<Value> {
    let dd = match &**d {
        PyObject::Dict(dd) => dd,
        _ => return Vec::new(),
    };
    match kind {
        ViewKind::Keys => dd.borrow().keys(),
        ViewKind::Values => dd.borrow().values(),
        ViewKind::Items => {
            let pairs = dd.borrow().items();
            pairs
                .into_iter()
                .map(|(k, v)| vm.new_tuple(alloc::vec![k, v]))
                .collect()
        }
    }
}

/// True for an instance of a Python class (e.g. a subclass of a built-in type).
pub fn is_subclass_instance(v: &Value) -> bool {
    matches!(v, Value::Obj(o) if matches!(&**o, PyObject::Instance(_)))
}

/// TypeError "`name`() takes no keyword arguments" when any were given.
pub fn no_kwargs(vm: &mut Vm, name: &str, kwargs: &[(Str, Value)]) -> PyResult<()> {
    if kwargs.is_empty() {
        Ok(())
    } else {
        Err(vm.type_error(format!("{}() takes no keyword arguments", name)))
    }
}

/// Check the number of arguments after `self` (CPython's `name expected at most N arguments, got
/// M` style); `args` includes self.
pub fn arg_count(vm: &mut Vm, name: &str, args: &[Value], min: usize, max: usize) -> PyResult<()> {
    let n = args.len().saturating_sub(1);
    if n >= min && n <= max {
        return Ok(());
    }
    let plural = |k: usize| if k == 1 { "" } else { "s" };
    let msg = if min == max {
        format!(
            "{} expected {} argument{}, got {}",
            name,
            min,
            plural(min),
            n
        )
    } else if n < min {
        format!(
            "{} expected at least {} argument{}, got {}",
            name,
            min,
            plural(min),
            n
        )
    } else {
        format!(
            "{} expected at most {} argument{}, got {}",
            name,
            max,
            plural(max),
            n
        )
    };
    Err(vm.type_error(msg))
}

/// CPython's "`name`() takes exactly one argument (N given)" check; `args` includes self.
pub fn exactly_one(vm: &mut Vm, name: &str, args: &[Value]) -> PyResult<()> {
    if args.len() == 2 {
        Ok(())
    } else {
        Err(vm.type_error(format!(
            "{}() takes exactly one argument ({} given)",
            name,
            args.len().saturating_sub(1)
        )))
    }
}

/// CPython's "`name`() takes no arguments (N given)" check; `args` includes self.
pub fn no_args(vm: &mut Vm, name: &str, args: &[Value]) -> PyResult<()> {
    if args.len() == 1 {
        Ok(())
    } else {
        Err(vm.type_error(format!(
            "{}() takes no arguments ({} given)",
            name,
            args.len().saturating_sub(1)
        )))
    }
}

/// The repeat count of `seq * n`: an int (or `__index__`) clamped at 0; None when `n` is not an
/// integer (the operator then does not apply).
pub fn repeat_count(vm: &mut Vm, n: &Value) -> Option<PyResult<i64>> {
    match n {
        Value::Int(i) => Some(Ok((*i).max(0))),
        Value::Bool(b) => Some(Ok(*b as i64)),
        Value::Obj(o) => match &**o {
            PyObject::BigInt(b) => {
                if b.sign() == num_bigint::Sign::Minus {
                    Some(Ok(0))
                } else {
                    Some(Err(vm.overflow_error(
                        "cannot fit 'int' into an index-sized integer",
                    )))
                }
            }
            PyObject::Instance(_) if vm.lookup_special(n, "__index__").is_some() => {
                Some(vm.to_index(n).map(|i| i.max(0)))
            }
            _ => None,
        },
        _ => None,
    }
}

/// `items * n` with a size guard (MemoryError when the result could not fit in the heap).
pub fn repeat_items(vm: &mut Vm, items: &[Value], n: i64) -> PyResult<Vec<Value>> {
    if n <= 0 || items.is_empty() {
        return Ok(Vec::new());
    }
    let total = (items.len() as u128) * (n as u128);
    let limit = (vm.config.heap_size / core::mem::size_of::<Value>()) as u128;
    if total > limit || total > isize::MAX as u128 / 16 {
        return Err(vm.err(ExcKind::MemoryError, ""));
    }
    let mut out = Vec::with_capacity(total as usize);
    if items.len() == 1 {
        out.resize(total as usize, items[0].clone());
    } else {
        for _ in 0..n {
            out.extend_from_slice(items);
        }
    }
    Ok(out)
}

fn as_view(v: &Value) -> Option<(&Obj, ViewKind)> {
    match v {
        Value::Obj(o) => match &**o {
            PyObject::DictView(d, k) => Some((d, *k)),
            _ => None,
        },
        _ => None,
    }
}

// ----- operators ------------------------------------------------------------------------------------

/// `a OP b` for built-in sequences/collections; None when not applicable.
pub fn seq_binop(vm: &mut Vm, op: BinOp, a: &Value, b: &Value) -> Option<PyResult> {
    if let Some(r) = crate::objstr::str_binop(vm, op, a, b) {
        return Some(r);
    }
    if let Some(r) = crate::objbytes::bytes_binop(vm, op, a, b) {
        return Some(r);
    }
    let (oa, ob) = (a.as_obj(), b.as_obj());
    match op {
        BinOp::Add => match (oa.map(|o| &**o), ob.map(|o| &**o)) {
            (Some(PyObject::List(x)), Some(PyObject::List(y))) => {
                let mut v = Vec::with_capacity(x.borrow().len() + y.borrow().len());
                v.extend_from_slice(&x.borrow());
                v.extend_from_slice(&y.borrow());
                Some(Ok(vm.new_list(v)))
            }
            (Some(PyObject::Tuple(x)), Some(PyObject::Tuple(y))) => {
                if y.is_empty() {
                    return Some(Ok(a.clone()));
                }
                if x.is_empty() {
                    return Some(Ok(b.clone()));
                }
                let mut v = Vec::with_capacity(x.len() + y.len());
                v.extend_from_slice(x);
                v.extend_from_slice(y);
                Some(Ok(vm.new_tuple(v)))
            }
            _ => None,
        },
        BinOp::Mult => {
            let (seq, n) = match (oa.map(|o| &**o), ob.map(|o| &**o)) {
                (Some(PyObject::List(_) | PyObject::Tuple(_)), _) => (a, b),
                (_, Some(PyObject::List(_) | PyObject::Tuple(_))) => (b, a),
                _ => return None,
            };
            let n = match repeat_count(vm, n)? {
                Ok(n) => n,
                Err(e) => return Some(Err(e)),
            };
            Some(repeat_seq(vm, seq, n))
        }
        BinOp::BitOr | BinOp::BitAnd | BinOp::Sub | BinOp::BitXor => {
            if let Some(r) = objset::set_binop(vm, op, a, b) {
                return Some(r);
            }
            if let (Some(x), Some(y)) = (oa, ob) {
                if op == BinOp::BitOr {
                    if let (PyObject::Dict(_), PyObject::Dict(_)) = (&**x, &**y) {
                        return Some(crate::objdict::dict_merge(vm, a, b));
                    }
                }
            }
            let va = as_view(a).filter(|(_, k)| *k != ViewKind::Values);
            let vb = as_view(b).filter(|(_, k)| *k != ViewKind::Values);
            if va.is_none() && vb.is_none() {
                return None;
            }
            Some(view_binop(vm, op, a, b))
        }
        _ => None,
    }
}

/// `seq * n` for a list or tuple.
pub fn repeat_seq(vm: &mut Vm, seq: &Value, n: i64) -> PyResult {
    match seq.as_obj().map(|o| &**o) {
        Some(PyObject::List(l)) => {
            let items = l.borrow().clone();
            let v = repeat_items(vm, &items, n)?;
            Ok(vm.new_list(v))
        }
        Some(PyObject::Tuple(t)) => {
            if n == 1 || t.is_empty() {
                return Ok(seq.clone());
            }
            let v = repeat_items(vm, t, n)?;
            Ok(vm.new_tuple(v))
        }
        _ => Ok(Value::NotImplemented),
    }
}

/// Set operators where one side is a keys or items view (the other any iterable): a new set.
fn view_binop(vm: &mut Vm, op: BinOp, a: &Value, b: &Value) -> PyResult {
    if op == BinOp::BitAnd {
        return view_intersect(vm, a, b);
    }
    let cell = RefCell::new(objset::set_from_iterable(vm, a)?);
    let s = match op {
        BinOp::BitOr => {
            objset::update_from(vm, &cell, b)?;
            cell.into_inner()
        }
        BinOp::Sub => {
            let tmp = vm.new_set(cell.into_inner());
            let r = crate::objset::set_method(vm, &tmp, "difference_update", b)?;
            let _ = r;
            return Ok(tmp);
        }
        _ => {
            let tmp = vm.new_set(cell.into_inner());
            crate::objset::set_method(vm, &tmp, "symmetric_difference_update", b)?;
            return Ok(tmp);
        }
    };
    Ok(vm.new_set(s))
}

/// CPython's `_PyDictView_Intersect`.
fn view_intersect(vm: &mut Vm, a: &Value, b: &Value) -> PyResult {
    let (mut sv, mut other) = if as_view(a).is_some() {
        (a.clone(), b.clone())
    } else {
        (b.clone(), a.clone())
    };
    let len_self = vm.len(&sv)?;
    if let Value::Obj(o) = &other {
        if let PyObject::Set(s) = &**o {
            if len_self <= s.borrow().len() {
                return crate::objset::set_method(vm, &other, "intersection", &sv);
            }
        }
    }
    if as_view(&other).is_some() && vm.len(&other)? > len_self {
        core::mem::swap(&mut sv, &mut other);
    }
    let cell = RefCell::new(Set::new());
    iterate(vm, &other, &mut |vm, item| {
        let found = match builtin_contains(vm, &sv, &item) {
            Some(r) => r?,
            None => false,
        };
        if found {
            objset::set_add(vm, &cell, item)?;
        }
        Ok(true)
    })?;
    Ok(vm.new_set(cell.into_inner()))
}

// ----- comparisons ------------------------------------------------------------------------------

/// Comparisons of other built-in objects (sets, dicts, ranges...); None when not applicable.
pub fn other_compare(vm: &mut Vm, a: &Value, b: &Value, op: CmpOp) -> Option<PyResult> {
    let (oa, ob) = (a.as_obj()?, b.as_obj()?);
    match (&**oa, &**ob) {
        (PyObject::Set(_) | PyObject::FrozenSet(_), PyObject::Set(_) | PyObject::FrozenSet(_)) => {
            objset::set_compare(vm, a, b, op)
        }
        (PyObject::Dict(_), PyObject::Dict(_)) => match op {
            CmpOp::Eq => Some(crate::objdict::dict_eq(vm, a, b).map(Value::Bool)),
            CmpOp::NotEq => Some(crate::objdict::dict_eq(vm, a, b).map(|x| Value::Bool(!x))),
            _ => None,
        },
        (PyObject::Range { .. }, PyObject::Range { .. }) => match op {
            CmpOp::Eq => Some(Ok(Value::Bool(crate::objrange::range_eq(oa, ob)))),
            CmpOp::NotEq => Some(Ok(Value::Bool(!crate::objrange::range_eq(oa, ob)))),
            _ => None,
        },
        (PyObject::Slice(a1, a2, a3), PyObject::Slice(b1, b2, b3)) => {
            let ta = [a1.clone(), a2.clone(), a3.clone()];
            let tb = [b1.clone(), b2.clone(), b3.clone()];
            Some(vm.seq_compare(&ta, &tb, op))
        }
        (PyObject::DictView(_, ka), _) if *ka != ViewKind::Values => view_compare(vm, a, b, op),
        (_, PyObject::DictView(_, kb)) if *kb != ViewKind::Values => view_compare(vm, a, b, op),
        _ => None,
    }
}

/// Comparisons of keys/items views with sets and other views (as sets).
fn view_compare(vm: &mut Vm, a: &Value, b: &Value, op: CmpOp) -> Option<PyResult> {
    let set_like = |v: &Value| match v.as_obj().map(|o| &**o) {
        Some(PyObject::Set(_) | PyObject::FrozenSet(_)) => true,
        Some(PyObject::DictView(_, k)) => *k != ViewKind::Values,
        _ => false,
    };
    if !set_like(a) || !set_like(b) {
        return None;
    }
    let r = (|| -> PyResult {
        let sa = if as_view(a).is_some() {
            let s = objset::set_from_iterable(vm, a)?;
            vm.new_frozenset(s)
        } else {
            a.clone()
        };
        let sb = if as_view(b).is_some() {
            let s = objset::set_from_iterable(vm, b)?;
            vm.new_frozenset(s)
        } else {
            b.clone()
        };
        match objset::set_compare(vm, &sa, &sb, op) {
            Some(r) => r,
            None => Ok(Value::NotImplemented),
        }
    })();
    Some(r)
}

// ----- membership ---------------------------------------------------------------------------------

/// `item in container` for ranges, bytes, bytearrays and dict views; None when not applicable.
pub fn builtin_contains(vm: &mut Vm, container: &Value, item: &Value) -> Option<PyResult<bool>> {
    let o = container.as_obj()?;
    match &**o {
        PyObject::Range { .. } => Some(crate::objrange::range_contains(vm, o, item)),
        PyObject::Bytes(b) => Some(bytes_contains(vm, b, item)),
        PyObject::ByteArray(b) => {
            let data = b.borrow().clone();
            Some(bytes_contains(vm, &data, item))
        }
        PyObject::DictView(d, kind) => {
            let dd = match &**d {
                PyObject::Dict(dd) => dd,
                _ => return Some(Ok(false)),
            };
            Some(match kind {
                ViewKind::Keys => crate::dict::dict_lookup(vm, dd, item).map(|(_, i)| i.is_some()),
                ViewKind::Items => (|| {
                    let (k, v) = match item.as_tuple() {
                        Some([k, v]) => (k.clone(), v.clone()),
                        _ => return Ok(false),
                    };
                    match crate::dict::dict_get(vm, dd, &k)? {
                        Some(found) => vm.eq(&found, &v),
                        None => Ok(false),
                    }
                })(),
                ViewKind::Values => (|| {
                    let mut i = 0;
                    loop {
                        let v = {
                            let b = dd.borrow();
                            if i >= b.entries_len() {
                                return Ok(false);
                            }
                            b.entry(i).map(|e| e.value.clone())
                        };
                        i += 1;
                        if let Some(v) = v {
                            if vm.eq(&v, item)? {
                                return Ok(true);
                            }
                        }
                    }
                })(),
            })
        }
        _ => None,
    }
}

fn bytes_contains(vm: &mut Vm, hay: &[u8], item: &Value) -> PyResult<bool> {
    let byte = match item {
        Value::Int(i) => Some(*i),
        Value::Bool(b) => Some(*b as i64),
        Value::Obj(o) if matches!(&**o, PyObject::BigInt(_)) => Some(-1),
        _ => None,
    };
    if let Some(c) = byte {
        if !(0..=255).contains(&c) {
            return Err(vm.value_error("byte must be in range(0, 256)"));
        }
        return Ok(hay.contains(&(c as u8)));
    }
    let needle: Vec<u8> = match item.as_obj().map(|o| &**o) {
        Some(PyObject::Bytes(b)) => b.to_vec(),
        Some(PyObject::ByteArray(b)) => b.borrow().clone(),
        Some(PyObject::Native(_)) if crate::objmemoryview::buffer_bytes(item).is_some() => {
            crate::objmemoryview::buffer_bytes(item).unwrap_or_default()
        }
        _ => {
            if matches!(item, Value::Obj(o) if matches!(&**o, PyObject::Instance(_)))
                && vm.lookup_special(item, "__index__").is_some()
            {
                let c = vm.to_index(item)?;
                if !(0..=255).contains(&c) {
                    return Err(vm.value_error("byte must be in range(0, 256)"));
                }
                return Ok(hay.contains(&(c as u8)));
            }
            let tn = vm.type_name(item);
            return Err(vm.type_error(format!("a bytes-like object is required, not '{}'", tn)));
        }
    };
    if needle.is_empty() {
        return Ok(true);
    }
    Ok(hay.windows(needle.len()).any(|w| w == needle.as_slice()))
}

#[cfg(test)]
#[allow(clippy::cloned_ref_to_slice_refs)]
mod tests {
    use super::*;
    use crate::dict::Dict;
    use crate::vm::VmConfig;
    use alloc::boxed::Box;
    use Value::Int as I;

    fn vm() -> Vm {
        Vm::new(
            VmConfig::default(),
            Box::new(crate::port::NullPort::default()),
        )
    }
    fn dict_of(vm: &mut Vm, ks: &[i64]) -> Value {
        let mut d = Dict::new();
        for &k in ks {
            d.insert_new(crate::hash::hash_int(k), I(k), I(k));
        }
        vm.new_dict(d)
    }
    fn view(vm: &mut Vm, d: &Value, kind: ViewKind) -> Value {
        Value::Obj(vm.alloc(PyObject::DictView(d.as_obj().unwrap().clone(), kind)))
    }
    fn items_of(v: &Value) -> Vec<Value> {
        objset::with_obj(v.as_obj().unwrap(), |s| s.items()).unwrap()
    }
    fn ints(v: &Value) -> Vec<i64> {
        items_of(v).iter().map(|x| x.as_int().unwrap()).collect()
    }

    #[test]
    fn view_set_operations_match_cpython() {
        let mut vm = vm();
        let d = dict_of(&mut vm, &[1, 2, 3]);
        let k = view(&mut vm, &d, ViewKind::Keys);
        let l = vm.new_list(alloc::vec![I(3), I(2), I(9)]);
        assert_eq!(
            ints(&seq_binop(&mut vm, BinOp::BitAnd, &k, &l).unwrap().unwrap()),
            [2, 3]
        );
        let d2 = dict_of(&mut vm, &[1, 2]);
        let k2 = view(&mut vm, &d2, ViewKind::Keys);
        let l5 = vm.new_list(alloc::vec![I(5)]);
        assert_eq!(
            ints(&seq_binop(&mut vm, BinOp::BitOr, &k2, &l5).unwrap().unwrap()),
            [1, 2, 5]
        );
        let l1 = vm.new_list(alloc::vec![I(1)]);
        assert_eq!(
            ints(&seq_binop(&mut vm, BinOp::Sub, &k2, &l1).unwrap().unwrap()),
            [2]
        );
        // list({1: 1, 2: 2}.items() ^ {(1, 1), (7, 7)}) == [(7, 7), (2, 2)]
        let it = view(&mut vm, &d2, ViewKind::Items);
        let s = objset::Set::new();
        let sv = vm.new_set(s);
        for p in [(1, 1), (7, 7)] {
            let t = vm.new_tuple(alloc::vec![I(p.0), I(p.1)]);
            if let PyObject::Set(c) = &**sv.as_obj().unwrap() {
                objset::set_add(&mut vm, c, t).unwrap();
            }
        }
        let r = seq_binop(&mut vm, BinOp::BitXor, &it, &sv)
            .unwrap()
            .unwrap();
        let got: Vec<i64> = items_of(&r)
            .iter()
            .map(|t| t.as_tuple().unwrap()[0].as_int().unwrap())
            .collect();
        assert_eq!(got, [7, 2]);
    }

    #[test]
    fn sequences_and_membership() {
        let mut vm = vm();
        let a = vm.new_list(alloc::vec![I(1)]);
        let b = vm.new_list(alloc::vec![I(2)]);
        let r = seq_binop(&mut vm, BinOp::Add, &a, &b).unwrap().unwrap();
        assert_eq!(
            r.as_obj()
                .map(|o| matches!(&**o, PyObject::List(l) if l.borrow().len() == 2)),
            Some(true)
        );
        let t = vm.new_tuple(alloc::vec![I(1), I(2)]);
        let r = seq_binop(&mut vm, BinOp::Mult, &I(3), &t).unwrap().unwrap();
        assert_eq!(r.as_tuple().unwrap().len(), 6);
        assert!(seq_binop(&mut vm, BinOp::Add, &a, &t).is_none());
        let big = seq_binop(&mut vm, BinOp::Mult, &a, &I(1 << 40)).unwrap();
        assert!(big.is_err());
        let by = Value::bytes(b"cab");
        assert!(builtin_contains(&mut vm, &by, &Value::bytes(b"ab"))
            .unwrap()
            .unwrap());
        assert!(builtin_contains(&mut vm, &by, &I(97)).unwrap().unwrap());
        assert!(builtin_contains(&mut vm, &by, &I(300)).unwrap().is_err());
        assert!(builtin_contains(&mut vm, &by, &Value::str("a"))
            .unwrap()
            .is_err());
        let d = dict_of(&mut vm, &[1, 2]);
        let vals = view(&mut vm, &d, ViewKind::Values);
        assert!(builtin_contains(&mut vm, &vals, &I(2)).unwrap().unwrap());
        let e = dict_of(&mut vm, &[2, 1]);
        let r = other_compare(&mut vm, &d, &e, CmpOp::Eq).unwrap().unwrap();
        assert!(matches!(r, Value::Bool(true)));
        let kd = view(&mut vm, &d, ViewKind::Keys);
        let ke = view(&mut vm, &e, ViewKind::Keys);
        let r = other_compare(&mut vm, &kd, &ke, CmpOp::Eq)
            .unwrap()
            .unwrap();
        assert!(matches!(r, Value::Bool(true)));
    }
}
