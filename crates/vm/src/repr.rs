//! `repr()` of built-in values (Python classes go through `__repr__`), including the
//! MicroPython-style reprs of functions, closures, generators and bound methods.

use alloc::format;
use alloc::string::String;
use alloc::vec::Vec;

use crate::attr::dict_of;
use crate::types;
use crate::value::{PyObject, Value};
use crate::vm::Vm;
use crate::PyResult;

/// `<__main__.A object at 0x...>`.
pub fn default_repr(vm: &mut Vm, v: &Value) -> String {
    let cls = vm.type_of(v);
    let module = types::as_type(&cls).and_then(|t| t.dict.borrow().get_str("__module__").cloned());
    let qn = types::as_type(&cls)
        .map(|t| String::from(t.qualname.borrow().as_str()))
        .unwrap_or_default();
    match module {
        Some(Value::Str(m)) if m.as_str() != "builtins" => {
            format!("<{}.{} object at 0x{:x}>", m.as_str(), qn, v.id())
        }
        _ => format!("<{} object at 0x{:x}>", qn, v.id()),
    }
}

fn seq_repr(
    vm: &mut Vm,
    items: &[Value],
    open: &str,
    close: &str,
    out: &mut String,
) -> PyResult<()> {
    out.push_str(open);
    for (i, it) in items.iter().enumerate() {
        if i > 0 {
            out.push_str(", ");
        }
        let r = vm.repr(it)?;
        out.push_str(r.as_str());
    }
    out.push_str(close);
    Ok(())
}

/// The repr of any value.
pub fn repr_value(vm: &mut Vm, v: &Value) -> PyResult<String> {
    Ok(match v {
        Value::None => String::from("None"),
        Value::NotImplemented => String::from("NotImplemented"),
        Value::Ellipsis => String::from("Ellipsis"),
        Value::Bool(true) => String::from("True"),
        Value::Bool(false) => String::from("False"),
        Value::Int(i) => {
            let mut out = String::new();
            crate::format::push_i64(&mut out, *i);
            out
        }
        Value::Float(f) => crate::objfloat::float_repr(*f),
        Value::Str(s) => crate::objstr::str_repr(s.as_str()),
        Value::Obj(o) => match &**o {
            PyObject::BigInt(_) => crate::objint::int_repr(v),
            PyObject::Complex(re, im) => crate::objcomplex::complex_repr(*re, *im),
            PyObject::Bytes(b) => crate::objbytes::bytes_repr(b),
            PyObject::ByteArray(b) => {
                let inner = crate::objbytes::bytes_repr(&b.borrow());
                format!("bytearray({})", inner)
            }
            PyObject::Tuple(t) => {
                if vm.repr_guard_enter(v) {
                    return Ok(String::from("(...)"));
                }
                let items = t.to_vec();
                let mut s = String::new();
                let r = if items.len() == 1 {
                    let x = vm.repr(&items[0]);
                    x.map(|x| {
                        s.push('(');
                        s.push_str(x.as_str());
                        s.push_str(",)");
                    })
                } else {
                    seq_repr(vm, &items, "(", ")", &mut s)
                };
                vm.repr_guard_leave();
                r?;
                s
            }
            PyObject::List(l) => {
                if vm.repr_guard_enter(v) {
                    return Ok(String::from("[...]"));
                }
                let items = l.borrow().clone();
                let mut s = String::new();
                let r = seq_repr(vm, &items, "[", "]", &mut s);
                vm.repr_guard_leave();
                r?;
                s
            }
            PyObject::Dict(d) => {
                if vm.repr_guard_enter(v) {
                    return Ok(String::from("{...}"));
                }
                let items = d.borrow().items();
                let r = dict_items_repr(vm, &items);
                vm.repr_guard_leave();
                r?
            }
            PyObject::Set(s) => {
                let items = s.borrow().items();
                set_repr(vm, v, &items)?
            }
            PyObject::FrozenSet(s) => {
                let items = s.items();
                set_repr(vm, v, &items)?
            }
            PyObject::Range { start, stop, step } => {
                if *step == 1 {
                    format!("range({}, {})", start, stop)
                } else {
                    format!("range({}, {}, {})", start, stop, step)
                }
            }
            PyObject::Slice(a, b, c) => {
                let (a, b, c) = (a.clone(), b.clone(), c.clone());
                format!(
                    "slice({}, {}, {})",
                    vm.repr(&a)?.as_str(),
                    vm.repr(&b)?.as_str(),
                    vm.repr(&c)?.as_str()
                )
            }
            PyObject::Type(t)
                if t.metaclass.borrow().is_some()
                    && {
                        let meta = vm.type_of(v);
                        let rn = vm.name("__repr__");
                        vm.type_lookup(&meta, &rn).map(|m| !matches!(&m, Value::Obj(mo) if matches!(&**mo, PyObject::Builtin(_)))).unwrap_or(false)
                    } =>
            {
                let meta = vm.type_of(v);
                let rn = vm.name("__repr__");
                let m = vm.type_lookup(&meta, &rn).unwrap_or(Value::None);
                let r = vm.call_unbound(&m, core::slice::from_ref(v))?;
                match r {
                    Value::Str(s) => String::from(s.as_str()),
                    _ => return Err(vm.type_error("__repr__ returned non-string")),
                }
            }
            PyObject::Type(t) => {
                let module = t.dict.borrow().get_str("__module__").cloned();
                let qn = String::from(t.qualname.borrow().as_str());
                match module {
                    Some(Value::Str(m)) if t.heap_type && m.as_str() != "builtins" => {
                        format!("<class '{}.{}'>", m.as_str(), qn)
                    }
                    _ => format!("<class '{}'>", qn),
                }
            }
            PyObject::Instance(_) | PyObject::Native(_) => {
                let cls = vm.type_of(v);
                let rn = vm.name("__repr__");
                match types::lookup(&cls, &rn) {
                    Some(m) if !vm.is_object_slot(&m) => {
                        let r = vm.call_unbound(&m, core::slice::from_ref(v))?;
                        match r {
                            Value::Str(s) => String::from(s.as_str()),
                            other => {
                                let tn = vm.type_name(&other);
                                return Err(vm.type_error(format!(
                                    "__repr__ returned non-string (type {})",
                                    tn
                                )));
                            }
                        }
                    }
                    _ => {
                        let base = vm.builtin_base(v);
                        if !base.is(v) && !base.is_none() {
                            return repr_value(vm, &base);
                        }
                        default_repr(vm, v)
                    }
                }
            }
            PyObject::Function(f) => {
                if f.closure.borrow().is_empty() {
                    format!(
                        "<function {} at 0x{:x}>",
                        f.qualname.borrow().as_str(),
                        v.id()
                    )
                } else {
                    format!(
                        "<closure <function {} at 0x{:x}> at 0x{:x}>",
                        f.qualname.borrow().as_str(),
                        v.id(),
                        v.id() + 16
                    )
                }
            }
            PyObject::Builtin(b) => match &b.bound {
                None => format!(
                    "<built-in function {}>",
                    b.name.rsplit('.').next().unwrap_or(b.name)
                ),
                Some(slf) => {
                    let tn = vm.type_name(slf);
                    format!(
                        "<built-in method {} of {} object at 0x{:x}>",
                        b.name.rsplit('.').next().unwrap_or(b.name),
                        tn,
                        slf.id()
                    )
                }
            },
            PyObject::BoundMethod(f, slf) => {
                let (f, slf) = (f.clone(), slf.clone());
                let fr = vm.repr(&f)?;
                let sr = vm.repr(&slf)?;
                format!(
                    "<bound_method 0x{:x} {}.{}>",
                    v.id(),
                    sr.as_str(),
                    fr.as_str()
                )
            }
            // A module loaded from a file names it, as in CPython and MicroPython.
            PyObject::Module(m) => {
                let file = dict_of(&m.dict).and_then(|d| match d.borrow().get_str("__file__") {
                    Some(Value::Str(f)) => Some(f.clone()),
                    _ => None,
                });
                match file {
                    Some(f) => format!("<module '{}' from '{}'>", m.name.as_str(), f.as_str()),
                    None => format!("<module '{}'>", m.name.as_str()),
                }
            }
            PyObject::Cell(_) => format!("<cell at 0x{:x}>", v.id()),
            PyObject::Generator(g) => {
                let kind = vm.type_name(v);
                format!(
                    "<{} object '{}' at 0x{:x}>",
                    kind,
                    g.borrow().name.as_str(),
                    v.id()
                )
            }
            PyObject::Iter(_) => {
                let tn = vm.type_name(v);
                format!("<{} object at 0x{:x}>", tn, v.id())
            }
            PyObject::DictView(d, kind) => {
                let items = dict_of(d).map(|d| d.borrow().items()).unwrap_or_default();
                let (name, vals): (&str, Vec<Value>) = match kind {
                    crate::value::ViewKind::Keys => {
                        ("dict_keys", items.into_iter().map(|(k, _)| k).collect())
                    }
                    crate::value::ViewKind::Values => {
                        ("dict_values", items.into_iter().map(|(_, v)| v).collect())
                    }
                    crate::value::ViewKind::Items => {
                        let mut t = Vec::new();
                        for (k, v) in items {
                            t.push(vm.new_tuple(alloc::vec![k, v]));
                        }
                        ("dict_items", t)
                    }
                };
                let mut s = String::from(name);
                seq_repr(vm, &vals, "([", "])", &mut s)?;
                s
            }
            PyObject::Property { .. } => format!("<property object at 0x{:x}>", v.id()),
            PyObject::StaticMethod(_) => format!("<staticmethod object at 0x{:x}>", v.id()),
            PyObject::ClassMethod(_) => format!("<classmethod object at 0x{:x}>", v.id()),
            PyObject::Super(start, target) => {
                let cls = match start {
                    Value::Obj(c) if crate::types::as_type(c).is_some() => {
                        crate::types::name_string(c)
                    }
                    _ => vm.type_name(start),
                };
                // The object's type, or the object itself when it is a class (`super(A, B)`).
                let obj = match target {
                    Value::Obj(t) if crate::types::as_type(t).is_some() => {
                        crate::types::name_string(t)
                    }
                    _ => vm.type_name(target),
                };
                format!("<super: <class '{}'>, <{} object>>", cls, obj)
            }
            PyObject::Code(c) => format!(
                "<code object {} at 0x{:x}, file \"{}\", line {}>",
                c.name.as_str(),
                v.id(),
                c.filename.as_str(),
                c.firstlineno
            ),
        },
    })
}

fn dict_items_repr(vm: &mut Vm, items: &[(Value, Value)]) -> PyResult<String> {
    let mut s = String::from("{");
    for (i, (k, val)) in items.iter().enumerate() {
        if i > 0 {
            s.push_str(", ");
        }
        s.push_str(vm.repr(k)?.as_str());
        s.push_str(": ");
        s.push_str(vm.repr(val)?.as_str());
    }
    s.push('}');
    Ok(s)
}

fn set_repr(vm: &mut Vm, v: &Value, items: &[Value]) -> PyResult<String> {
    let exact = vm.type_name(v);
    if items.is_empty() {
        return Ok(format!("{}()", exact));
    }
    if vm.repr_guard_enter(v) {
        return Ok(format!("{}(...)", exact));
    }
    let mut s = String::new();
    let r = seq_repr(vm, items, "{", "}", &mut s);
    vm.repr_guard_leave();
    r?;
    if exact == "set" {
        Ok(s)
    } else {
        Ok(format!("{}({})", exact, s))
    }
}

impl Vm {
    /// Enter the repr of a container; true when it is already being repr'd (a cycle).
    pub fn repr_guard_enter(&mut self, v: &Value) -> bool {
        let id = v.id();
        if self.repr_stack.contains(&id) {
            return true;
        }
        self.repr_stack.push(id);
        false
    }
    /// Leave the repr of a container.
    pub fn repr_guard_leave(&mut self) {
        self.repr_stack.pop();
    }
}

fn builtin_repr(vm: &mut Vm, args: &[Value], _kw: &[(crate::value::Str, Value)]) -> PyResult {
    let Some(slf) = args.first() else {
        return Err(vm.type_error("__repr__ needs an argument"));
    };
    let base = vm.builtin_base(slf);
    let s = if base.is(slf) {
        repr_value(vm, slf)?
    } else {
        repr_value(vm, &base)?
    };
    Ok(Value::string(s))
}

fn builtin_str(vm: &mut Vm, args: &[Value], _kw: &[(crate::value::Str, Value)]) -> PyResult {
    let Some(slf) = args.first() else {
        return Err(vm.type_error("__str__ needs an argument"));
    };
    let base = vm.builtin_base(slf);
    match &base {
        Value::Str(s) => Ok(Value::Str(s.clone())),
        _ => Ok(Value::Str(vm.str_of(&base)?)),
    }
}

fn str_cmp(vm: &mut Vm, args: &[Value], op: crate::ast::CmpOp) -> PyResult {
    if args.len() != 2 {
        return Err(vm.type_error("expected 1 argument"));
    }
    let (a, b) = (vm.builtin_base(&args[0]), vm.builtin_base(&args[1]));
    match (&a, &b) {
        (Value::Str(_), Value::Str(_)) => vm.compare(&a, &b, op),
        _ => Ok(Value::NotImplemented),
    }
}

macro_rules! str_cmp_fn {
    ($name:ident, $op:ident) => {
        fn $name(vm: &mut Vm, args: &[Value], _kw: &[(crate::value::Str, Value)]) -> PyResult {
            str_cmp(vm, args, crate::ast::CmpOp::$op)
        }
    };
}
str_cmp_fn!(str_eq, Eq);
str_cmp_fn!(str_ne, NotEq);
str_cmp_fn!(str_lt, Lt);
str_cmp_fn!(str_le, LtE);
str_cmp_fn!(str_gt, Gt);
str_cmp_fn!(str_ge, GtE);

fn builtin_hash(vm: &mut Vm, args: &[Value], _kw: &[(crate::value::Str, Value)]) -> PyResult {
    let Some(slf) = args.first() else {
        return Err(vm.type_error("__hash__ needs an argument"));
    };
    let base = vm.builtin_base(slf);
    Ok(Value::Int(vm.hash(&base)?))
}

/// Give the built-in types `__repr__`/`__str__` natives (so `super().__repr__()` and
/// `list.__repr__(x)` work from subclasses) where their own modules did not, and str its rich
/// comparisons.
pub(crate) fn init(vm: &mut Vm) {
    let t = &vm.types;
    let all = [
        &t.int,
        &t.bool_,
        &t.float,
        &t.complex,
        &t.str_,
        &t.bytes,
        &t.bytearray,
        &t.tuple,
        &t.list,
        &t.dict,
        &t.set,
        &t.frozenset,
        &t.range,
        &t.slice,
        &t.none,
    ];
    for cls in all {
        let has = |n: &str| {
            types::as_type(cls)
                .map(|tt| tt.dict.borrow().get_str(n).is_some())
                .unwrap_or(true)
        };
        if !has("__repr__") {
            types::add_methods(cls, &[("__repr__", builtin_repr)]);
        }
        if !has("__str__") && alloc::rc::Rc::ptr_eq(cls, &t.str_) {
            types::add_methods(cls, &[("__str__", builtin_str)]);
        }
    }
    let s = &t.str_;
    let has = |n: &str| {
        types::as_type(s)
            .map(|tt| tt.dict.borrow().get_str(n).is_some())
            .unwrap_or(true)
    };
    if !has("__eq__") {
        types::add_methods(
            s,
            &[
                ("__eq__", str_eq),
                ("__ne__", str_ne),
                ("__lt__", str_lt),
                ("__le__", str_le),
                ("__gt__", str_gt),
                ("__ge__", str_ge),
            ],
        );
    }
    if !has("__hash__") {
        types::add_methods(s, &[("__hash__", builtin_hash)]);
    }
}
