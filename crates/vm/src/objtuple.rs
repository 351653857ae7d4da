//! The `tuple` type: its methods and constructor.

use alloc::format;
use alloc::vec::Vec;

use crate::ast::CmpOp;
use crate::objrange::{
    adjust_indices, index_arg, is_slice, normalize_index, slice_positions, slice_unpack,
    slice_unpack_one,
};
use crate::seqops::{arg_count, collect_items, exactly_one, no_args, no_kwargs, repeat_count};
use crate::types;
use crate::value::{Obj, PyObject, Str, Value};
use crate::vm::Vm;
use crate::PyResult;

/// The tuple behind a value (seeing through instances of Python subclasses).
fn tuple_of(vm: &Vm, v: &Value) -> Option<Obj> {
    match vm.builtin_base(v) {
        Value::Obj(o) if matches!(&*o, PyObject::Tuple(_)) => Some(o),
        _ => None,
    }
}

fn items(o: &Obj) -> &[Value] {
    match &**o {
        PyObject::Tuple(t) => t,
        _ => &[],
    }
}

fn self_tuple(vm: &mut Vm, args: &[Value], name: &str) -> PyResult<Obj> {
    if let Some(v) = args.first() {
        if let Some(o) = tuple_of(vm, v) {
            return Ok(o);
        }
        let tn = vm.type_name(v);
        return Err(vm.type_error(format!(
            "descriptor '{}' for 'tuple' objects doesn't apply to a '{}' object",
            name, tn
        )));
    }
    Err(vm.type_error(format!("unbound method tuple.{}() needs an argument", name)))
}

fn tuple_new(vm: &mut Vm, args: &[Value], kwargs: &[(Str, Value)]) -> PyResult {
    let cls = match args.first() {
        Some(Value::Obj(c)) => c.clone(),
        _ => return Err(vm.type_error("tuple.__new__(X): X is not a type object")),
    };
    let exact = alloc::rc::Rc::ptr_eq(&cls, &vm.types.tuple);
    if exact {
        no_kwargs(vm, "tuple", kwargs)?;
    }
    arg_count(vm, "tuple", args, 0, 1)?;
    let v = match args.get(1) {
        Some(a @ Value::Obj(o)) if matches!(&**o, PyObject::Tuple(_)) => a.clone(),
        Some(it) => {
            let items = collect_items(vm, it)?;
            vm.new_tuple(items)
        }
        None => vm.new_tuple(Vec::new()),
    };
    if exact {
        Ok(v)
    } else {
        Ok(vm.new_subclass_instance(&cls, v))
    }
}

fn tuple_len(vm: &mut Vm, args: &[Value], _kw: &[(Str, Value)]) -> PyResult {
    no_args(vm, "tuple.__len__", args)?;
    let o = self_tuple(vm, args, "__len__")?;
    Ok(Value::Int(items(&o).len() as i64))
}

fn find(vm: &mut Vm, t: &[Value], x: &Value, start: usize, stop: usize) -> PyResult<Option<usize>> {
    for (i, item) in t.iter().enumerate().take(stop).skip(start) {
        if item.is(x) || vm.eq(item, x)? {
            return Ok(Some(i));
        }
    }
    Ok(None)
}

fn tuple_contains(vm: &mut Vm, args: &[Value], _kw: &[(Str, Value)]) -> PyResult {
    exactly_one(vm, "tuple.__contains__", args)?;
    let o = self_tuple(vm, args, "__contains__")?;
    Ok(Value::Bool(
        find(vm, items(&o), &args[1], 0, usize::MAX)?.is_some(),
    ))
}

fn tuple_count(vm: &mut Vm, args: &[Value], kwargs: &[(Str, Value)]) -> PyResult {
    no_kwargs(vm, "tuple.count", kwargs)?;
    exactly_one(vm, "tuple.count", args)?;
    let o = self_tuple(vm, args, "count")?;
    let mut n = 0;
    for item in items(&o) {
        if item.is(&args[1]) || vm.eq(item, &args[1])? {
            n += 1;
        }
    }
    Ok(Value::Int(n))
}

fn tuple_index(vm: &mut Vm, args: &[Value], kwargs: &[(Str, Value)]) -> PyResult {
    no_kwargs(vm, "tuple.index", kwargs)?;
    arg_count(vm, "index", args, 1, 3)?;
    let o = self_tuple(vm, args, "index")?;
    let t = items(&o);
    let start = match args.get(2) {
        Some(v) => slice_unpack_one(vm, v, 0)?,
        None => 0,
    };
    let stop = match args.get(3) {
        Some(v) => slice_unpack_one(vm, v, i64::MAX)?,
        None => i64::MAX,
    };
    let (s, e, _) = adjust_indices(start, stop, 1, t.len());
    match find(vm, t, &args[1], s.max(0) as usize, e.max(0) as usize)? {
        Some(i) => Ok(Value::Int(i as i64)),
        None => Err(vm.value_error("tuple.index(x): x not in tuple")),
    }
}

fn tuple_getitem(vm: &mut Vm, args: &[Value], _kw: &[(Str, Value)]) -> PyResult {
    exactly_one(vm, "tuple.__getitem__", args)?;
    let o = self_tuple(vm, args, "__getitem__")?;
    getitem(vm, &o, &args[1])
}

/// `tuple[idx]` for an index or a slice.
pub fn getitem(vm: &mut Vm, o: &Obj, idx: &Value) -> PyResult {
    let t = items(o);
    if let Value::Int(i) = idx {
        let n = t.len();
        let j = if *i < 0 { i.wrapping_add(n as i64) } else { *i };
        if j >= 0 && (j as u64) < n as u64 {
            return Ok(t[j as usize].clone());
        }
        return Err(vm.index_error("tuple index out of range"));
    }
    if is_slice(idx) {
        let (start, stop, step) = slice_unpack(vm, idx)?;
        let (s, e, st) = adjust_indices(start, stop, step, t.len());
        if st == 1 && s == 0 && e as usize == t.len() {
            return Ok(Value::Obj(o.clone()));
        }
        let v: Vec<Value> = if st == 1 {
            if s < e {
                t[s as usize..e as usize].to_vec()
            } else {
                Vec::new()
            }
        } else {
            slice_positions(s, e, st)
                .filter_map(|p| t.get(p).cloned())
                .collect()
        };
        return Ok(vm.new_tuple(v));
    }
    let i = index_arg(vm, idx, "tuple")?;
    let j = normalize_index(vm, i, t.len(), "tuple")?;
    Ok(t[j].clone())
}

fn tuple_add(vm: &mut Vm, args: &[Value], _kw: &[(Str, Value)]) -> PyResult {
    exactly_one(vm, "tuple.__add__", args)?;
    let o = self_tuple(vm, args, "__add__")?;
    let p = match tuple_of(vm, &args[1]) {
        Some(p) => p,
        None => {
            let tn = vm.type_name(&args[1]);
            return Err(vm.type_error(format!(
                "can only concatenate tuple (not \"{}\") to tuple",
                tn
            )));
        }
    };
    let mut v = items(&o).to_vec();
    v.extend_from_slice(items(&p));
    Ok(vm.new_tuple(v))
}

fn tuple_mul(vm: &mut Vm, args: &[Value], _kw: &[(Str, Value)]) -> PyResult {
    exactly_one(vm, "tuple.__mul__", args)?;
    let o = self_tuple(vm, args, "__mul__")?;
    let n = match repeat_count(vm, &args[1]) {
        Some(n) => n?,
        None => return Ok(Value::NotImplemented),
    };
    crate::seqops::repeat_seq(vm, &Value::Obj(o), n)
}

fn cmp(vm: &mut Vm, args: &[Value], op: CmpOp) -> PyResult {
    if args.len() != 2 {
        return Err(vm.type_error("expected 1 argument"));
    }
    let (a, b) = match (tuple_of(vm, &args[0]), tuple_of(vm, &args[1])) {
        (Some(a), Some(b)) => (a, b),
        _ => return Ok(Value::NotImplemented),
    };
    let (p, q) = (items(&a), items(&b));
    if matches!(op, CmpOp::Eq | CmpOp::NotEq) && p.len() != q.len() {
        return Ok(Value::Bool(op == CmpOp::NotEq));
    }
    vm.seq_compare(p, q, op)
}

fn tuple_eq(vm: &mut Vm, args: &[Value], _kw: &[(Str, Value)]) -> PyResult {
    cmp(vm, args, CmpOp::Eq)
}
fn tuple_ne(vm: &mut Vm, args: &[Value], _kw: &[(Str, Value)]) -> PyResult {
    cmp(vm, args, CmpOp::NotEq)
}
fn tuple_lt(vm: &mut Vm, args: &[Value], _kw: &[(Str, Value)]) -> PyResult {
    cmp(vm, args, CmpOp::Lt)
}
fn tuple_le(vm: &mut Vm, args: &[Value], _kw: &[(Str, Value)]) -> PyResult {
    cmp(vm, args, CmpOp::LtE)
}
fn tuple_gt(vm: &mut Vm, args: &[Value], _kw: &[(Str, Value)]) -> PyResult {
    cmp(vm, args, CmpOp::Gt)
}
fn tuple_ge(vm: &mut Vm, args: &[Value], _kw: &[(Str, Value)]) -> PyResult {
    cmp(vm, args, CmpOp::GtE)
}

/// Add tuple's methods to its type.
pub(crate) fn init(vm: &mut Vm) {
    let tuple = vm.types.tuple.clone();
    types::add_static_methods(&tuple, &[("__new__", tuple_new)]);
    types::add_methods(
        &tuple,
        &[
            ("__len__", tuple_len),
            ("__contains__", tuple_contains),
            ("__getitem__", tuple_getitem),
            ("count", tuple_count),
            ("index", tuple_index),
            ("__add__", tuple_add),
            ("__mul__", tuple_mul),
            ("__rmul__", tuple_mul),
            ("__eq__", tuple_eq),
            ("__ne__", tuple_ne),
            ("__lt__", tuple_lt),
            ("__le__", tuple_le),
            ("__gt__", tuple_gt),
            ("__ge__", tuple_ge),
        ],
    );
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::exceptions::ExcKind;
    use crate::vm::VmConfig;
    use alloc::boxed::Box;
    use Value::Int as I;

    #[test]
    fn tuple_methods() {
        let mut vm = Vm::new(
            VmConfig::default(),
            Box::new(crate::port::NullPort::default()),
        );
        let t = vm.new_tuple(alloc::vec![I(1), I(2), I(2), I(3)]);
        let cls = Value::Obj(vm.types.tuple.clone());
        let same = tuple_new(&mut vm, &[cls.clone(), t.clone()], &[]).unwrap();
        assert!(same.is(&t));
        assert!(matches!(
            tuple_count(&mut vm, &[t.clone(), I(2)], &[]).unwrap(),
            I(2)
        ));
        assert!(matches!(
            tuple_index(&mut vm, &[t.clone(), I(2), I(2)], &[]).unwrap(),
            I(2)
        ));
        let e = tuple_index(&mut vm, &[t.clone(), I(9)], &[]).unwrap_err();
        assert!(vm.err_matches(&e, ExcKind::ValueError));
        assert!(matches!(
            tuple_getitem(&mut vm, &[t.clone(), I(-1)], &[]).unwrap(),
            I(3)
        ));
        let e = tuple_getitem(&mut vm, &[t.clone(), I(4)], &[]).unwrap_err();
        assert!(vm.err_matches(&e, ExcKind::IndexError));
        let s = Value::Obj(vm.alloc(PyObject::Slice(Value::None, Value::None, I(-2))));
        let r = tuple_getitem(&mut vm, &[t.clone(), s], &[]).unwrap();
        assert_eq!(
            r.as_tuple()
                .unwrap()
                .iter()
                .map(|v| v.as_int().unwrap())
                .collect::<Vec<_>>(),
            [3, 2]
        );
        let z = tuple_mul(&mut vm, &[t.clone(), I(0)], &[]).unwrap();
        assert_eq!(z.as_tuple().unwrap().len(), 0);
        let u = tuple_add(&mut vm, &[t.clone(), z.clone()], &[]).unwrap();
        assert_eq!(u.as_tuple().unwrap().len(), 4);
        assert!(tuple_add(&mut vm, &[t.clone(), I(1)], &[]).is_err());
        let r = tuple_lt(&mut vm, &[z, t.clone()], &[]).unwrap();
        assert!(matches!(r, Value::Bool(true)));
    }
}
