//! The `builtins` module: built-in functions, the constructors of the iterator types, `property`,
//! `staticmethod`, `classmethod` and `super`, and the names every module sees.

use alloc::format;
use alloc::rc::Rc;
use alloc::string::String;
use alloc::vec;
use alloc::vec::Vec;

use crate::ast::{BinOp, CmpOp};
use crate::attr::dict_of;
use crate::dict::Dict;
use crate::exceptions::{ExcKind, EXC_TABLE};
use crate::parser::Mode;
use crate::types;
use crate::value::{Builtin, IterState, NativeFn, PyObject, Str, Value};
use crate::vm::Vm;
use crate::PyResult;

/// The value of keyword argument `name`, if given.
pub fn kwarg<'a>(kw: &'a [(Str, Value)], name: &str) -> Option<&'a Value> {
    kw.iter().find(|(k, _)| k.as_str() == name).map(|(_, v)| v)
}

/// TypeError unless every keyword argument is one of `allowed`.
pub fn check_kw(vm: &mut Vm, fname: &str, kw: &[(Str, Value)], allowed: &[&str]) -> PyResult<()> {
    for (k, _) in kw {
        if !allowed.contains(&k.as_str()) {
            return Err(vm.type_error(format!(
                "{}() got an unexpected keyword argument '{}'",
                fname,
                k.as_str()
            )));
        }
    }
    Ok(())
}

/// TypeError unless the positional count is within [min, max].
pub fn check_args(
    vm: &mut Vm,
    fname: &str,
    args: &[Value],
    min: usize,
    max: usize,
) -> PyResult<()> {
    let n = args.len();
    if n < min || n > max {
        let msg = if min == max {
            if min == 1 {
                format!("{}() takes exactly one argument ({} given)", fname, n)
            } else {
                format!("{}() takes exactly {} arguments ({} given)", fname, min, n)
            }
        } else if n < min {
            format!(
                "{} expected at least {} argument{}, got {}",
                fname,
                min,
                if min == 1 { "" } else { "s" },
                n
            )
        } else {
            format!(
                "{} expected at most {} argument{}, got {}",
                fname,
                max,
                if max == 1 { "" } else { "s" },
                n
            )
        };
        return Err(vm.type_error(msg));
    }
    Ok(())
}

/// Make a builtin function value.
pub fn builtin_fn(name: &'static str, func: NativeFn) -> Value {
    Value::Obj(Rc::new(PyObject::Builtin(Builtin {
        name,
        func,
        bound: None,
        method: false,
    })))
}

fn print(vm: &mut Vm, args: &[Value], kw: &[(Str, Value)]) -> PyResult {
    check_kw(vm, "print", kw, &["sep", "end", "file", "flush"])?;
    let sep = match kwarg(kw, "sep") {
        None | Some(Value::None) => String::from(" "),
        Some(Value::Str(s)) => String::from(s.as_str()),
        Some(v) => {
            let tn = vm.type_name(v);
            return Err(vm.type_error(format!("sep must be None or a string, not {}", tn)));
        }
    };
    let end = match kwarg(kw, "end") {
        None | Some(Value::None) => String::from("\n"),
        Some(Value::Str(s)) => String::from(s.as_str()),
        Some(v) => {
            let tn = vm.type_name(v);
            return Err(vm.type_error(format!("end must be None or a string, not {}", tn)));
        }
    };
    let file = match kwarg(kw, "file") {
        None | Some(Value::None) => None,
        Some(f) if crate::modsys::is_std_stream(vm, f, 1) => None,
        Some(f) => Some(f.clone()),
    };
    if let Some(f) = file.filter(|f| !crate::modsys::is_std_stream(vm, f, 2)) {
        // Another stream: one write() per piece, in order, as CPython does.
        let write = vm.getattr_str(&f, "write")?;
        for (i, a) in args.iter().enumerate() {
            if i > 0 {
                vm.call(&write, &[Value::str(&sep)])?;
            }
            let s = match a {
                Value::Str(_) => a.clone(),
                _ => Value::Str(vm.str_of(a)?),
            };
            vm.call(&write, &[s])?;
        }
        vm.call(&write, &[Value::string(end)])?;
        if let Some(fl) = kwarg(kw, "flush") {
            if vm.truthy(&fl.clone())? {
                vm.call_method(&f, "flush", &[])?;
            }
        }
        return Ok(Value::None);
    }
    let mut out = String::new();
    for (i, a) in args.iter().enumerate() {
        if i > 0 {
            out.push_str(&sep);
        }
        match a {
            Value::Str(s) => out.push_str(s.as_str()),
            _ => {
                let s = vm.str_of(a)?;
                out.push_str(s.as_str());
            }
        }
    }
    out.push_str(&end);
    match kwarg(kw, "file") {
        Some(f) if crate::modsys::is_std_stream(vm, f, 2) => vm.write_stderr(&out),
        _ => vm.write_stdout(&out),
    }
    if let Some(fl) = kwarg(kw, "flush") {
        if vm.truthy(&fl.clone())? {
            vm.port.flush();
        }
    }
    Ok(Value::None)
}

fn repr_(vm: &mut Vm, args: &[Value], kw: &[(Str, Value)]) -> PyResult {
    check_kw(vm, "repr", kw, &[])?;
    check_args(vm, "repr", args, 1, 1)?;
    Ok(Value::Str(vm.repr(&args[0])?))
}

fn ascii(vm: &mut Vm, args: &[Value], _kw: &[(Str, Value)]) -> PyResult {
    check_args(vm, "ascii", args, 1, 1)?;
    let r = vm.repr(&args[0])?;
    Ok(Value::string(crate::format::ascii_escape(r.as_str())))
}

fn len(vm: &mut Vm, args: &[Value], kw: &[(Str, Value)]) -> PyResult {
    check_kw(vm, "len", kw, &[])?;
    check_args(vm, "len", args, 1, 1)?;
    Ok(Value::Int(vm.len(&args[0])? as i64))
}

fn hash(vm: &mut Vm, args: &[Value], _kw: &[(Str, Value)]) -> PyResult {
    check_args(vm, "hash", args, 1, 1)?;
    Ok(Value::Int(vm.hash(&args[0])?))
}

fn id(vm: &mut Vm, args: &[Value], _kw: &[(Str, Value)]) -> PyResult {
    check_args(vm, "id", args, 1, 1)?;
    Ok(Value::Int((args[0].id() & (i64::MAX as usize)) as i64))
}

fn callable(vm: &mut Vm, args: &[Value], _kw: &[(Str, Value)]) -> PyResult {
    check_args(vm, "callable", args, 1, 1)?;
    Ok(Value::Bool(builtin_callable(vm, &args[0])))
}

/// `callable(v)`.
pub fn builtin_callable(vm: &mut Vm, v: &Value) -> bool {
    match v {
        Value::Obj(o) => match &**o {
            PyObject::Function(_)
            | PyObject::Builtin(_)
            | PyObject::BoundMethod(..)
            | PyObject::Type(_)
            | PyObject::StaticMethod(_) => true,
            PyObject::Instance(_) | PyObject::Native(_) => {
                vm.lookup_special(v, "__call__").is_some()
            }
            _ => false,
        },
        _ => false,
    }
}

fn chr(vm: &mut Vm, args: &[Value], _kw: &[(Str, Value)]) -> PyResult {
    check_args(vm, "chr", args, 1, 1)?;
    let i = match &args[0] {
        Value::Float(_) => {
            return Err(vm.type_error("'float' object cannot be interpreted as an integer"))
        }
        Value::Obj(o) if matches!(&**o, PyObject::BigInt(_)) => {
            return Err(vm.overflow_error("Python int too large to convert to C int"))
        }
        v => vm.to_index(v)?,
    };
    match u32::try_from(i).ok().and_then(char::from_u32) {
        Some(c) => {
            let mut buf = [0u8; 4];
            Ok(Value::str(c.encode_utf8(&mut buf)))
        }
        None => {
            if (0xd800..0xe000).contains(&i) {
                // Lone surrogates cannot be represented in UTF-8 text.
                return Err(vm.value_error("chr() arg is a surrogate, which is not supported"));
            }
            Err(vm.value_error("chr() arg not in range(0x110000)"))
        }
    }
}

fn ord(vm: &mut Vm, args: &[Value], _kw: &[(Str, Value)]) -> PyResult {
    check_args(vm, "ord", args, 1, 1)?;
    let b = vm.builtin_base(&args[0]);
    match &b {
        Value::Str(s) => {
            let mut it = s.as_str().chars();
            match (it.next(), it.next()) {
                (Some(c), None) => Ok(Value::Int(c as i64)),
                _ => Err(vm.type_error(format!(
                    "ord() expected a character, but string of length {} found",
                    s.char_len()
                ))),
            }
        }
        Value::Obj(o) => match &**o {
            PyObject::Bytes(bb) if bb.len() == 1 => Ok(Value::Int(bb[0] as i64)),
            PyObject::ByteArray(bb) if bb.borrow().len() == 1 => {
                Ok(Value::Int(bb.borrow()[0] as i64))
            }
            PyObject::Bytes(bb) => Err(vm.type_error(format!(
                "ord() expected a character, but string of length {} found",
                bb.len()
            ))),
            _ => {
                let tn = vm.type_name(&b);
                Err(vm.type_error(format!(
                    "ord() expected string of length 1, but {} found",
                    tn
                )))
            }
        },
        _ => {
            let tn = vm.type_name(&b);
            Err(vm.type_error(format!(
                "ord() expected string of length 1, but {} found",
                tn
            )))
        }
    }
}

fn isinstance(vm: &mut Vm, args: &[Value], _kw: &[(Str, Value)]) -> PyResult {
    if args.len() != 2 {
        return Err(vm.type_error(format!(
            "isinstance expected 2 arguments, got {}",
            args.len()
        )));
    }
    Ok(Value::Bool(vm.isinstance(&args[0], &args[1])?))
}

fn issubclass(vm: &mut Vm, args: &[Value], _kw: &[(Str, Value)]) -> PyResult {
    if args.len() != 2 {
        return Err(vm.type_error(format!(
            "issubclass expected 2 arguments, got {}",
            args.len()
        )));
    }
    Ok(Value::Bool(vm.issubclass(&args[0], &args[1])?))
}

impl Vm {
    /// `isinstance(obj, cls)` with tuples and `__instancecheck__`.
    pub fn isinstance(&mut self, obj: &Value, cls: &Value) -> PyResult<bool> {
        if let Some(t) = cls.as_tuple() {
            for c in t {
                if self.isinstance(obj, c)? {
                    return Ok(true);
                }
            }
            return Ok(false);
        }
        match cls {
            Value::Obj(c) if matches!(&**c, PyObject::Type(_)) => {
                if self.is_instance(obj, c) {
                    return Ok(true);
                }
                let meta = self.type_of(cls);
                if !Rc::ptr_eq(&meta, &self.types.type_) {
                    if let Some(m) = types::lookup_str(&meta, "__instancecheck__") {
                        if !matches!(&m, Value::Obj(mo) if matches!(&**mo, PyObject::Builtin(_))) {
                            let r = self.call_unbound(&m, &[cls.clone(), obj.clone()])?;
                            return self.truthy(&r);
                        }
                    }
                }
                Ok(false)
            }
            _ => {
                Err(self
                    .type_error("isinstance() arg 2 must be a type, a tuple of types, or a union"))
            }
        }
    }

    /// `issubclass(sub, cls)` with tuples and `__subclasscheck__`.
    pub fn issubclass(&mut self, sub: &Value, cls: &Value) -> PyResult<bool> {
        let Value::Obj(s) = sub else {
            return Err(self.type_error("issubclass() arg 1 must be a class"));
        };
        if !matches!(&**s, PyObject::Type(_)) {
            return Err(self.type_error("issubclass() arg 1 must be a class"));
        }
        if let Some(t) = cls.as_tuple() {
            for c in t {
                if self.issubclass(sub, c)? {
                    return Ok(true);
                }
            }
            return Ok(false);
        }
        match cls {
            Value::Obj(c) if matches!(&**c, PyObject::Type(_)) => {
                if types::is_subclass(s, c) {
                    return Ok(true);
                }
                let meta = self.type_of(cls);
                if !Rc::ptr_eq(&meta, &self.types.type_) {
                    if let Some(m) = types::lookup_str(&meta, "__subclasscheck__") {
                        if !matches!(&m, Value::Obj(mo) if matches!(&**mo, PyObject::Builtin(_))) {
                            let r = self.call_unbound(&m, &[cls.clone(), sub.clone()])?;
                            return self.truthy(&r);
                        }
                    }
                }
                Ok(false)
            }
            _ => Err(self
                .type_error("issubclass() arg 2 must be a class, a tuple of classes, or a union")),
        }
    }
}

fn attr_name(vm: &mut Vm, v: &Value, fname: &str) -> PyResult<Str> {
    match v {
        Value::Str(s) => Ok(vm.interner.intern_str(s)),
        _ => {
            let tn = vm.type_name(v);
            let _ = fname;
            Err(vm.type_error(format!("attribute name must be string, not '{}'", tn)))
        }
    }
}

fn getattr(vm: &mut Vm, args: &[Value], _kw: &[(Str, Value)]) -> PyResult {
    check_args(vm, "getattr", args, 2, 3)?;
    let n = attr_name(vm, &args[1], "getattr")?;
    if args.len() == 3 {
        return Ok(vm
            .getattr_or_none(&args[0], &n)?
            .unwrap_or_else(|| args[2].clone()));
    }
    vm.getattr(&args[0], &n)
}

fn setattr(vm: &mut Vm, args: &[Value], _kw: &[(Str, Value)]) -> PyResult {
    check_args(vm, "setattr", args, 3, 3)?;
    let n = attr_name(vm, &args[1], "setattr")?;
    vm.setattr(&args[0], &n, args[2].clone())?;
    Ok(Value::None)
}

fn delattr(vm: &mut Vm, args: &[Value], _kw: &[(Str, Value)]) -> PyResult {
    check_args(vm, "delattr", args, 2, 2)?;
    let n = attr_name(vm, &args[1], "delattr")?;
    vm.delattr(&args[0], &n)?;
    Ok(Value::None)
}

fn hasattr(vm: &mut Vm, args: &[Value], _kw: &[(Str, Value)]) -> PyResult {
    check_args(vm, "hasattr", args, 2, 2)?;
    let n = attr_name(vm, &args[1], "hasattr")?;
    Ok(Value::Bool(vm.getattr_or_none(&args[0], &n)?.is_some()))
}

fn iter_(vm: &mut Vm, args: &[Value], _kw: &[(Str, Value)]) -> PyResult {
    check_args(vm, "iter", args, 1, 2)?;
    if args.len() == 2 {
        let c = callable(vm, &args[..1], &[])?;
        if !matches!(c, Value::Bool(true)) {
            return Err(vm.type_error("iter(v, w): v must be callable"));
        }
        return Ok(vm.new_iter(IterState::Callable {
            func: args[0].clone(),
            sentinel: args[1].clone(),
        }));
    }
    vm.iter(&args[0])
}

fn next(vm: &mut Vm, args: &[Value], _kw: &[(Str, Value)]) -> PyResult {
    check_args(vm, "next", args, 1, 2)?;
    let it = &args[0];
    let is_iter = match it {
        Value::Obj(o) => match &**o {
            PyObject::Iter(_) => true,
            PyObject::Generator(g) => g.borrow().flags & crate::code::CO_COROUTINE == 0,
            _ => vm.lookup_special(it, "__next__").is_some(),
        },
        _ => false,
    };
    if !is_iter {
        let tn = vm.type_name(it);
        return Err(vm.type_error(format!("'{}' object is not an iterator", tn)));
    }
    // Generators and user iterators: keep StopIteration's value when there is no default.
    if args.len() == 1 {
        if let Value::Obj(o) = it {
            if let PyObject::Generator(_) = &**o {
                return match vm.gen_resume(o, Value::None, None)? {
                    crate::eval::GenOutcome::Yielded(v) => Ok(v),
                    crate::eval::GenOutcome::Returned(v) => Err(vm.stop_iteration(v)),
                };
            }
            if let PyObject::Instance(_) = &**o {
                return match vm.call_special(it, "__next__", &[]) {
                    Some(r) => r,
                    None => Err(vm.type_error("object is not an iterator")),
                };
            }
        }
    }
    vm.pending_stop = None;
    match vm.next(it)? {
        Some(v) => Ok(v),
        None => {
            let stop = vm.pending_stop.take();
            if args.len() == 2 {
                Ok(args[1].clone())
            } else if let Some(e) = stop {
                Err(crate::PyErr(e))
            } else {
                Err(vm.stop_iteration(Value::None))
            }
        }
    }
}

fn sorted(vm: &mut Vm, args: &[Value], kw: &[(Str, Value)]) -> PyResult {
    check_kw(vm, "sorted", kw, &["key", "reverse"])?;
    if args.len() != 1 {
        return Err(vm.type_error(format!("sorted expected 1 argument, got {}", args.len())));
    }
    let mut items = vm.collect(&args[0])?;
    let key = kwarg(kw, "key").cloned();
    let reverse = match kwarg(kw, "reverse") {
        Some(r) => vm.truthy(&r.clone())?,
        None => false,
    };
    vm.sort_values(&mut items, key.as_ref(), reverse)?;
    Ok(vm.new_list(items))
}

fn sum(vm: &mut Vm, args: &[Value], kw: &[(Str, Value)]) -> PyResult {
    check_kw(vm, "sum", kw, &["start"])?;
    check_args(vm, "sum", args, 1, 2)?;
    let mut acc = args
        .get(1)
        .cloned()
        .or_else(|| kwarg(kw, "start").cloned())
        .unwrap_or(Value::Int(0));
    match &acc {
        Value::Str(_) => {
            return Err(vm.type_error("sum() can't sum strings [use ''.join(seq) instead]"))
        }
        Value::Obj(o) if matches!(&**o, PyObject::Bytes(_)) => {
            return Err(vm.type_error("sum() can't sum bytes [use b''.join(seq) instead]"))
        }
        Value::Obj(o) if matches!(&**o, PyObject::ByteArray(_)) => {
            return Err(vm.type_error("sum() can't sum bytearray [use b''.join(seq) instead]"))
        }
        _ => {}
    }
    let it = vm.iter(&args[0])?;
    // A generator is resumed directly (no iterator protocol dispatch per item).
    let gen = match &it {
        Value::Obj(o) if matches!(&**o, PyObject::Generator(_)) => Some(o.clone()),
        _ => None,
    };
    loop {
        let v = match &gen {
            Some(g) => match vm.gen_resume(g, Value::None, None)? {
                crate::eval::GenOutcome::Yielded(v) => v,
                crate::eval::GenOutcome::Returned(_) => break,
            },
            None => match vm.next(&it)? {
                Some(v) => v,
                None => break,
            },
        };
        acc = match (&acc, &v) {
            (Value::Int(a), Value::Int(b)) if a.checked_add(*b).is_some() => Value::Int(a + b),
            (Value::Float(a), Value::Float(b)) => Value::Float(a + b),
            (Value::Float(a), Value::Int(b)) => Value::Float(a + *b as f64),
            _ => vm.binary_op(&acc, &v, BinOp::Add)?,
        };
    }
    Ok(acc)
}

fn minmax(vm: &mut Vm, args: &[Value], kw: &[(Str, Value)], name: &str, op: CmpOp) -> PyResult {
    check_kw(vm, name, kw, &["key", "default"])?;
    if args.is_empty() {
        return Err(vm.type_error(format!("{} expected at least 1 argument, got 0", name)));
    }
    if kw.is_empty() {
        // `min(a, b)` of two ints or two floats: no list of the arguments.
        if let [a, b] = args {
            let pick_b = match (a, b) {
                (Value::Int(x), Value::Int(y)) => Some(if op == CmpOp::Lt { y < x } else { y > x }),
                (Value::Float(x), Value::Float(y)) if !x.is_nan() && !y.is_nan() => {
                    Some(if op == CmpOp::Lt { y < x } else { y > x })
                }
                _ => None,
            };
            if let Some(pick_b) = pick_b {
                return Ok(if pick_b { b.clone() } else { a.clone() });
            }
        }
    }
    let key = kwarg(kw, "key").cloned().filter(|k| !k.is_none());
    let default = kwarg(kw, "default").cloned();
    let items: Vec<Value> = if args.len() == 1 {
        vm.collect(&args[0])?
    } else {
        if default.is_some() {
            return Err(vm.type_error(format!(
                "Cannot specify a default for {}() with multiple positional arguments",
                name
            )));
        }
        args.to_vec()
    };
    if items.is_empty() {
        return match default {
            Some(d) => Ok(d),
            None => Err(vm.value_error(format!("{}() arg is an empty sequence", name))),
        };
    }
    let mut best = items[0].clone();
    let mut best_key = match &key {
        Some(k) => vm.call(k, core::slice::from_ref(&best))?,
        None => best.clone(),
    };
    for it in items.into_iter().skip(1) {
        let k = match &key {
            Some(kf) => vm.call(kf, core::slice::from_ref(&it))?,
            None => it.clone(),
        };
        let r = vm.compare(&k, &best_key, op)?;
        if vm.truthy(&r)? {
            best = it;
            best_key = k;
        }
    }
    Ok(best)
}

fn min(vm: &mut Vm, args: &[Value], kw: &[(Str, Value)]) -> PyResult {
    minmax(vm, args, kw, "min", CmpOp::Lt)
}

fn max(vm: &mut Vm, args: &[Value], kw: &[(Str, Value)]) -> PyResult {
    minmax(vm, args, kw, "max", CmpOp::Gt)
}

fn any(vm: &mut Vm, args: &[Value], _kw: &[(Str, Value)]) -> PyResult {
    check_args(vm, "any", args, 1, 1)?;
    let it = vm.iter(&args[0])?;
    while let Some(v) = vm.next(&it)? {
        if vm.truthy(&v)? {
            return Ok(Value::Bool(true));
        }
    }
    Ok(Value::Bool(false))
}

fn all(vm: &mut Vm, args: &[Value], _kw: &[(Str, Value)]) -> PyResult {
    check_args(vm, "all", args, 1, 1)?;
    let it = vm.iter(&args[0])?;
    while let Some(v) = vm.next(&it)? {
        if !vm.truthy(&v)? {
            return Ok(Value::Bool(false));
        }
    }
    Ok(Value::Bool(true))
}

fn format_(vm: &mut Vm, args: &[Value], _kw: &[(Str, Value)]) -> PyResult {
    check_args(vm, "format", args, 1, 2)?;
    let spec = match args.get(1) {
        Some(Value::Str(s)) => String::from(s.as_str()),
        Some(v) => {
            let tn = vm.type_name(v);
            return Err(vm.type_error(format!("format() argument 2 must be str, not {}", tn)));
        }
        None => String::new(),
    };
    Ok(Value::Str(crate::format::format_value(
        vm, &args[0], &spec,
    )?))
}

fn globals(vm: &mut Vm, _args: &[Value], _kw: &[(Str, Value)]) -> PyResult {
    match vm.caller_frame() {
        Some(f) => Ok(Value::Obj(f.globals.clone())),
        None => Ok(vm.new_dict(Dict::new())),
    }
}

/// The `locals()` of the calling frame.
pub fn locals_of_caller(vm: &mut Vm) -> PyResult {
    let Some(f) = vm.caller_frame() else {
        return Ok(vm.new_dict(Dict::new()));
    };
    if let Some(ns) = &f.namespace {
        return Ok(Value::Obj(ns.clone()));
    }
    let mut d = Dict::new();
    let code = f.code.clone();
    for (i, n) in code.varnames.iter().enumerate() {
        if let Some(Some(v)) = f.locals.get(i) {
            d.set_name(n.clone(), v.clone());
        }
    }
    for (i, n) in code.cellvars.iter().chain(code.freevars.iter()).enumerate() {
        if let Some(Value::Obj(c)) = f.cells.get(i) {
            if let PyObject::Cell(cell) = &**c {
                if let Some(v) = &*cell.borrow() {
                    d.set_name(n.clone(), v.clone());
                }
            }
        }
    }
    Ok(vm.new_dict(d))
}

fn locals(vm: &mut Vm, _args: &[Value], _kw: &[(Str, Value)]) -> PyResult {
    locals_of_caller(vm)
}

fn vars(vm: &mut Vm, args: &[Value], _kw: &[(Str, Value)]) -> PyResult {
    check_args(vm, "vars", args, 0, 1)?;
    if args.is_empty() {
        return locals_of_caller(vm);
    }
    match vm.getattr_opt(&args[0], "__dict__")? {
        Some(d) => Ok(d),
        None => Err(vm.type_error("vars() argument must have __dict__ attribute")),
    }
}

/// The names `dir(obj)` lists, sorted.
pub fn dir_names(vm: &mut Vm, obj: &Value) -> PyResult<Vec<String>> {
    let mut names: Vec<String> = Vec::new();
    let add_dict = |d: &Dict, names: &mut Vec<String>| {
        for (k, _) in d.iter() {
            if let Value::Str(s) = k {
                names.push(String::from(s.as_str()));
            }
        }
    };
    match obj {
        Value::Obj(o) => match &**o {
            PyObject::Module(m) => {
                if let Some(d) = dict_of(&m.dict) {
                    add_dict(&d.borrow(), &mut names);
                }
            }
            PyObject::Type(t) => {
                add_dict(&t.dict.borrow(), &mut names);
                for b in t.mro.borrow().iter() {
                    if let Some(bt) = types::as_type(b) {
                        add_dict(&bt.dict.borrow(), &mut names);
                    }
                }
            }
            _ => {
                if let PyObject::Instance(i) = &**o {
                    for k in i.attr_names() {
                        if let Value::Str(s) = k {
                            names.push(String::from(s.as_str()));
                        }
                    }
                }
                let cls = vm.type_of(obj);
                if let Some(t) = types::as_type(&cls) {
                    add_dict(&t.dict.borrow(), &mut names);
                    for b in t.mro.borrow().iter() {
                        if let Some(bt) = types::as_type(b) {
                            add_dict(&bt.dict.borrow(), &mut names);
                        }
                    }
                }
                names.push(String::from("__class__"));
            }
        },
        _ => {
            let cls = vm.type_of(obj);
            if let Some(t) = types::as_type(&cls) {
                add_dict(&t.dict.borrow(), &mut names);
                for b in t.mro.borrow().iter() {
                    if let Some(bt) = types::as_type(b) {
                        add_dict(&bt.dict.borrow(), &mut names);
                    }
                }
            }
            names.push(String::from("__class__"));
        }
    }
    names.sort();
    names.dedup();
    Ok(names)
}

fn dir(vm: &mut Vm, args: &[Value], _kw: &[(Str, Value)]) -> PyResult {
    check_args(vm, "dir", args, 0, 1)?;
    let names = if args.is_empty() {
        let l = locals_of_caller(vm)?;
        let mut ks: Vec<String> = match &l {
            Value::Obj(o) => dict_of(o)
                .map(|d| {
                    d.borrow()
                        .keys()
                        .iter()
                        .filter_map(|k| k.as_str().map(String::from))
                        .collect()
                })
                .unwrap_or_default(),
            _ => Vec::new(),
        };
        ks.sort();
        ks
    } else {
        if let Some(m) = vm.lookup_special(&args[0], "__dir__") {
            if !vm.is_object_slot(&m) {
                let r = vm.call_unbound(&m, &args[..1])?;
                let mut items = vm.collect(&r)?;
                vm.sort_values(&mut items, None, false)?;
                return Ok(vm.new_list(items));
            }
        }
        dir_names(vm, &args[0])?
    };
    let items = names.into_iter().map(Value::string).collect();
    Ok(vm.new_list(items))
}

fn input(vm: &mut Vm, args: &[Value], _kw: &[(Str, Value)]) -> PyResult {
    check_args(vm, "input", args, 0, 1)?;
    let suspend = vm.can_suspend();
    if let Some(p) = args.first() {
        let s = vm.str_of(p)?;
        vm.write_stdout(s.as_str());
        vm.port.flush();
    }
    if suspend {
        return Err(vm.request_suspend(crate::embed::Suspend::Input));
    }
    match vm.port.read_line() {
        Some(l) => Ok(Value::string(l)),
        None => Err(vm.err(ExcKind::EOFError, "EOF when reading a line")),
    }
}

fn build_class(vm: &mut Vm, args: &[Value], kw: &[(Str, Value)]) -> PyResult {
    vm.build_class(args, kw)
}

fn import_(vm: &mut Vm, args: &[Value], kw: &[(Str, Value)]) -> PyResult {
    check_args(vm, "__import__", args, 1, 5)?;
    let Value::Str(name) = &args[0] else {
        return Err(vm.type_error("__import__() argument 1 must be str"));
    };
    let fromlist = args
        .get(3)
        .cloned()
        .or_else(|| kwarg(kw, "fromlist").cloned())
        .unwrap_or(Value::None);
    let level = match args.get(4).or_else(|| kwarg(kw, "level")) {
        Some(Value::Int(l)) if *l < 0 => return Err(vm.value_error("level must be >= 0")),
        Some(Value::Int(l)) => *l as usize,
        _ => 0,
    };
    let globals = match args.get(1) {
        Some(Value::Obj(g)) if dict_of(g).is_some() => g.clone(),
        _ => match vm.caller_frame() {
            Some(f) => f.globals.clone(),
            None => vm.new_dict_obj(Dict::new()),
        },
    };
    let name = String::from(name.as_str());
    vm.import_name_direct(&name, &fromlist, level, &globals)
}

fn compile_(vm: &mut Vm, args: &[Value], kw: &[(Str, Value)]) -> PyResult {
    check_kw(
        vm,
        "compile",
        kw,
        &[
            "source",
            "filename",
            "mode",
            "flags",
            "dont_inherit",
            "optimize",
        ],
    )?;
    let src = args
        .first()
        .cloned()
        .or_else(|| kwarg(kw, "source").cloned())
        .unwrap_or(Value::None);
    let filename = args
        .get(1)
        .cloned()
        .or_else(|| kwarg(kw, "filename").cloned())
        .unwrap_or(Value::str("<string>"));
    let mode = args
        .get(2)
        .cloned()
        .or_else(|| kwarg(kw, "mode").cloned())
        .unwrap_or(Value::str("exec"));
    let text = source_text(vm, &src)?;
    let fname = String::from(filename.as_str().unwrap_or("<string>"));
    let mode = match mode.as_str() {
        Some("exec") => Mode::Exec,
        Some("eval") => Mode::Eval,
        Some("single") => Mode::Single,
        _ => return Err(vm.value_error("compile() mode must be 'exec', 'eval' or 'single'")),
    };
    let code = vm.compile_source(&text, &fname, mode)?;
    Ok(Value::Obj(Rc::new(PyObject::Code(code))))
}

fn source_text(vm: &mut Vm, src: &Value) -> PyResult<String> {
    match src {
        Value::Str(s) => Ok(String::from(s.as_str())),
        Value::Obj(o) => match &**o {
            PyObject::Bytes(b) => Ok(String::from_utf8_lossy(b).into_owned()),
            PyObject::ByteArray(b) => Ok(String::from_utf8_lossy(&b.borrow()).into_owned()),
            // Any other buffer (memoryview, array) is read as UTF-8 source too.
            PyObject::Native(_) => match crate::objmemoryview::buffer_bytes(src) {
                Some(b) => Ok(String::from_utf8_lossy(&b).into_owned()),
                None => Err(vm.type_error("compile() arg 1 must be a string, bytes or AST object")),
            },
            _ => Err(vm.type_error("compile() arg 1 must be a string, bytes or AST object")),
        },
        _ => Err(vm.type_error("compile() arg 1 must be a string, bytes or AST object")),
    }
}

fn run_code_in(vm: &mut Vm, args: &[Value], mode: Mode, fname: &str) -> PyResult {
    check_args(vm, fname, args, 1, 3)?;
    let code = match &args[0] {
        Value::Obj(o) if matches!(&**o, PyObject::Code(_)) => match &**o {
            PyObject::Code(c) => c.clone(),
            _ => return Err(vm.type_error("bad code")),
        },
        src => {
            let text = source_text(vm, src).map_err(|_| {
                vm.type_error(format!(
                    "{}() arg 1 must be a string, bytes or code object",
                    fname
                ))
            })?;
            let text = if mode == Mode::Eval {
                String::from(text.trim_start_matches([' ', '\t']))
            } else {
                text
            };
            vm.compile_source(&text, "<string>", mode)?
        }
    };
    let globals = match args.get(1) {
        Some(Value::Obj(g)) if dict_of(g).is_some() => Some(g.clone()),
        Some(Value::None) | None => None,
        Some(g) => {
            let tn = vm.type_name(g);
            return Err(vm.type_error(format!("{}() globals must be a dict, not {}", fname, tn)));
        }
    };
    let locals = match args.get(2) {
        Some(Value::Obj(l)) if dict_of(l).is_some() => Some(l.clone()),
        Some(Value::None) | None => None,
        Some(l) => {
            if vm.lookup_special(l, "__getitem__").is_none() {
                let tn = vm.type_name(l);
                return Err(vm.type_error(if mode == Mode::Eval {
                    String::from("locals must be a mapping")
                } else {
                    format!("locals must be a mapping or None, not {}", tn)
                }));
            }
            match l {
                Value::Obj(o) => Some(o.clone()),
                _ => None,
            }
        }
    };
    let (g, l) = match (globals, locals) {
        (Some(g), Some(l)) => (g, l),
        (Some(g), None) => (g.clone(), g),
        (None, l) => {
            let (cg, cl) = match vm.caller_frame() {
                Some(f) => (f.globals.clone(), f.namespace.clone()),
                None => (vm.new_dict_obj(Dict::new()), None),
            };
            let l = match l.or(cl) {
                Some(l) => l,
                None => match locals_of_caller(vm)? {
                    Value::Obj(o) => o,
                    _ => cg.clone(),
                },
            };
            (cg, l)
        }
    };
    if let Some(d) = dict_of(&g) {
        if d.borrow().get_str("__builtins__").is_none() {
            let b = vm.builtins_module();
            d.borrow_mut().set_str("__builtins__", b);
        }
    }
    let frame = crate::frame::Frame::new(code, g, Some(l));
    let r = vm.run_nested(frame)?;
    Ok(if mode == Mode::Eval { r } else { Value::None })
}

fn eval(vm: &mut Vm, args: &[Value], _kw: &[(Str, Value)]) -> PyResult {
    run_code_in(vm, args, Mode::Eval, "eval")
}

fn exec(vm: &mut Vm, args: &[Value], _kw: &[(Str, Value)]) -> PyResult {
    run_code_in(vm, args, Mode::Exec, "exec")
}

// ----- constructors of built-in classes ---------------------------------------------------

fn none_new(vm: &mut Vm, args: &[Value], _kw: &[(Str, Value)]) -> PyResult {
    if args.len() > 1 {
        return Err(vm.type_error("NoneType takes no arguments"));
    }
    Ok(Value::None)
}

fn enumerate_new(vm: &mut Vm, args: &[Value], kw: &[(Str, Value)]) -> PyResult {
    check_kw(vm, "enumerate", kw, &["iterable", "start"])?;
    let it = args
        .get(1)
        .cloned()
        .or_else(|| kwarg(kw, "iterable").cloned());
    let Some(it) = it else {
        return Err(vm.type_error("enumerate() missing required argument 'iterable' (pos 1)"));
    };
    let start = args
        .get(2)
        .cloned()
        .or_else(|| kwarg(kw, "start").cloned())
        .unwrap_or(Value::Int(0));
    if !matches!(start, Value::Int(_) | Value::Bool(_))
        && !matches!(&start, Value::Obj(o) if matches!(&**o, PyObject::BigInt(_)))
    {
        let tn = vm.type_name(&start);
        return Err(vm.type_error(format!(
            "'{}' object cannot be interpreted as an integer",
            tn
        )));
    }
    let it = vm.iter(&it)?;
    Ok(vm.new_iter(IterState::Enumerate { it, count: start }))
}

fn zip_new(vm: &mut Vm, args: &[Value], kw: &[(Str, Value)]) -> PyResult {
    check_kw(vm, "zip", kw, &["strict"])?;
    let strict = match kwarg(kw, "strict") {
        Some(v) => vm.truthy(&v.clone())?,
        None => false,
    };
    let mut its = Vec::new();
    for (i, a) in args[1..].iter().enumerate() {
        match vm.iter(a) {
            Ok(it) => its.push(it),
            Err(e) => {
                if vm.err_matches(&e, ExcKind::TypeError) {
                    return Err(
                        vm.type_error(format!("zip argument #{} must support iteration", i + 1))
                    );
                }
                return Err(e);
            }
        }
    }
    Ok(vm.new_iter(IterState::Zip { its, strict }))
}

fn map_new(vm: &mut Vm, args: &[Value], _kw: &[(Str, Value)]) -> PyResult {
    if args.len() < 3 {
        return Err(vm.type_error("map() must have at least two arguments."));
    }
    let func = args[1].clone();
    let mut its = Vec::new();
    for a in &args[2..] {
        its.push(vm.iter(a)?);
    }
    Ok(vm.new_iter(IterState::Map { func, its }))
}

fn filter_new(vm: &mut Vm, args: &[Value], _kw: &[(Str, Value)]) -> PyResult {
    if args.len() != 3 {
        return Err(vm.type_error(format!(
            "filter expected 2 arguments, got {}",
            args.len().saturating_sub(1)
        )));
    }
    let it = vm.iter(&args[2])?;
    Ok(vm.new_iter(IterState::Filter {
        func: args[1].clone(),
        it,
    }))
}

fn reversed_new(vm: &mut Vm, args: &[Value], _kw: &[(Str, Value)]) -> PyResult {
    if args.len() != 2 {
        return Err(vm.type_error(format!(
            "reversed expected 1 argument, got {}",
            args.len().saturating_sub(1)
        )));
    }
    let seq = &args[1];
    if let Some(r) = vm.call_special(seq, "__reversed__", &[]) {
        return r;
    }
    let b = vm.builtin_base(seq);
    match &b {
        Value::Obj(o) => match &**o {
            PyObject::List(l) => {
                let n = l.borrow().len();
                return Ok(vm.new_iter(IterState::Reversed {
                    seq: b.clone(),
                    remaining: n,
                }));
            }
            PyObject::Tuple(t) => {
                let n = t.len();
                return Ok(vm.new_iter(IterState::Reversed {
                    seq: b.clone(),
                    remaining: n,
                }));
            }
            PyObject::Range { start, step, .. } => {
                let n = crate::objrange::range_len(o) as u64;
                let last = start.wrapping_add(step.wrapping_mul(n as i64 - 1));
                return Ok(vm.new_iter(IterState::Range {
                    next: last,
                    remaining: n,
                    step: -step,
                }));
            }
            PyObject::Dict(d) => {
                let mut ks = d.borrow().keys();
                ks.reverse();
                return Ok(vm.new_iter(IterState::Snapshot {
                    items: ks,
                    index: 0,
                }));
            }
            PyObject::DictView(d, k) => {
                let items = dict_of(d).map(|d| d.borrow().items()).unwrap_or_default();
                let mut vals: Vec<Value> = Vec::new();
                for (kk, vv) in items.into_iter().rev() {
                    vals.push(match k {
                        crate::value::ViewKind::Keys => kk,
                        crate::value::ViewKind::Values => vv,
                        crate::value::ViewKind::Items => vm.new_tuple(vec![kk, vv]),
                    });
                }
                return Ok(vm.new_iter(IterState::Snapshot {
                    items: vals,
                    index: 0,
                }));
            }
            _ => {}
        },
        Value::Str(s) => {
            let n = s.char_len();
            return Ok(vm.new_iter(IterState::Reversed {
                seq: b.clone(),
                remaining: n,
            }));
        }
        _ => {}
    }
    if vm.lookup_special(seq, "__getitem__").is_some()
        && vm.lookup_special(seq, "__len__").is_some()
    {
        let n = vm.len(seq)?;
        return Ok(vm.new_iter(IterState::Reversed {
            seq: seq.clone(),
            remaining: n,
        }));
    }
    let tn = vm.type_name(seq);
    Err(vm.type_error(format!("'{}' object is not reversible", tn)))
}

fn property_new(vm: &mut Vm, args: &[Value], kw: &[(Str, Value)]) -> PyResult {
    check_kw(vm, "property", kw, &["fget", "fset", "fdel", "doc"])?;
    let get = |i: usize, n: &str| {
        args.get(i)
            .cloned()
            .or_else(|| kwarg(kw, n).cloned())
            .unwrap_or(Value::None)
    };
    let fget = get(1, "fget");
    let mut doc = get(4, "doc");
    if doc.is_none() && !fget.is_none() {
        doc = vm.getattr_opt(&fget, "__doc__")?.unwrap_or(Value::None);
    }
    let p = PyObject::Property {
        fget,
        fset: get(2, "fset"),
        fdel: get(3, "fdel"),
        doc,
    };
    Ok(Value::Obj(vm.alloc(p)))
}

fn property_copy(vm: &mut Vm, args: &[Value], which: usize) -> PyResult {
    check_args(vm, "property", args, 2, 2)?;
    let Value::Obj(o) = &args[0] else {
        return Err(vm.type_error("not a property"));
    };
    let PyObject::Property {
        fget,
        fset,
        fdel,
        doc,
    } = &**o
    else {
        return Err(vm.type_error("not a property"));
    };
    let (mut g, mut s, mut d) = (fget.clone(), fset.clone(), fdel.clone());
    match which {
        0 => g = args[1].clone(),
        1 => s = args[1].clone(),
        _ => d = args[1].clone(),
    }
    let p = PyObject::Property {
        fget: g,
        fset: s,
        fdel: d,
        doc: doc.clone(),
    };
    Ok(Value::Obj(vm.alloc(p)))
}

fn property_getter(vm: &mut Vm, args: &[Value], _kw: &[(Str, Value)]) -> PyResult {
    property_copy(vm, args, 0)
}
fn property_setter(vm: &mut Vm, args: &[Value], _kw: &[(Str, Value)]) -> PyResult {
    property_copy(vm, args, 1)
}
fn property_deleter(vm: &mut Vm, args: &[Value], _kw: &[(Str, Value)]) -> PyResult {
    property_copy(vm, args, 2)
}
fn property_get(vm: &mut Vm, args: &[Value], _kw: &[(Str, Value)]) -> PyResult {
    check_args(vm, "__get__", args, 2, 3)?;
    let Value::Obj(o) = &args[0] else {
        return Err(vm.type_error("not a property"));
    };
    if args[1].is_none() {
        return Ok(args[0].clone());
    }
    let cls = vm.type_of(&args[1]);
    vm.bind_attr(Value::Obj(o.clone()), Some(&args[1]), &cls)
}

fn staticmethod_new(vm: &mut Vm, args: &[Value], _kw: &[(Str, Value)]) -> PyResult {
    check_args(vm, "staticmethod", args, 2, 2)?;
    Ok(Value::Obj(
        vm.alloc(PyObject::StaticMethod(args[1].clone())),
    ))
}

fn classmethod_new(vm: &mut Vm, args: &[Value], _kw: &[(Str, Value)]) -> PyResult {
    check_args(vm, "classmethod", args, 2, 2)?;
    Ok(Value::Obj(vm.alloc(PyObject::ClassMethod(args[1].clone()))))
}

fn super_new(vm: &mut Vm, args: &[Value], _kw: &[(Str, Value)]) -> PyResult {
    match args.len() {
        3 => {
            let c = match &args[1] {
                Value::Obj(c) if matches!(&**c, PyObject::Type(_)) => c,
                _ => {
                    let tn = vm.type_name(&args[1]);
                    return Err(
                        vm.type_error(format!("super() argument 1 must be a type, not {}", tn))
                    );
                }
            };
            let ok = vm.is_instance(&args[2], c)
                || matches!(&args[2], Value::Obj(o) if matches!(&**o, PyObject::Type(_)) && types::is_subclass(o, c));
            if !ok {
                return Err(
                    vm.type_error("super(type, obj): obj must be an instance or subtype of type")
                );
            }
            Ok(Value::Obj(
                vm.alloc(PyObject::Super(args[1].clone(), args[2].clone())),
            ))
        }
        1 => Err(vm.err(ExcKind::RuntimeError, "super(): no arguments")),
        _ => Err(vm.type_error("super() takes 0 or 2 arguments")),
    }
}

impl Vm {
    /// The `builtins` module object.
    pub fn builtins_module(&mut self) -> Value {
        let d = self.modules.clone();
        if let Some(m) = dict_of(&d).and_then(|m| m.borrow().get_str("builtins").cloned()) {
            return m;
        }
        Value::Obj(self.builtins.clone())
    }
}

/// Fill the builtins namespace.
pub(crate) fn init(vm: &mut Vm) {
    let fns: &[(&'static str, NativeFn)] = &[
        ("print", print),
        ("repr", repr_),
        ("ascii", ascii),
        ("len", len),
        ("hash", hash),
        ("id", id),
        ("callable", callable),
        ("chr", chr),
        ("ord", ord),
        ("isinstance", isinstance),
        ("issubclass", issubclass),
        ("getattr", getattr),
        ("setattr", setattr),
        ("delattr", delattr),
        ("hasattr", hasattr),
        ("iter", iter_),
        ("next", next),
        ("sorted", sorted),
        ("sum", sum),
        ("min", min),
        ("max", max),
        ("any", any),
        ("all", all),
        ("format", format_),
        ("globals", globals),
        ("locals", locals),
        ("vars", vars),
        ("dir", dir),
        ("input", input),
        ("__build_class__", build_class),
        ("__import__", import_),
        ("compile", compile_),
        ("eval", eval),
        ("exec", exec),
        ("abs", crate::number::builtin_abs),
        ("divmod", crate::number::builtin_divmod),
        ("pow", crate::number::builtin_pow),
        ("round", crate::number::builtin_round),
        ("bin", crate::number::builtin_bin),
        ("oct", crate::number::builtin_oct),
        ("hex", crate::number::builtin_hex),
    ];
    let b = vm.builtins.clone();
    let Some(d) = dict_of(&b) else { return };
    {
        let mut d = d.borrow_mut();
        for (name, f) in fns {
            d.set_str(name, builtin_fn(name, *f));
        }
        for (name, t) in vm.types.exported() {
            d.set_str(name, Value::Obj(t));
        }
        for (kind, name, _) in EXC_TABLE {
            d.set_str(name, Value::Obj(vm.exc[*kind as usize].clone()));
        }
        d.set_str(
            "EnvironmentError",
            Value::Obj(vm.exc[ExcKind::OSError as usize].clone()),
        );
        d.set_str(
            "IOError",
            Value::Obj(vm.exc[ExcKind::OSError as usize].clone()),
        );
        d.set_str("NotImplemented", Value::NotImplemented);
        d.set_str("Ellipsis", Value::Ellipsis);
        d.set_str("__debug__", Value::Bool(true));
        d.set_str("__name__", Value::str("builtins"));
    }
    let t = &vm.types;
    types::add_static_methods(&t.none, &[("__new__", none_new)]);
    types::add_static_methods(&t.enumerate, &[("__new__", enumerate_new)]);
    types::add_static_methods(&t.zip, &[("__new__", zip_new)]);
    types::add_static_methods(&t.map, &[("__new__", map_new)]);
    types::add_static_methods(&t.filter, &[("__new__", filter_new)]);
    types::add_static_methods(&t.reversed, &[("__new__", reversed_new)]);
    types::add_static_methods(&t.property, &[("__new__", property_new)]);
    types::add_methods(
        &t.property,
        &[
            ("getter", property_getter),
            ("setter", property_setter),
            ("deleter", property_deleter),
            ("__get__", property_get),
        ],
    );
    types::add_static_methods(&t.staticmethod, &[("__new__", staticmethod_new)]);
    types::add_static_methods(&t.classmethod, &[("__new__", classmethod_new)]);
    types::add_static_methods(&t.super_, &[("__new__", super_new)]);
}
