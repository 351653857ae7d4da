//! The object protocols natives use: truth, hashing, equality and ordering, repr/str, iteration,
//! length, indexing and method calls, each dispatching on built-in types first and on Python dunder
//! methods otherwise.

use alloc::format;
use alloc::rc::Rc;
use alloc::string::String;
use alloc::vec::Vec;

use crate::ast::CmpOp;
use crate::exceptions::ExcKind;
use crate::types;
use crate::value::{IterState, PyObject, Str, Value, ViewKind};
use crate::vm::Vm;
use crate::{PyErr, PyResult};

impl Vm {
    /// Look up a special method on the type of `v` (not the instance), unbound.
    pub fn lookup_special(&mut self, v: &Value, name: &'static str) -> Option<Value> {
        let cls = self.type_of(v);
        let n = self.name(name);
        self.type_lookup(&cls, &n)
    }

    /// Call a special method found on the type with `v` as self. None when the type lacks it.
    pub fn call_special(
        &mut self,
        v: &Value,
        name: &'static str,
        args: &[Value],
    ) -> Option<PyResult> {
        let m = self.lookup_special(v, name)?;
        let mut full = Vec::with_capacity(args.len() + 1);
        full.push(v.clone());
        full.extend_from_slice(args);
        Some(self.call_unbound(&m, &full))
    }

    /// Call an attribute found on a class (function, builtin, staticmethod...) with explicit self
    /// as the first argument.
    pub fn call_unbound(&mut self, m: &Value, args: &[Value]) -> PyResult {
        if let Value::Obj(o) = m {
            match &**o {
                PyObject::StaticMethod(f) => return self.call(&f.clone(), &args[1..]),
                PyObject::ClassMethod(f) => {
                    let cls = self.type_of(&args[0]);
                    let mut full = Vec::with_capacity(args.len());
                    full.push(Value::Obj(cls));
                    full.extend_from_slice(&args[1..]);
                    return self.call(&f.clone(), &full);
                }
                _ => {}
            }
        }
        self.call(m, args)
    }

    /// Call a method by name: `obj.name(*args)`.
    pub fn call_method(&mut self, obj: &Value, name: &str, args: &[Value]) -> PyResult {
        let n = self.intern(name);
        let f = self.getattr(obj, &n)?;
        self.call(&f, args)
    }

    /// Call a callable with positional arguments.
    pub fn call(&mut self, f: &Value, args: &[Value]) -> PyResult {
        self.call_kw(f, args, &[])
    }

    /// `bool(v)`.
    pub fn truthy(&mut self, v: &Value) -> PyResult<bool> {
        Ok(match v {
            Value::None => false,
            Value::Bool(b) => *b,
            Value::Int(i) => *i != 0,
            Value::Float(f) => *f != 0.0,
            Value::Str(s) => !s.as_str().is_empty(),
            Value::NotImplemented | Value::Ellipsis => true,
            Value::Obj(o) => match &**o {
                PyObject::List(l) => !l.borrow().is_empty(),
                PyObject::Tuple(t) => !t.is_empty(),
                PyObject::Dict(d) => !d.borrow().is_empty(),
                PyObject::Set(s) => !s.borrow().is_empty(),
                PyObject::FrozenSet(s) => !s.is_empty(),
                PyObject::Bytes(b) => !b.is_empty(),
                PyObject::ByteArray(b) => !b.borrow().is_empty(),
                PyObject::BigInt(_) => true,
                PyObject::Complex(a, b) => *a != 0.0 || *b != 0.0,
                PyObject::Range { .. } => crate::objrange::range_len(o) != 0,
                PyObject::Instance(_) | PyObject::Native(_) => {
                    if let Some(r) = self.call_special(v, "__bool__", &[]) {
                        let r = r?;
                        return match r {
                            Value::Bool(b) => Ok(b),
                            _ => {
                                let tn = self.type_name(&r);
                                Err(self.type_error(format!(
                                    "__bool__ should return bool, returned {}",
                                    tn
                                )))
                            }
                        };
                    }
                    if let Some(r) = self.call_special(v, "__len__", &[]) {
                        let r = r?;
                        let n = self.to_index(&r)?;
                        return Ok(n != 0);
                    }
                    true
                }
                _ => true,
            },
        })
    }

    /// `hash(v)`.
    pub fn hash(&mut self, v: &Value) -> PyResult<i64> {
        use crate::hash::*;
        Ok(match v {
            Value::None => 0x5f3759df,
            Value::NotImplemented => 0x4e6f74,
            Value::Ellipsis => 0x2e2e2e,
            Value::Bool(b) => *b as i64,
            Value::Int(i) => hash_int(*i),
            Value::Float(f) => hash_float(*f),
            Value::Str(s) => s.hash(),
            Value::Obj(o) => match &**o {
                PyObject::BigInt(b) => hash_bigint(b),
                PyObject::Bytes(b) => hash_bytes(b),
                PyObject::Complex(re, im) => {
                    let h = hash_float(*re).wrapping_add(hash_float(*im).wrapping_mul(1000003));
                    if h == -1 {
                        -2
                    } else {
                        h
                    }
                }
                PyObject::Tuple(items) => {
                    let mut hs = Vec::with_capacity(items.len());
                    self.enter_native()?;
                    for it in items.iter() {
                        match self.hash(it) {
                            Ok(h) => hs.push(h),
                            Err(e) => {
                                self.leave_native();
                                return Err(e);
                            }
                        }
                    }
                    self.leave_native();
                    hash_tuple(hs.into_iter())
                }
                PyObject::FrozenSet(s) => s.frozen_hash(),
                PyObject::Range { start, stop, step } => {
                    let n = crate::objrange::range_len(o) as i64;
                    let (a, b) = if n == 0 {
                        (Value::None, Value::None)
                    } else if n == 1 {
                        (Value::Int(*start), Value::None)
                    } else {
                        (Value::Int(*start), Value::Int(*step))
                    };
                    let _ = stop;
                    let hs = [hash_int(n), self.hash(&a)?, self.hash(&b)?];
                    hash_tuple(hs.into_iter())
                }
                PyObject::List(_)
                | PyObject::Dict(_)
                | PyObject::Set(_)
                | PyObject::Slice(..)
                | PyObject::ByteArray(_)
                | PyObject::DictView(_, ViewKind::Keys | ViewKind::Items) => {
                    let tn = self.type_name(v);
                    return Err(self.type_error(format!("unhashable type: '{}'", tn)));
                }
                PyObject::Instance(_) | PyObject::Native(_) => {
                    let cls = self.type_of(v);
                    let hname = self.name("__hash__");
                    match self.type_lookup(&cls, &hname) {
                        Some(Value::None) => {
                            let tn = self.type_name(v);
                            return Err(self.type_error(format!("unhashable type: '{}'", tn)));
                        }
                        Some(m) if !self.is_object_slot(&m) => {
                            let r = self.call_unbound(&m, core::slice::from_ref(v))?;
                            return match r {
                                Value::Int(i) => Ok(if i == -1 { -2 } else { i }),
                                Value::Bool(b) => Ok(b as i64),
                                Value::Obj(ref b) if matches!(&**b, PyObject::BigInt(_)) => {
                                    if let PyObject::BigInt(b) = &**b {
                                        Ok(hash_bigint(b))
                                    } else {
                                        Ok(0)
                                    }
                                }
                                _ => {
                                    Err(self.type_error("__hash__ method should return an integer"))
                                }
                            };
                        }
                        _ => {
                            // A class defining __eq__ without __hash__ is unhashable.
                            let eqn = self.name("__eq__");
                            if let Some(eq) = self.type_lookup(&cls, &eqn) {
                                if !self.is_object_slot(&eq) && !self.is_builtin_layout(&cls) {
                                    let tn = self.type_name(v);
                                    return Err(
                                        self.type_error(format!("unhashable type: '{}'", tn))
                                    );
                                }
                            }
                            let base = self.builtin_base(v);
                            if !base.is(v) && !base.is_none() {
                                return self.hash(&base);
                            }
                            (v.id() >> 4) as i64
                        }
                    }
                }
                PyObject::BoundMethod(f, s) => ((s.id() >> 4) ^ (f.id() >> 4)) as i64,
                PyObject::Builtin(b) => match &b.bound {
                    Some(s) => ((s.id() >> 4) ^ (b.func as usize >> 4)) as i64,
                    None => (v.id() >> 4) as i64,
                },
                _ => (v.id() >> 4) as i64,
            },
        })
    }

    /// True when `m` is one of `object`'s own native slots (so a class does not override it).
    pub(crate) fn is_object_slot(&self, m: &Value) -> bool {
        if let Value::Obj(o) = m {
            if let PyObject::Builtin(b) = &**o {
                return b.name.starts_with("object.");
            }
        }
        false
    }

    fn is_builtin_layout(&self, cls: &crate::value::Obj) -> bool {
        types::as_type(cls)
            .map(|t| {
                !matches!(
                    t.layout,
                    crate::value::Layout::Object | crate::value::Layout::Exception
                )
            })
            .unwrap_or(false)
    }

    /// `a == b` as a bool.
    pub fn eq(&mut self, a: &Value, b: &Value) -> PyResult<bool> {
        if let Some(r) = crate::dict::fast_eq(a, b) {
            return Ok(r);
        }
        let r = self.compare(a, b, CmpOp::Eq)?;
        self.truthy(&r)
    }

    /// `a < b` as a bool.
    pub fn lt(&mut self, a: &Value, b: &Value) -> PyResult<bool> {
        if let (Value::Int(x), Value::Int(y)) = (a, b) {
            return Ok(x < y);
        }
        let r = self.compare(a, b, CmpOp::Lt)?;
        self.truthy(&r)
    }

    /// `str(v)`.
    pub fn str_of(&mut self, v: &Value) -> PyResult<Str> {
        match v {
            Value::Str(s) => Ok(s.clone()),
            Value::Int(i) => Ok(crate::format::int_str(*i)),
            Value::Obj(o) if matches!(&**o, PyObject::Instance(_) | PyObject::Native(_)) => {
                let cls = self.type_of(v);
                let n = self.name("__str__");
                match self.type_lookup(&cls, &n) {
                    Some(m) if !self.is_object_slot(&m) => {
                        let r = self.call_unbound(&m, core::slice::from_ref(v))?;
                        self.expect_str_result(r, "__str__")
                    }
                    _ => {
                        let base = self.builtin_base(v);
                        if let Value::Str(s) = &base {
                            return Ok(s.clone());
                        }
                        if let Some(st) = crate::exceptions::exc_state(v) {
                            let args = st.borrow().args.clone();
                            let items: Vec<Value> =
                                args.as_tuple().map(|t| t.to_vec()).unwrap_or_default();
                            let is_key_error =
                                self.is_instance(v, &self.exc_type(ExcKind::KeyError));
                            return match items.len() {
                                0 => Ok(crate::value::new_str("")),
                                1 if !is_key_error => self.str_of(&items[0]),
                                _ => self.repr(&args),
                            };
                        }
                        self.repr(v)
                    }
                }
            }
            _ => self.repr(v),
        }
    }

    fn expect_str_result(&mut self, r: Value, what: &str) -> PyResult<Str> {
        match r {
            Value::Str(s) => Ok(s),
            other => {
                let b = self.builtin_base(&other);
                if let Value::Str(s) = b {
                    return Ok(s);
                }
                let tn = self.type_name(&other);
                Err(self.type_error(format!("{} returned non-string (type {})", what, tn)))
            }
        }
    }

    /// `repr(v)`.
    pub fn repr(&mut self, v: &Value) -> PyResult<Str> {
        if let Value::Int(i) = v {
            return Ok(crate::format::int_str(*i));
        }
        self.enter_native()?;
        let r = crate::repr::repr_value(self, v);
        self.leave_native();
        r.map(|s| Rc::new(crate::value::PyStr::from_string(s)))
    }

    /// `repr(v)` as a Rust String.
    pub fn repr_string(&mut self, v: &Value) -> PyResult<String> {
        Ok(String::from(self.repr(v)?.as_str()))
    }

    /// `iter(v)`.
    pub fn iter(&mut self, v: &Value) -> PyResult<Value> {
        let st = match v {
            Value::Str(s) => IterState::Str {
                s: s.clone(),
                offset: 0,
            },
            Value::Obj(o) => match &**o {
                PyObject::List(_) | PyObject::Tuple(_) => IterState::Seq {
                    seq: v.clone(),
                    index: 0,
                },
                PyObject::Bytes(_) | PyObject::ByteArray(_) => IterState::Bytes {
                    seq: v.clone(),
                    index: 0,
                },
                PyObject::Dict(d) => IterState::Dict {
                    dict: o.clone(),
                    index: 0,
                    kind: 0,
                    len: d.borrow().len(),
                },
                PyObject::DictView(d, k) => {
                    let len = match &**d {
                        PyObject::Dict(dd) => dd.borrow().len(),
                        _ => 0,
                    };
                    IterState::Dict {
                        dict: d.clone(),
                        index: 0,
                        kind: *k as u8,
                        len,
                    }
                }
                PyObject::Set(s) => IterState::Snapshot {
                    items: s.borrow().items(),
                    index: 0,
                },
                PyObject::FrozenSet(s) => IterState::Snapshot {
                    items: s.items(),
                    index: 0,
                },
                PyObject::Range { start, step, .. } => {
                    let n = crate::objrange::range_len(o);
                    IterState::Range {
                        next: *start,
                        remaining: n as u64,
                        step: *step,
                    }
                }
                PyObject::Generator(g) if g.borrow().flags & crate::code::CO_COROUTINE != 0 => {
                    return Err(self.type_error("'coroutine' object is not iterable"));
                }
                PyObject::Iter(_) | PyObject::Generator(_) => return Ok(v.clone()),
                PyObject::Instance(_) | PyObject::Native(_) | PyObject::Type(_) => {
                    if let Some(m) = self.lookup_special(v, "__iter__") {
                        // `__iter__ = None` declares the class not iterable.
                        if m.is_none() {
                            let tn = self.type_name(v);
                            return Err(self.type_error(format!("'{}' object is not iterable", tn)));
                        }
                        let it = self.call_unbound(&m, core::slice::from_ref(v))?;
                        if self.lookup_special(&it, "__next__").is_none()
                            && !matches!(&it, Value::Obj(o) if matches!(&**o, PyObject::Iter(_) | PyObject::Generator(_)))
                        {
                            let tn = self.type_name(&it);
                            return Err(self.type_error(format!(
                                "iter() returned non-iterator of type '{}'",
                                tn
                            )));
                        }
                        return Ok(it);
                    }
                    let base = self.builtin_base(v);
                    if !base.is(v) && !base.is_none() {
                        return self.iter(&base);
                    }
                    if self.lookup_special(v, "__getitem__").is_some() {
                        IterState::GetItem {
                            obj: v.clone(),
                            index: 0,
                        }
                    } else {
                        let tn = self.type_name(v);
                        return Err(self.type_error(format!("'{}' object is not iterable", tn)));
                    }
                }
                _ => {
                    let tn = self.type_name(v);
                    return Err(self.type_error(format!("'{}' object is not iterable", tn)));
                }
            },
            _ => {
                let tn = self.type_name(v);
                return Err(self.type_error(format!("'{}' object is not iterable", tn)));
            }
        };
        Ok(self.new_iter(st))
    }

    /// `next(it)`: Some(value), or None when exhausted.
    pub fn next(&mut self, it: &Value) -> PyResult<Option<Value>> {
        if let Value::Obj(o) = it {
            match &**o {
                PyObject::Iter(_) => return crate::iter::iter_next(self, o),
                PyObject::Generator(_) => {
                    return match self.gen_resume(o, Value::None, None)? {
                        crate::eval::GenOutcome::Yielded(v) => Ok(Some(v)),
                        crate::eval::GenOutcome::Returned(_) => Ok(None),
                    }
                }
                _ => {}
            }
        }
        match self.call_special(it, "__next__", &[]) {
            Some(Ok(v)) => Ok(Some(v)),
            Some(Err(e)) => {
                if self.err_matches(&e, ExcKind::StopIteration) {
                    self.pending_stop = Some(e.0);
                    Ok(None)
                } else {
                    Err(e)
                }
            }
            None => {
                let tn = self.type_name(it);
                Err(self.type_error(format!("'{}' object is not an iterator", tn)))
            }
        }
    }

    /// Collect an iterable into a vector.
    pub fn collect(&mut self, iterable: &Value) -> PyResult<Vec<Value>> {
        if let Value::Obj(o) = iterable {
            match &**o {
                PyObject::List(l) => return Ok(l.borrow().clone()),
                PyObject::Tuple(t) => return Ok(t.to_vec()),
                _ => {}
            }
        }
        let it = self.iter(iterable)?;
        let mut out = Vec::new();
        while let Some(v) = self.next(&it)? {
            out.push(v);
        }
        Ok(out)
    }

    /// `operator.index(v)` as an i64 (OverflowError if it does not fit).
    pub fn to_index(&mut self, v: &Value) -> PyResult<i64> {
        match v {
            Value::Int(i) => Ok(*i),
            Value::Bool(b) => Ok(*b as i64),
            Value::Obj(o) if matches!(&**o, PyObject::BigInt(_)) => Err(self.err(
                ExcKind::IndexError,
                "cannot fit 'int' into an index-sized integer",
            )),
            _ => {
                let base = self.builtin_base(v);
                if !base.is(v) {
                    return self.to_index(&base);
                }
                if let Some(r) = self.call_special(v, "__index__", &[]) {
                    let r = r?;
                    return match r {
                        Value::Int(i) => Ok(i),
                        Value::Bool(b) => Ok(b as i64),
                        _ => {
                            let tn = self.type_name(&r);
                            Err(self
                                .type_error(format!("__index__ returned non-int (type {})", tn)))
                        }
                    };
                }
                let tn = self.type_name(v);
                Err(self.type_error(format!(
                    "'{}' object cannot be interpreted as an integer",
                    tn
                )))
            }
        }
    }

    /// `len(v)`.
    pub fn len(&mut self, v: &Value) -> PyResult<usize> {
        let n = match v {
            Value::Str(s) => s.char_len(),
            Value::Obj(o) => match &**o {
                PyObject::List(l) => l.borrow().len(),
                PyObject::Tuple(t) => t.len(),
                PyObject::Dict(d) => d.borrow().len(),
                PyObject::Set(s) => s.borrow().len(),
                PyObject::FrozenSet(s) => s.len(),
                PyObject::Bytes(b) => b.len(),
                PyObject::ByteArray(b) => b.borrow().len(),
                PyObject::Range { .. } => crate::objrange::range_len(o),
                PyObject::DictView(d, _) => match &**d {
                    PyObject::Dict(dd) => dd.borrow().len(),
                    _ => 0,
                },
                _ => {
                    if let Some(r) = self.call_special(v, "__len__", &[]) {
                        let r = r?;
                        let n = self.to_index(&r)?;
                        if n < 0 {
                            return Err(self.value_error("__len__() should return >= 0"));
                        }
                        return Ok(n as usize);
                    }
                    let base = self.builtin_base(v);
                    if !base.is(v) && !base.is_none() {
                        return self.len(&base);
                    }
                    let tn = self.type_name(v);
                    return Err(self.type_error(format!("object of type '{}' has no len()", tn)));
                }
            },
            _ => {
                let tn = self.type_name(v);
                return Err(self.type_error(format!("object of type '{}' has no len()", tn)));
            }
        };
        Ok(n)
    }

    /// Check for a pending KeyboardInterrupt from the port.
    pub fn check_interrupt(&mut self) -> PyResult<()> {
        if self.kbd_intr_enabled && self.port.take_interrupt() {
            let cls = self.exc_type(ExcKind::KeyboardInterrupt);
            return Err(PyErr(self.new_exception(&cls, Vec::new())));
        }
        Ok(())
    }
}

impl Vm {
    /// `obj[index]`.
    pub fn getitem(&mut self, obj: &Value, index: &Value) -> PyResult {
        if let Value::Obj(o) = obj {
            match (&**o, index) {
                (PyObject::List(l), Value::Int(i)) => {
                    let l = l.borrow();
                    let n = l.len() as i64;
                    let j = if *i < 0 { i + n } else { *i };
                    if j >= 0 && j < n {
                        return Ok(l[j as usize].clone());
                    }
                    drop(l);
                    return Err(self.index_error("list index out of range"));
                }
                (PyObject::Tuple(t), Value::Int(i)) => {
                    let n = t.len() as i64;
                    let j = if *i < 0 { i + n } else { *i };
                    if j >= 0 && j < n {
                        return Ok(t[j as usize].clone());
                    }
                    return Err(self.index_error("tuple index out of range"));
                }
                (PyObject::Dict(d), _) => {
                    if let Some(v) = crate::dict::dict_get(self, d, index)? {
                        return Ok(v);
                    }
                    return Err(self.key_error(index.clone()));
                }
                (PyObject::Type(_), _) => {
                    // `list[int]`-style generic aliases evaluate to the class itself; classes may
                    // define __class_getitem__.
                    let cls = o.clone();
                    if let Some(cg) = types::lookup_str(&cls, "__class_getitem__") {
                        let f = match &cg {
                            Value::Obj(co) => match &**co {
                                PyObject::ClassMethod(inner) => inner.clone(),
                                _ => cg.clone(),
                            },
                            _ => cg.clone(),
                        };
                        return self.call(&f, &[obj.clone(), index.clone()]);
                    }
                    let meta = self.type_of(obj);
                    if let Some(m) = types::lookup_str(&meta, "__getitem__") {
                        return self.call_unbound(&m, &[obj.clone(), index.clone()]);
                    }
                    if types::as_type(&cls).map(|t| !t.heap_type).unwrap_or(false) {
                        if let Some(r) = types::generic_alias(self, &cls, index) {
                            return r;
                        }
                        return Ok(obj.clone());
                    }
                    let tn = types::name_string(&cls);
                    return Err(self.type_error(format!("type '{}' is not subscriptable", tn)));
                }
                _ => {}
            }
        }
        // Exact lists and strs (subclass instances are `Instance`s) go straight to their
        // __getitem__: slicing is common in hot loops.
        match obj {
            Value::Str(_) => {
                return crate::objstr::str_getitem(self, &[obj.clone(), index.clone()], &[]);
            }
            Value::Obj(o) if matches!(&**o, PyObject::List(_)) => {
                return crate::objlist::list_getitem(self, &[obj.clone(), index.clone()], &[]);
            }
            _ => {}
        }
        if let Some(r) = self.call_special(obj, "__getitem__", core::slice::from_ref(index)) {
            return r;
        }
        let tn = self.type_name(obj);
        Err(self.type_error(format!("'{}' object is not subscriptable", tn)))
    }

    /// `obj[index] = value`.
    pub fn setitem(&mut self, obj: &Value, index: &Value, value: Value) -> PyResult<()> {
        if let Value::Obj(o) = obj {
            match (&**o, index) {
                (PyObject::List(l), Value::Int(i)) => {
                    let mut l = l.borrow_mut();
                    let n = l.len() as i64;
                    let j = if *i < 0 { i + n } else { *i };
                    if j >= 0 && j < n {
                        l[j as usize] = value;
                        return Ok(());
                    }
                    drop(l);
                    return Err(self.index_error("list assignment index out of range"));
                }
                (PyObject::List(_), _) => return crate::objlist::setitem(self, o, index, value),
                (PyObject::Dict(d), _) => {
                    return crate::dict::dict_set(self, d, index.clone(), value)
                }
                _ => {}
            }
        }
        if let Some(r) = self.call_special(obj, "__setitem__", &[index.clone(), value]) {
            return r.map(|_| ());
        }
        let tn = self.type_name(obj);
        Err(self.type_error(format!("'{}' object does not support item assignment", tn)))
    }

    /// `del obj[index]`.
    pub fn delitem(&mut self, obj: &Value, index: &Value) -> PyResult<()> {
        if let Value::Obj(o) = obj {
            if let PyObject::Dict(d) = &**o {
                return match crate::dict::dict_remove(self, d, index)? {
                    Some(_) => Ok(()),
                    None => Err(self.key_error(index.clone())),
                };
            }
        }
        if let Some(r) = self.call_special(obj, "__delitem__", core::slice::from_ref(index)) {
            return r.map(|_| ());
        }
        let tn = self.type_name(obj);
        Err(self.type_error(format!("'{}' object doesn't support item deletion", tn)))
    }
}
