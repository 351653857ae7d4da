//! The `dict` type: its methods and constructor, and the dict views (`keys()`, `values()`,
//! `items()`).

use alloc::format;
use alloc::vec::Vec;
use core::cell::RefCell;

use crate::dict::{dict_get, dict_lookup, dict_remove, dict_set, Dict};
use crate::seqops::{arg_count, exactly_one, is_subclass_instance, iterate, no_args, no_kwargs};
use crate::types;
use crate::value::{Obj, PyObject, Str, Value, ViewKind};
use crate::vm::Vm;
use crate::PyResult;

/// The dict object behind a value (seeing through instances of Python subclasses).
pub fn dict_of(vm: &Vm, v: &Value) -> Option<Obj> {
    match vm.builtin_base(v) {
        Value::Obj(o) if matches!(&*o, PyObject::Dict(_)) => Some(o),
        _ => None,
    }
}

fn cell(o: &Obj) -> &RefCell<Dict> {
    match &**o {
        PyObject::Dict(d) => d,
        _ => alloc::boxed::Box::leak(alloc::boxed::Box::new(RefCell::new(Dict::new()))),
    }
}

fn self_dict(vm: &mut Vm, args: &[Value], name: &str) -> PyResult<Obj> {
    if let Some(v) = args.first() {
        if let Some(o) = dict_of(vm, v) {
            return Ok(o);
        }
        let tn = vm.type_name(v);
        return Err(vm.type_error(format!(
            "descriptor '{}' for 'dict' objects doesn't apply to a '{}' object",
            name, tn
        )));
    }
    Err(vm.type_error(format!("unbound method dict.{}() needs an argument", name)))
}

/// `dict.update(arg)` semantics for one positional argument: a dict, a mapping with `keys()`, or
/// an iterable of pairs.
pub fn update_from(vm: &mut Vm, target: &RefCell<Dict>, arg: &Value) -> PyResult<()> {
    if let Value::Obj(o) = arg {
        if let PyObject::Dict(src) = &**o {
            if core::ptr::eq(src, target) {
                return Ok(());
            }
            let items = src.borrow().items();
            for (k, v) in items {
                dict_set(vm, target, k, v)?;
            }
            return Ok(());
        }
    }
    if vm.lookup_special(arg, "keys").is_some() {
        let keys = vm.call_method(arg, "keys", &[])?;
        let ks = crate::seqops::collect_items(vm, &keys)?;
        for k in ks {
            let v = match dict_of(vm, arg) {
                Some(d)
                    if !is_subclass_instance(arg)
                        || vm.lookup_special(arg, "__getitem__").is_none() =>
                {
                    match dict_get(vm, cell(&d), &k)? {
                        Some(v) => v,
                        None => return Err(vm.key_error(k)),
                    }
                }
                _ => match vm.call_special(arg, "__getitem__", core::slice::from_ref(&k)) {
                    Some(r) => r?,
                    None => return Err(vm.type_error("object is not subscriptable")),
                },
            };
            dict_set(vm, target, k, v)?;
        }
        return Ok(());
    }
    let mut n = 0usize;
    iterate(vm, arg, &mut |vm, item| {
        let pair = match item.as_tuple() {
            Some(t) => t.to_vec(),
            None => {
                match crate::seqops::collect_items(vm, &item) {
                    Ok(v) => v,
                    Err(e) => {
                        if vm.err_matches(&e, crate::exceptions::ExcKind::TypeError) {
                            return Err(vm.type_error(format!("cannot convert dictionary update sequence element #{} to a sequence", n)));
                        }
                        return Err(e);
                    }
                }
            }
        };
        if pair.len() != 2 {
            return Err(vm.value_error(format!(
                "dictionary update sequence element #{} has length {}; 2 is required",
                n,
                pair.len()
            )));
        }
        let mut it = pair.into_iter();
        if let (Some(k), Some(v)) = (it.next(), it.next()) {
            dict_set(vm, target, k, v)?;
        }
        n += 1;
        Ok(true)
    })
}

fn update_kwargs(vm: &mut Vm, target: &RefCell<Dict>, kwargs: &[(Str, Value)]) -> PyResult<()> {
    for (k, v) in kwargs {
        dict_set(vm, target, Value::Str(k.clone()), v.clone())?;
    }
    Ok(())
}

fn dict_new(vm: &mut Vm, args: &[Value], kwargs: &[(Str, Value)]) -> PyResult {
    let cls = match args.first() {
        Some(Value::Obj(c)) => c.clone(),
        _ => return Err(vm.type_error("dict.__new__(X): X is not a type object")),
    };
    let exact = alloc::rc::Rc::ptr_eq(&cls, &vm.types.dict);
    vm.heap_check()?;
    let v = vm.new_dict(Dict::new());
    if !exact {
        // Python subclasses get their items from `__init__`, as in CPython.
        return Ok(vm.new_subclass_instance(&cls, v));
    }
    arg_count(vm, "dict", args, 0, 1)?;
    if let Value::Obj(o) = &v {
        if let Some(a) = args.get(1) {
            update_from(vm, cell(o), a)?;
        }
        update_kwargs(vm, cell(o), kwargs)?;
    }
    Ok(v)
}

fn dict_init(vm: &mut Vm, args: &[Value], kwargs: &[(Str, Value)]) -> PyResult {
    let o = self_dict(vm, args, "__init__")?;
    arg_count(vm, "dict", args, 0, 1)?;
    // An exact dict was filled by `__new__`; instances of Python subclasses are filled here.
    if !is_subclass_instance(&args[0]) {
        return Ok(Value::None);
    }
    if let Some(a) = args.get(1) {
        update_from(vm, cell(&o), a)?;
    }
    update_kwargs(vm, cell(&o), kwargs)?;
    Ok(Value::None)
}

fn view(
    vm: &mut Vm,
    args: &[Value],
    kwargs: &[(Str, Value)],
    kind: ViewKind,
    name: &str,
) -> PyResult {
    no_kwargs(vm, name, kwargs)?;
    no_args(vm, name, args)?;
    let o = self_dict(vm, args, name)?;
    vm.heap_check()?;
    Ok(Value::Obj(vm.alloc(PyObject::DictView(o, kind))))
}

fn dict_keys(vm: &mut Vm, args: &[Value], kwargs: &[(Str, Value)]) -> PyResult {
    view(vm, args, kwargs, ViewKind::Keys, "dict.keys")
}
fn dict_values(vm: &mut Vm, args: &[Value], kwargs: &[(Str, Value)]) -> PyResult {
    view(vm, args, kwargs, ViewKind::Values, "dict.values")
}
fn dict_items(vm: &mut Vm, args: &[Value], kwargs: &[(Str, Value)]) -> PyResult {
    view(vm, args, kwargs, ViewKind::Items, "dict.items")
}

fn dict_get_m(vm: &mut Vm, args: &[Value], kwargs: &[(Str, Value)]) -> PyResult {
    no_kwargs(vm, "dict.get", kwargs)?;
    arg_count(vm, "get", args, 1, 2)?;
    let o = self_dict(vm, args, "get")?;
    Ok(dict_get(vm, cell(&o), &args[1])?
        .unwrap_or_else(|| args.get(2).cloned().unwrap_or(Value::None)))
}

fn dict_setdefault(vm: &mut Vm, args: &[Value], kwargs: &[(Str, Value)]) -> PyResult {
    no_kwargs(vm, "dict.setdefault", kwargs)?;
    arg_count(vm, "setdefault", args, 1, 2)?;
    let o = self_dict(vm, args, "setdefault")?;
    let c = cell(&o);
    let (hash, i) = dict_lookup(vm, c, &args[1])?;
    if let Some(i) = i {
        if let Some(e) = c.borrow().entry(i) {
            return Ok(e.value.clone());
        }
    }
    let d = args.get(2).cloned().unwrap_or(Value::None);
    c.borrow_mut().insert_new(hash, args[1].clone(), d.clone());
    Ok(d)
}

fn dict_pop(vm: &mut Vm, args: &[Value], kwargs: &[(Str, Value)]) -> PyResult {
    no_kwargs(vm, "dict.pop", kwargs)?;
    arg_count(vm, "pop", args, 1, 2)?;
    let o = self_dict(vm, args, "pop")?;
    match dict_remove(vm, cell(&o), &args[1])? {
        Some(v) => Ok(v),
        None => match args.get(2) {
            Some(d) => Ok(d.clone()),
            None => Err(vm.key_error(args[1].clone())),
        },
    }
}

fn dict_popitem(vm: &mut Vm, args: &[Value], kwargs: &[(Str, Value)]) -> PyResult {
    no_kwargs(vm, "dict.popitem", kwargs)?;
    no_args(vm, "dict.popitem", args)?;
    let o = self_dict(vm, args, "popitem")?;
    let e = cell(&o).borrow_mut().pop_last();
    match e {
        Some(e) => Ok(vm.new_tuple(alloc::vec![e.key, e.value])),
        None => Err(vm.err(
            crate::exceptions::ExcKind::KeyError,
            "popitem(): dictionary is empty",
        )),
    }
}

fn dict_clear(vm: &mut Vm, args: &[Value], kwargs: &[(Str, Value)]) -> PyResult {
    no_kwargs(vm, "dict.clear", kwargs)?;
    no_args(vm, "dict.clear", args)?;
    let o = self_dict(vm, args, "clear")?;
    let old = core::mem::take(&mut *cell(&o).borrow_mut());
    drop(old);
    Ok(Value::None)
}

fn compact_copy(d: &Dict) -> Dict {
    let mut n = Dict::with_capacity(d.len());
    for e in d.entries() {
        n.insert_new(e.hash, e.key.clone(), e.value.clone());
    }
    n
}

fn dict_copy(vm: &mut Vm, args: &[Value], kwargs: &[(Str, Value)]) -> PyResult {
    no_kwargs(vm, "dict.copy", kwargs)?;
    no_args(vm, "dict.copy", args)?;
    let o = self_dict(vm, args, "copy")?;
    vm.heap_check()?;
    let d = compact_copy(&cell(&o).borrow());
    Ok(vm.new_dict(d))
}

fn dict_update(vm: &mut Vm, args: &[Value], kwargs: &[(Str, Value)]) -> PyResult {
    arg_count(vm, "update", args, 0, 1)?;
    let o = self_dict(vm, args, "update")?;
    if let Some(a) = args.get(1) {
        update_from(vm, cell(&o), a)?;
    }
    update_kwargs(vm, cell(&o), kwargs)?;
    Ok(Value::None)
}

fn dict_fromkeys(vm: &mut Vm, args: &[Value], kwargs: &[(Str, Value)]) -> PyResult {
    no_kwargs(vm, "dict.fromkeys", kwargs)?;
    arg_count(vm, "fromkeys", args, 1, 2)?;
    let cls = args[0].clone();
    let value = args.get(2).cloned().unwrap_or(Value::None);
    let exact = matches!(&cls, Value::Obj(c) if alloc::rc::Rc::ptr_eq(c, &vm.types.dict));
    if exact {
        let d = vm.new_dict(Dict::new());
        if let Value::Obj(o) = &d {
            let c = cell(o);
            iterate(vm, &args[1], &mut |vm, k| {
                dict_set(vm, c, k, value.clone())?;
                Ok(true)
            })?;
        }
        return Ok(d);
    }
    let inst = vm.call(&cls, &[])?;
    iterate(vm, &args[1], &mut |vm, k| match vm.call_special(
        &inst,
        "__setitem__",
        &[k, value.clone()],
    ) {
        Some(r) => r.map(|_| true),
        None => Err(vm.type_error("object does not support item assignment")),
    })?;
    Ok(inst)
}

fn dict_getitem(vm: &mut Vm, args: &[Value], _kw: &[(Str, Value)]) -> PyResult {
    exactly_one(vm, "dict.__getitem__", args)?;
    let o = self_dict(vm, args, "__getitem__")?;
    if let Some(v) = dict_get(vm, cell(&o), &args[1])? {
        return Ok(v);
    }
    if is_subclass_instance(&args[0]) {
        if let Some(m) = vm.lookup_special(&args[0], "__missing__") {
            return vm.call_unbound(&m, &[args[0].clone(), args[1].clone()]);
        }
    }
    Err(vm.key_error(args[1].clone()))
}

fn dict_setitem(vm: &mut Vm, args: &[Value], _kw: &[(Str, Value)]) -> PyResult {
    arg_count(vm, "__setitem__", args, 2, 2)?;
    let o = self_dict(vm, args, "__setitem__")?;
    dict_set(vm, cell(&o), args[1].clone(), args[2].clone())?;
    Ok(Value::None)
}

fn dict_delitem(vm: &mut Vm, args: &[Value], _kw: &[(Str, Value)]) -> PyResult {
    exactly_one(vm, "dict.__delitem__", args)?;
    let o = self_dict(vm, args, "__delitem__")?;
    match dict_remove(vm, cell(&o), &args[1])? {
        Some(_) => Ok(Value::None),
        None => Err(vm.key_error(args[1].clone())),
    }
}

fn dict_contains(vm: &mut Vm, args: &[Value], _kw: &[(Str, Value)]) -> PyResult {
    exactly_one(vm, "dict.__contains__", args)?;
    let o = self_dict(vm, args, "__contains__")?;
    Ok(Value::Bool(
        dict_lookup(vm, cell(&o), &args[1])?.1.is_some(),
    ))
}

fn dict_len(vm: &mut Vm, args: &[Value], _kw: &[(Str, Value)]) -> PyResult {
    no_args(vm, "dict.__len__", args)?;
    let o = self_dict(vm, args, "__len__")?;
    let n = cell(&o).borrow().len();
    Ok(Value::Int(n as i64))
}

/// `a | b` for two dicts: a new dict with b's items merged over a's.
pub fn dict_merge(vm: &mut Vm, a: &Value, b: &Value) -> PyResult {
    let (da, db) = match (dict_of(vm, a), dict_of(vm, b)) {
        (Some(x), Some(y)) => (x, y),
        _ => return Ok(Value::NotImplemented),
    };
    let d = compact_copy(&cell(&da).borrow());
    let r = vm.new_dict(d);
    if let Value::Obj(o) = &r {
        update_from(vm, cell(o), &Value::Obj(db))?;
    }
    Ok(r)
}

fn dict_or(vm: &mut Vm, args: &[Value], _kw: &[(Str, Value)]) -> PyResult {
    exactly_one(vm, "dict.__or__", args)?;
    dict_merge(vm, &args[0], &args[1])
}

fn dict_ror(vm: &mut Vm, args: &[Value], _kw: &[(Str, Value)]) -> PyResult {
    exactly_one(vm, "dict.__ror__", args)?;
    dict_merge(vm, &args[1], &args[0])
}

fn dict_ior(vm: &mut Vm, args: &[Value], _kw: &[(Str, Value)]) -> PyResult {
    exactly_one(vm, "dict.__ior__", args)?;
    let o = self_dict(vm, args, "__ior__")?;
    update_from(vm, cell(&o), &args[1])?;
    Ok(args[0].clone())
}

/// `a |= b` when `a` is a dict: updates `a` in place from any mapping or iterable of pairs and
/// returns it. None when `a` is not a dict.
pub fn dict_inplace_or(vm: &mut Vm, a: &Value, b: &Value) -> Option<PyResult> {
    let da = dict_of(vm, a)?;
    Some(update_from(vm, cell(&da), b).map(|_| a.clone()))
}

/// `a == b` for two dicts (order-insensitive; values compared with `==`).
pub fn dict_eq(vm: &mut Vm, a: &Value, b: &Value) -> PyResult<bool> {
    let (da, db) = match (dict_of(vm, a), dict_of(vm, b)) {
        (Some(x), Some(y)) => (x, y),
        _ => return Ok(false),
    };
    if alloc::rc::Rc::ptr_eq(&da, &db) {
        return Ok(true);
    }
    if cell(&da).borrow().len() != cell(&db).borrow().len() {
        return Ok(false);
    }
    let items: Vec<(Value, Value)> = cell(&da).borrow().items();
    for (k, v) in items {
        match dict_get(vm, cell(&db), &k)? {
            Some(w) => {
                if !(v.is(&w) || vm.eq(&v, &w)?) {
                    return Ok(false);
                }
            }
            None => return Ok(false),
        }
    }
    Ok(true)
}

fn dict_eq_m(vm: &mut Vm, args: &[Value], _kw: &[(Str, Value)]) -> PyResult {
    exactly_one(vm, "dict.__eq__", args)?;
    if dict_of(vm, &args[1]).is_none() {
        return Ok(Value::NotImplemented);
    }
    dict_eq(vm, &args[0], &args[1]).map(Value::Bool)
}

fn dict_ne_m(vm: &mut Vm, args: &[Value], kw: &[(Str, Value)]) -> PyResult {
    match dict_eq_m(vm, args, kw)? {
        Value::Bool(b) => Ok(Value::Bool(!b)),
        other => Ok(other),
    }
}

// ----- views --------------------------------------------------------------------------------------

fn self_view(vm: &mut Vm, args: &[Value]) -> PyResult<(Obj, ViewKind)> {
    if let Some(Value::Obj(o)) = args.first() {
        if let PyObject::DictView(d, k) = &**o {
            return Ok((d.clone(), *k));
        }
    }
    Err(vm.type_error("descriptor requires a dict view"))
}

fn view_len(vm: &mut Vm, args: &[Value], _kw: &[(Str, Value)]) -> PyResult {
    let (d, _) = self_view(vm, args)?;
    let n = cell(&d).borrow().len();
    Ok(Value::Int(n as i64))
}

fn view_contains(vm: &mut Vm, args: &[Value], _kw: &[(Str, Value)]) -> PyResult {
    exactly_one(vm, "__contains__", args)?;
    self_view(vm, args)?;
    match crate::seqops::builtin_contains(vm, &args[0], &args[1]) {
        Some(r) => r.map(Value::Bool),
        None => Ok(Value::Bool(false)),
    }
}

fn view_isdisjoint(vm: &mut Vm, args: &[Value], _kw: &[(Str, Value)]) -> PyResult {
    exactly_one(vm, "isdisjoint", args)?;
    self_view(vm, args)?;
    let this = args[0].clone();
    let mut disjoint = true;
    iterate(vm, &args[1], &mut |vm, item| {
        let found = match crate::seqops::builtin_contains(vm, &this, &item) {
            Some(r) => r?,
            None => false,
        };
        if found {
            disjoint = false;
            return Ok(false);
        }
        Ok(true)
    })?;
    Ok(Value::Bool(disjoint))
}

fn view_op(vm: &mut Vm, args: &[Value], op: crate::ast::BinOp, reflected: bool) -> PyResult {
    exactly_one(vm, "view operator", args)?;
    let (a, b) = if reflected {
        (&args[1], &args[0])
    } else {
        (&args[0], &args[1])
    };
    match crate::seqops::seq_binop(vm, op, a, b) {
        Some(r) => r,
        None => Ok(Value::NotImplemented),
    }
}

fn view_or(vm: &mut Vm, args: &[Value], _kw: &[(Str, Value)]) -> PyResult {
    view_op(vm, args, crate::ast::BinOp::BitOr, false)
}
fn view_and(vm: &mut Vm, args: &[Value], _kw: &[(Str, Value)]) -> PyResult {
    view_op(vm, args, crate::ast::BinOp::BitAnd, false)
}
fn view_sub(vm: &mut Vm, args: &[Value], _kw: &[(Str, Value)]) -> PyResult {
    view_op(vm, args, crate::ast::BinOp::Sub, false)
}
fn view_xor(vm: &mut Vm, args: &[Value], _kw: &[(Str, Value)]) -> PyResult {
    view_op(vm, args, crate::ast::BinOp::BitXor, false)
}
fn view_ror(vm: &mut Vm, args: &[Value], _kw: &[(Str, Value)]) -> PyResult {
    view_op(vm, args, crate::ast::BinOp::BitOr, true)
}
fn view_rand(vm: &mut Vm, args: &[Value], _kw: &[(Str, Value)]) -> PyResult {
    view_op(vm, args, crate::ast::BinOp::BitAnd, true)
}
fn view_rsub(vm: &mut Vm, args: &[Value], _kw: &[(Str, Value)]) -> PyResult {
    view_op(vm, args, crate::ast::BinOp::Sub, true)
}
fn view_rxor(vm: &mut Vm, args: &[Value], _kw: &[(Str, Value)]) -> PyResult {
    view_op(vm, args, crate::ast::BinOp::BitXor, true)
}

/// Add dict's methods to its type, and the views' methods to theirs.
pub(crate) fn init(vm: &mut Vm) {
    let dict = vm.types.dict.clone();
    types::add_static_methods(&dict, &[("__new__", dict_new)]);
    types::add_class_methods(&dict, &[("fromkeys", dict_fromkeys)]);
    types::add_methods(
        &dict,
        &[
            ("__init__", dict_init),
            ("keys", dict_keys),
            ("values", dict_values),
            ("items", dict_items),
            ("get", dict_get_m),
            ("setdefault", dict_setdefault),
            ("pop", dict_pop),
            ("popitem", dict_popitem),
            ("clear", dict_clear),
            ("copy", dict_copy),
            ("update", dict_update),
            ("__getitem__", dict_getitem),
            ("__setitem__", dict_setitem),
            ("__delitem__", dict_delitem),
            ("__contains__", dict_contains),
            ("__len__", dict_len),
            ("__or__", dict_or),
            ("__ror__", dict_ror),
            ("__ior__", dict_ior),
            ("__eq__", dict_eq_m),
            ("__ne__", dict_ne_m),
        ],
    );
    types::set_attr(&dict, "__hash__", Value::None);
    let common: &[(&'static str, crate::value::NativeFn)] =
        &[("__len__", view_len), ("__contains__", view_contains)];
    let setops: &[(&'static str, crate::value::NativeFn)] = &[
        ("isdisjoint", view_isdisjoint),
        ("__or__", view_or),
        ("__and__", view_and),
        ("__sub__", view_sub),
        ("__xor__", view_xor),
        ("__ror__", view_ror),
        ("__rand__", view_rand),
        ("__rsub__", view_rsub),
        ("__rxor__", view_rxor),
    ];
    for t in [
        vm.types.dict_keys.clone(),
        vm.types.dict_values.clone(),
        vm.types.dict_items.clone(),
    ] {
        types::add_methods(&t, common);
    }
    types::add_methods(&vm.types.dict_keys.clone(), setops);
    types::add_methods(&vm.types.dict_items.clone(), setops);
}

#[cfg(test)]
#[allow(clippy::cloned_ref_to_slice_refs)]
mod tests {
    use super::*;
    use crate::exceptions::ExcKind;
    use crate::vm::VmConfig;
    use alloc::boxed::Box;
    use Value::Int as I;

    fn vm() -> Vm {
        Vm::new(
            VmConfig::default(),
            Box::new(crate::port::NullPort::default()),
        )
    }
    fn pairs(v: &Value) -> Vec<(Value, i64)> {
        let o = v.as_obj().unwrap();
        cell(o)
            .borrow()
            .items()
            .into_iter()
            .map(|(k, v)| (k, v.as_int().unwrap()))
            .collect()
    }

    #[test]
    fn construct_and_update() {
        let mut vm = vm();
        let cls = Value::Obj(vm.types.dict.clone());
        let p = vm.new_tuple(alloc::vec![I(1), I(2)]);
        let l = vm.new_list(alloc::vec![p]);
        let d = dict_new(&mut vm, &[cls.clone(), l], &[]).unwrap();
        let p2 = vm.new_tuple(alloc::vec![I(3), I(4)]);
        let l2 = vm.new_list(alloc::vec![p2]);
        dict_update(
            &mut vm,
            &[d.clone(), l2],
            &[(crate::value::new_str("x"), I(5))],
        )
        .unwrap();
        let got = pairs(&d);
        assert_eq!(got.len(), 3);
        assert!(matches!(got[2].0, Value::Str(ref s) if s.as_str() == "x"));
        assert_eq!(got[1].1, 4);
        let bad = vm.new_tuple(alloc::vec![I(1), I(2), I(3)]);
        let l3 = vm.new_list(alloc::vec![bad]);
        let e = dict_new(&mut vm, &[cls.clone(), l3], &[]).unwrap_err();
        assert!(vm.err_matches(&e, ExcKind::ValueError));
        let e = dict_new(&mut vm, &[cls.clone(), I(3)], &[]).unwrap_err();
        assert!(vm.err_matches(&e, ExcKind::TypeError));
    }

    #[test]
    fn methods() {
        let mut vm = vm();
        let d = vm.new_dict(Dict::new());
        dict_setitem(&mut vm, &[d.clone(), I(1), I(10)], &[]).unwrap();
        dict_setitem(&mut vm, &[d.clone(), I(2), I(20)], &[]).unwrap();
        assert!(matches!(
            dict_getitem(&mut vm, &[d.clone(), I(1)], &[]).unwrap(),
            I(10)
        ));
        let e = dict_getitem(&mut vm, &[d.clone(), I(3)], &[]).unwrap_err();
        assert!(vm.err_matches(&e, ExcKind::KeyError));
        assert!(matches!(
            dict_get_m(&mut vm, &[d.clone(), I(3), I(7)], &[]).unwrap(),
            I(7)
        ));
        assert!(matches!(
            dict_setdefault(&mut vm, &[d.clone(), I(3), I(30)], &[]).unwrap(),
            I(30)
        ));
        assert!(matches!(
            dict_pop(&mut vm, &[d.clone(), I(9), I(0)], &[]).unwrap(),
            I(0)
        ));
        assert!(dict_pop(&mut vm, &[d.clone(), I(9)], &[]).is_err());
        let it = dict_popitem(&mut vm, &[d.clone()], &[]).unwrap();
        assert!(matches!(it.as_tuple(), Some([I(3), I(30)])));
        let c = dict_copy(&mut vm, &[d.clone()], &[]).unwrap();
        assert!(dict_eq(&mut vm, &c, &d).unwrap());
        dict_setitem(&mut vm, &[c.clone(), I(1), I(11)], &[]).unwrap();
        assert!(!dict_eq(&mut vm, &c, &d).unwrap());
        let m = dict_merge(&mut vm, &d, &c).unwrap();
        assert_eq!(pairs(&m).iter().map(|p| p.1).collect::<Vec<_>>(), [11, 20]);
        dict_clear(&mut vm, &[d.clone()], &[]).unwrap();
        let e = dict_popitem(&mut vm, &[d.clone()], &[]).unwrap_err();
        assert!(vm.err_matches(&e, ExcKind::KeyError));
        let keys = dict_keys(&mut vm, &[c.clone()], &[]).unwrap();
        assert!(matches!(
            view_len(&mut vm, &[keys.clone()], &[]).unwrap(),
            I(2)
        ));
        assert!(matches!(
            view_contains(&mut vm, &[keys.clone(), I(2)], &[]).unwrap(),
            Value::Bool(true)
        ));
        let items = dict_items(&mut vm, &[c.clone()], &[]).unwrap();
        let pair = vm.new_tuple(alloc::vec![I(1), I(11)]);
        assert!(matches!(
            view_contains(&mut vm, &[items.clone(), pair], &[]).unwrap(),
            Value::Bool(true)
        ));
        let pair = vm.new_tuple(alloc::vec![I(1), I(10)]);
        assert!(matches!(
            view_contains(&mut vm, &[items, pair], &[]).unwrap(),
            Value::Bool(false)
        ));
    }
}
