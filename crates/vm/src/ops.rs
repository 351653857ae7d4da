//! Operators: binary and in-place arithmetic, comparisons, unary operators and `in`, with fast paths
//! for built-in types and the dunder protocol (`__add__`/`__radd__`/`__iadd__`, rich comparisons
//! with reflection, NotImplemented) for everything else.

use alloc::format;
use alloc::string::String;
use alloc::vec::Vec;
use core::cmp::Ordering;

use crate::ast::{BinOp, CmpOp};
use crate::exceptions::ExcKind;
use crate::types;
use crate::value::{PyObject, Value};
use crate::vm::Vm;
use crate::PyResult;

/// The dunder names of a binary operator: (`__op__`, `__rop__`, `__iop__`, symbol).
pub fn binop_names(op: BinOp) -> (&'static str, &'static str, &'static str, &'static str) {
    match op {
        BinOp::Add => ("__add__", "__radd__", "__iadd__", "+"),
        BinOp::Sub => ("__sub__", "__rsub__", "__isub__", "-"),
        BinOp::Mult => ("__mul__", "__rmul__", "__imul__", "*"),
        BinOp::MatMult => ("__matmul__", "__rmatmul__", "__imatmul__", "@"),
        BinOp::Div => ("__truediv__", "__rtruediv__", "__itruediv__", "/"),
        BinOp::Mod => ("__mod__", "__rmod__", "__imod__", "%"),
        BinOp::Pow => ("__pow__", "__rpow__", "__ipow__", "** or pow()"),
        BinOp::LShift => ("__lshift__", "__rlshift__", "__ilshift__", "<<"),
        BinOp::RShift => ("__rshift__", "__rrshift__", "__irshift__", ">>"),
        BinOp::BitOr => ("__or__", "__ror__", "__ior__", "|"),
        BinOp::BitXor => ("__xor__", "__rxor__", "__ixor__", "^"),
        BinOp::BitAnd => ("__and__", "__rand__", "__iand__", "&"),
        BinOp::FloorDiv => ("__floordiv__", "__rfloordiv__", "__ifloordiv__", "//"),
    }
}

fn cmp_names(op: CmpOp) -> (&'static str, &'static str, &'static str) {
    match op {
        CmpOp::Lt => ("__lt__", "__gt__", "<"),
        CmpOp::LtE => ("__le__", "__ge__", "<="),
        CmpOp::Gt => ("__gt__", "__lt__", ">"),
        CmpOp::GtE => ("__ge__", "__le__", ">="),
        CmpOp::Eq => ("__eq__", "__eq__", "=="),
        CmpOp::NotEq => ("__ne__", "__ne__", "!="),
        _ => ("", "", ""),
    }
}

fn is_user(v: &Value) -> bool {
    matches!(v, Value::Obj(o) if matches!(&**o, PyObject::Instance(_) | PyObject::Native(_) | PyObject::Type(_)))
}

impl Vm {
    /// `a OP b`.
    pub fn binary_op(&mut self, a: &Value, b: &Value, op: BinOp) -> PyResult {
        if let (Value::Int(x), Value::Int(y)) = (a, b) {
            match op {
                BinOp::Add => {
                    if let Some(r) = x.checked_add(*y) {
                        return Ok(Value::Int(r));
                    }
                }
                BinOp::Sub => {
                    if let Some(r) = x.checked_sub(*y) {
                        return Ok(Value::Int(r));
                    }
                }
                BinOp::Mult => {
                    if let Some(r) = x.checked_mul(*y) {
                        return Ok(Value::Int(r));
                    }
                }
                _ => {}
            }
        }
        if !is_user(a) && !is_user(b) {
            if let Some(r) = crate::number::binop(self, op, a, b) {
                return r;
            }
            if let Some(r) = crate::seqops::seq_binop(self, op, a, b) {
                return r;
            }
        }
        self.binary_op_slow(a, b, op, false)
    }

    /// `a OP= b`.
    pub fn inplace_op(&mut self, a: &Value, b: &Value, op: BinOp) -> PyResult {
        if let (Value::Int(_), Value::Int(_)) = (a, b) {
            return self.binary_op(a, b, op);
        }
        if let Value::Obj(o) = a {
            match &**o {
                PyObject::List(l) if op == BinOp::Add => {
                    let items = self.collect(b)?;
                    l.borrow_mut().extend(items);
                    return Ok(a.clone());
                }
                PyObject::List(l) if op == BinOp::Mult => {
                    let n = self.to_index(b)?;
                    let items = l.borrow().clone();
                    let rep = crate::seqops::repeat_items(self, &items, n)?;
                    *l.borrow_mut() = rep;
                    return Ok(a.clone());
                }
                PyObject::Set(_) => {
                    if let Some(r) = crate::objset::set_inplace(self, op, a, b) {
                        return r;
                    }
                }
                PyObject::ByteArray(_) if op == BinOp::Add || op == BinOp::Mult => {
                    let name = if op == BinOp::Add {
                        "__iadd__"
                    } else {
                        "__imul__"
                    };
                    if let Some(r) = self.call_special(a, name, core::slice::from_ref(b)) {
                        let r = r?;
                        if !matches!(r, Value::NotImplemented) {
                            return Ok(r);
                        }
                    }
                }
                PyObject::Dict(_) if op == BinOp::BitOr => {
                    if let Some(r) = crate::objdict::dict_inplace_or(self, a, b) {
                        return r;
                    }
                }
                PyObject::Instance(_) | PyObject::Native(_) => {
                    let (_, _, iname, _) = binop_names(op);
                    if let Some(r) = self.call_special(a, iname, core::slice::from_ref(b)) {
                        let r = r?;
                        if !matches!(r, Value::NotImplemented) {
                            return Ok(r);
                        }
                    }
                }
                _ => {}
            }
        }
        if !is_user(a) && !is_user(b) {
            if let Some(r) = crate::number::binop(self, op, a, b) {
                return r;
            }
            if let Some(r) = crate::seqops::seq_binop(self, op, a, b) {
                return r;
            }
        }
        self.binary_op_slow(a, b, op, true)
    }

    fn binary_op_slow(&mut self, a: &Value, b: &Value, op: BinOp, inplace: bool) -> PyResult {
        let (name, rname, _, _) = binop_names(op);
        let ta = self.type_of(a);
        let tb = self.type_of(b);
        let same = alloc::rc::Rc::ptr_eq(&ta, &tb);
        // A subclass's reflected method gets priority.
        let b_first =
            !same && types::is_subclass(&tb, &ta) && types::lookup_str(&tb, rname).is_some();
        if b_first {
            if let Some(r) = self.call_special(b, rname, core::slice::from_ref(a)) {
                let r = r?;
                if !matches!(r, Value::NotImplemented) {
                    return Ok(r);
                }
            }
        }
        if let Some(r) = self.call_special(a, name, core::slice::from_ref(b)) {
            let r = r?;
            if !matches!(r, Value::NotImplemented) {
                return Ok(r);
            }
        } else {
            let base = self.builtin_base(a);
            if !base.is(a) && !base.is_none() {
                let r = if inplace {
                    self.inplace_op(&base, b, op)
                } else {
                    self.binary_op(&base, b, op)
                };
                match r {
                    Ok(v) => return Ok(v),
                    Err(e) if self.err_matches(&e, ExcKind::TypeError) => {}
                    Err(e) => return Err(e),
                }
            }
        }
        self.binary_op_rest(a, b, op, inplace, same, b_first)
    }

    /// A binary operation on `a` and `b` whose left operand's method was called directly (the
    /// dispatch loop runs it as a frame) and returned NotImplemented: try the reflected method,
    /// then raise the TypeError. Only for operands of which `b` has no priority (same type, or
    /// `b` not of a subclass).
    pub(crate) fn binary_op_after_lhs(&mut self, a: &Value, b: &Value, op: BinOp) -> PyResult {
        let ta = self.type_of(a);
        let tb = self.type_of(b);
        let same = alloc::rc::Rc::ptr_eq(&ta, &tb);
        self.binary_op_rest(a, b, op, false, same, false)
    }

    /// The part of `binary_op_slow` after the left operand's method: reflected method, errors.
    fn binary_op_rest(
        &mut self,
        a: &Value,
        b: &Value,
        op: BinOp,
        inplace: bool,
        same: bool,
        b_first: bool,
    ) -> PyResult {
        let (_, rname, _, sym) = binop_names(op);
        if !same && !b_first {
            if let Some(r) = self.call_special(b, rname, core::slice::from_ref(a)) {
                let r = r?;
                if !matches!(r, Value::NotImplemented) {
                    return Ok(r);
                }
            } else {
                let base = self.builtin_base(b);
                if !base.is(b) && !base.is_none() {
                    let r = self.binary_op(a, &base, op);
                    match r {
                        Ok(v) => return Ok(v),
                        Err(e) if self.err_matches(&e, ExcKind::TypeError) => {}
                        Err(e) => return Err(e),
                    }
                }
            }
        }
        let (na, nb) = (self.type_name(a), self.type_name(b));
        let sym: String = if inplace && op != BinOp::Pow {
            format!("{}=", sym)
        } else {
            String::from(sym)
        };
        let is_seq = |v: &Value| {
            matches!(v, Value::Str(_))
                || matches!(v, Value::Obj(o) if matches!(&**o, PyObject::List(_) | PyObject::Tuple(_) | PyObject::Bytes(_) | PyObject::ByteArray(_)))
        };
        if op == BinOp::Mult && (is_seq(a) != is_seq(b)) {
            // Repetition by an object with __index__.
            let (seq, n) = if is_seq(a) { (a, b) } else { (b, a) };
            if is_user(n) && self.lookup_special(n, "__index__").is_some() {
                let k = self.to_index(n)?;
                return self.binary_op(seq, &Value::Int(k), op);
            }
            let other = if is_seq(a) { &nb } else { &na };
            return Err(self.type_error(format!(
                "can't multiply sequence by non-int of type '{}'",
                other
            )));
        }
        if op == BinOp::Mult && is_seq(a) && is_seq(b) {
            return Err(self.type_error(format!(
                "can't multiply sequence by non-int of type '{}'",
                nb
            )));
        }
        if op == BinOp::Add
            && matches!(a, Value::Obj(o) if matches!(&**o, PyObject::Bytes(_) | PyObject::ByteArray(_)))
            && !is_user(b)
        {
            return Err(self.type_error(format!("can't concat {} to {}", nb, na)));
        }
        if op == BinOp::Add && (matches!(a, Value::Str(_))) {
            return Err(
                self.type_error(format!("can only concatenate str (not \"{}\") to str", nb))
            );
        }
        if op == BinOp::Add
            && matches!(a, Value::Obj(o) if matches!(&**o, PyObject::List(_)))
            && !is_user(b)
        {
            return Err(self.type_error(format!(
                "can only concatenate list (not \"{}\") to list",
                nb
            )));
        }
        if op == BinOp::Add
            && matches!(a, Value::Obj(o) if matches!(&**o, PyObject::Tuple(_)))
            && !is_user(b)
        {
            return Err(self.type_error(format!(
                "can only concatenate tuple (not \"{}\") to tuple",
                nb
            )));
        }
        Err(self.type_error(format!(
            "unsupported operand type(s) for {}: '{}' and '{}'",
            sym, na, nb
        )))
    }

    /// Rich comparison `a OP b` (also `in`, `not in`, `is`, `is not`).
    pub fn compare(&mut self, a: &Value, b: &Value, op: CmpOp) -> PyResult {
        match op {
            CmpOp::Is => return Ok(Value::Bool(a.is(b))),
            CmpOp::IsNot => return Ok(Value::Bool(!a.is(b))),
            CmpOp::In => return Ok(Value::Bool(self.contains(b, a)?)),
            CmpOp::NotIn => return Ok(Value::Bool(!self.contains(b, a)?)),
            _ => {}
        }
        if !is_user(a) && !is_user(b) {
            if let Some(eq) = crate::number::complex_eq(a, b) {
                return match op {
                    CmpOp::Eq => Ok(Value::Bool(eq)),
                    CmpOp::NotEq => Ok(Value::Bool(!eq)),
                    _ => {
                        let (na, nb) = (self.type_name(a), self.type_name(b));
                        let (_, _, sym) = cmp_names(op);
                        Err(self.type_error(format!(
                            "'{}' not supported between instances of '{}' and '{}'",
                            sym, na, nb
                        )))
                    }
                };
            }
            if let Some(ord) = crate::number::num_compare(a, b) {
                return Ok(Value::Bool(match ord {
                    None => op == CmpOp::NotEq,
                    Some(o) => cmp_holds(op, o),
                }));
            }
            if let Some(r) = self.builtin_compare(a, b, op) {
                return r;
            }
        }
        let (name, rname, sym) = cmp_names(op);
        let ta = self.type_of(a);
        let tb = self.type_of(b);
        let same = alloc::rc::Rc::ptr_eq(&ta, &tb);
        let b_first = !same && types::is_subclass(&tb, &ta);
        if b_first {
            if let Some(r) = self.call_cmp_user(b, rname, a, op) {
                let r = r?;
                if !matches!(r, Value::NotImplemented) {
                    return Ok(r);
                }
            }
        }
        if let Some(r) = self.call_cmp_user(a, name, b, op) {
            let r = r?;
            if !matches!(r, Value::NotImplemented) {
                return Ok(r);
            }
        }
        if !b_first {
            if let Some(r) = self.call_cmp_user(b, rname, a, op) {
                let r = r?;
                if !matches!(r, Value::NotImplemented) {
                    return Ok(r);
                }
            }
        }
        // Subclasses of built-in types compare by their built-in value.
        let (ba, bb) = (self.builtin_base(a), self.builtin_base(b));
        if (!ba.is(a) && !ba.is_none()) || (!bb.is(b) && !bb.is_none()) {
            let ba = if ba.is_none() { a.clone() } else { ba };
            let bb = if bb.is_none() { b.clone() } else { bb };
            if !is_user(&ba) && !is_user(&bb) {
                return self.compare(&ba, &bb, op);
            }
        }
        match op {
            CmpOp::Eq => Ok(Value::Bool(a.is(b))),
            // Both sides' __eq__ were already tried by the default __ne__.
            CmpOp::NotEq => Ok(Value::Bool(!a.is(b))),
            _ => {
                let (na, nb) = (self.type_name(a), self.type_name(b));
                Err(self.type_error(format!(
                    "'{}' not supported between instances of '{}' and '{}'",
                    sym, na, nb
                )))
            }
        }
    }

    /// A comparison dunder of a Python class; for `!=` without a user `__ne__`, object's
    /// default `__ne__`: the user `__eq__`, inverted unless it returns NotImplemented.
    fn call_cmp_user(
        &mut self,
        v: &Value,
        name: &'static str,
        other: &Value,
        op: CmpOp,
    ) -> Option<PyResult> {
        let r = self.call_special_user(v, name, other);
        if r.is_some() || op != CmpOp::NotEq {
            return r;
        }
        let r = self.call_special_user(v, "__eq__", other)?;
        Some(r.and_then(|r| {
            if matches!(r, Value::NotImplemented) {
                Ok(r)
            } else {
                Ok(Value::Bool(!self.truthy(&r)?))
            }
        }))
    }

    /// A dunder defined by a Python class (object's defaults are skipped).
    fn call_special_user(
        &mut self,
        v: &Value,
        name: &'static str,
        other: &Value,
    ) -> Option<PyResult> {
        if !is_user(v) {
            return None;
        }
        let m = self.lookup_special(v, name)?;
        if self.is_object_slot(&m) {
            return None;
        }
        Some(self.call_unbound(&m, &[v.clone(), other.clone()]))
    }

    /// Comparisons between built-in non-numeric values (str, bytes, tuples, lists, sets...).
    fn builtin_compare(&mut self, a: &Value, b: &Value, op: CmpOp) -> Option<PyResult> {
        let ord: Option<Ordering> = match (a, b) {
            (Value::Str(x), Value::Str(y)) => Some(x.as_str().cmp(y.as_str())),
            (Value::Obj(x), Value::Obj(y)) => match (&**x, &**y) {
                (PyObject::Bytes(p), PyObject::Bytes(q)) => Some(p.cmp(q)),
                (PyObject::ByteArray(p), PyObject::ByteArray(q)) => {
                    Some(p.borrow().as_slice().cmp(q.borrow().as_slice()))
                }
                (PyObject::Bytes(p), PyObject::ByteArray(q)) => {
                    Some((**p).cmp(q.borrow().as_slice()))
                }
                (PyObject::ByteArray(p), PyObject::Bytes(q)) => {
                    Some(p.borrow().as_slice().cmp(&**q))
                }
                (PyObject::Tuple(p), PyObject::Tuple(q)) => {
                    let (p, q) = (p.to_vec(), q.to_vec());
                    return self.nested_compare(|vm| Some(vm.seq_compare(&p, &q, op)));
                }
                (PyObject::List(p), PyObject::List(q)) => {
                    let (p, q) = (p.borrow().clone(), q.borrow().clone());
                    return self.nested_compare(|vm| Some(vm.seq_compare(&p, &q, op)));
                }
                (PyObject::BoundMethod(f, s), PyObject::BoundMethod(g, t))
                    if matches!(op, CmpOp::Eq | CmpOp::NotEq) =>
                {
                    // Bound methods are equal when they bind the same object to the same function.
                    let eq = s.is(t) && f.is(g);
                    return Some(Ok(Value::Bool(eq == (op == CmpOp::Eq))));
                }
                (PyObject::Builtin(f), PyObject::Builtin(g))
                    if matches!(op, CmpOp::Eq | CmpOp::NotEq) =>
                {
                    let eq = match (&f.bound, &g.bound) {
                        (Some(s), Some(t)) => {
                            s.is(t) && f.name == g.name && core::ptr::fn_addr_eq(f.func, g.func)
                        }
                        _ => alloc::rc::Rc::ptr_eq(x, y),
                    };
                    return Some(Ok(Value::Bool(eq == (op == CmpOp::Eq))));
                }
                _ => return self.nested_compare(|vm| crate::seqops::other_compare(vm, a, b, op)),
            },
            _ => None,
        };
        match ord {
            Some(o) => Some(Ok(Value::Bool(cmp_holds(op, o)))),
            None => match op {
                CmpOp::Eq => Some(Ok(Value::Bool(a.is(b)))),
                CmpOp::NotEq => Some(Ok(Value::Bool(!a.is(b)))),
                _ => None,
            },
        }
    }

    /// Runs a container comparison (None: not applicable) one native level deeper: deeply nested
    /// containers end in RecursionError (as in CPython) instead of overflowing the Rust stack.
    fn nested_compare(&mut self, f: impl FnOnce(&mut Vm) -> Option<PyResult>) -> Option<PyResult> {
        if self.native_depth >= self.config.native_depth_limit {
            return Some(Err(self.err(
                ExcKind::RecursionError,
                "maximum recursion depth exceeded in comparison",
            )));
        }
        self.native_depth += 1;
        let r = f(self);
        self.native_depth -= 1;
        r
    }

    /// Lexicographic comparison of two sequences.
    pub fn seq_compare(&mut self, p: &[Value], q: &[Value], op: CmpOp) -> PyResult {
        for (x, y) in p.iter().zip(q.iter()) {
            if x.is(y) {
                continue;
            }
            if !self.eq(x, y)? {
                return match op {
                    CmpOp::Eq => Ok(Value::Bool(false)),
                    CmpOp::NotEq => Ok(Value::Bool(true)),
                    _ => self.compare(x, y, op),
                };
            }
        }
        Ok(Value::Bool(cmp_holds(op, p.len().cmp(&q.len()))))
    }

    /// `item in container`.
    pub fn contains(&mut self, container: &Value, item: &Value) -> PyResult<bool> {
        match container {
            Value::Str(s) => match item {
                Value::Str(t) => return Ok(s.as_str().contains(t.as_str())),
                _ => {
                    let tn = self.type_name(item);
                    return Err(self.type_error(format!(
                        "'in <string>' requires string as left operand, not {}",
                        tn
                    )));
                }
            },
            Value::Obj(o) => match &**o {
                PyObject::List(l) => {
                    let n = l.borrow().len();
                    for i in 0..n {
                        let x = match l.borrow().get(i) {
                            Some(x) => x.clone(),
                            None => break,
                        };
                        if self.eq(&x, item)? {
                            return Ok(true);
                        }
                    }
                    return Ok(false);
                }
                PyObject::Tuple(t) => {
                    for x in t.iter() {
                        if self.eq(x, item)? {
                            return Ok(true);
                        }
                    }
                    return Ok(false);
                }
                PyObject::Dict(d) => return Ok(crate::dict::dict_get(self, d, item)?.is_some()),
                PyObject::Set(s) => return crate::objset::set_cell_contains(self, s, item),
                PyObject::FrozenSet(s) => return crate::objset::set_contains(self, s, item),
                PyObject::Range { .. }
                | PyObject::Bytes(_)
                | PyObject::ByteArray(_)
                | PyObject::DictView(..) => {
                    if let Some(r) = crate::seqops::builtin_contains(self, container, item) {
                        return r;
                    }
                }
                _ => {}
            },
            _ => {}
        }
        if let Some(r) = self.call_special(container, "__contains__", core::slice::from_ref(item)) {
            let r = r?;
            return self.truthy(&r);
        }
        let base = self.builtin_base(container);
        if !base.is(container) && !base.is_none() {
            return self.contains(&base, item);
        }
        // Fall back to iteration.
        let it = match self.iter(container) {
            Ok(it) => it,
            Err(_) => {
                let tn = self.type_name(container);
                return Err(self.type_error(format!("argument of type '{}' is not iterable", tn)));
            }
        };
        while let Some(x) = self.next(&it)? {
            if self.eq(&x, item)? {
                return Ok(true);
            }
        }
        Ok(false)
    }

    /// `-v`, `+v`, `~v`.
    pub fn unary_op(&mut self, v: &Value, which: &str) -> PyResult {
        if !is_user(v) {
            if let Some(r) = crate::number::unary(self, which, v) {
                return r;
            }
        }
        let name = match which {
            "-" => "__neg__",
            "+" => "__pos__",
            _ => "__invert__",
        };
        if let Some(r) = self.call_special(v, name, &[]) {
            return r;
        }
        let base = self.builtin_base(v);
        if !base.is(v) && !base.is_none() {
            return self.unary_op(&base, which);
        }
        let tn = self.type_name(v);
        Err(self.type_error(format!("bad operand type for unary {}: '{}'", which, tn)))
    }

    /// Sort values in place with `<` (and an optional key function), stable, propagating errors
    /// (`list.sort`'s algorithm, with its fast paths for int and str keys).
    pub fn sort_values(
        &mut self,
        items: &mut Vec<Value>,
        key: Option<&Value>,
        reverse: bool,
    ) -> PyResult<()> {
        crate::objlist::sort_items(self, items, key, reverse)
    }

    /// The stable order of `keys` under `<`: positions, smallest key first (largest first with
    /// `reverse`, equal keys still in their original order).
    pub fn sort_order(&mut self, keys: &[Value], reverse: bool) -> PyResult<Vec<usize>> {
        let mut idx: Vec<usize> = (0..keys.len()).collect();
        let mut err = None;
        crate::sort::merge_sort(&mut idx, &mut |&i, &j| {
            if err.is_some() {
                return false;
            }
            let (a, b) = if reverse {
                (&keys[j], &keys[i])
            } else {
                (&keys[i], &keys[j])
            };
            match self.lt(a, b) {
                Ok(r) => r,
                Err(e) => {
                    err = Some(e);
                    false
                }
            }
        });
        match err {
            Some(e) => Err(e),
            None => Ok(idx),
        }
    }
}

/// Does `ordering` satisfy the comparison?
pub fn cmp_holds(op: CmpOp, o: Ordering) -> bool {
    match op {
        CmpOp::Lt => o == Ordering::Less,
        CmpOp::LtE => o != Ordering::Greater,
        CmpOp::Gt => o == Ordering::Greater,
        CmpOp::GtE => o != Ordering::Less,
        CmpOp::Eq => o == Ordering::Equal,
        CmpOp::NotEq => o != Ordering::Equal,
        _ => false,
    }
}
