//! Methods of `BaseException` and its subclasses, and the traceback object.

use alloc::format;
use alloc::rc::Rc;
use alloc::vec::Vec;

use crate::exceptions::{exc_state, ExcKind};
use crate::types;
use crate::value::{Str, Value};
use crate::vm::Vm;
use crate::PyResult;

/// A traceback object for `e.__traceback__`: a tuple of (filename, name, line) tuples, innermost
/// last (an inspectable stand-in for CPython's linked traceback objects).
pub fn traceback_object(vm: &mut Vm, exc: &Value) -> Value {
    let entries = exc_state(exc)
        .map(|s| s.borrow().traceback.clone())
        .unwrap_or_default();
    let mut items = Vec::new();
    for e in entries.iter().rev() {
        let t = vm.new_tuple(alloc::vec![
            Value::Str(e.filename.clone()),
            Value::Str(e.name.clone()),
            Value::Int(e.line as i64)
        ]);
        items.push(t);
    }
    vm.new_tuple(items)
}

/// The entries of a traceback object made by [`traceback_object`], or None if `v` is not one.
pub fn traceback_entries(v: &Value) -> Option<Vec<crate::value::TbEntry>> {
    let items = v.as_tuple()?;
    let mut out = Vec::with_capacity(items.len());
    for it in items.iter().rev() {
        let t = it.as_tuple()?;
        let [Value::Str(filename), Value::Str(name), Value::Int(line)] = t else {
            return None;
        };
        out.push(crate::value::TbEntry {
            filename: filename.clone(),
            name: name.clone(),
            line: u32::try_from(*line).ok()?,
        });
    }
    Some(out)
}

/// Attributes derived from `args` for particular exception classes (`StopIteration.value`,
/// `SystemExit.code`, `OSError.errno`...). None when the attribute does not apply.
pub fn derived_attr(vm: &mut Vm, exc: &Value, name: &str) -> Option<Value> {
    if let Some(d) = match exc {
        Value::Obj(o) => match &**o {
            crate::value::PyObject::Instance(i) => i.attr_get_str(name),
            _ => None,
        },
        _ => None,
    } {
        return Some(d);
    }
    let args: Vec<Value> = exc_state(exc)?
        .borrow()
        .args
        .as_tuple()
        .map(|t| t.to_vec())
        .unwrap_or_default();
    let is = |vm: &Vm, k: ExcKind| vm.is_instance(exc, &vm.exc_type(k));
    let first = || args.first().cloned().unwrap_or(Value::None);
    match name {
        "value" if is(vm, ExcKind::StopIteration) || is(vm, ExcKind::StopAsyncIteration) => {
            Some(first())
        }
        "code" if is(vm, ExcKind::SystemExit) => Some(match args.len() {
            0 => Value::None,
            1 => first(),
            _ => vm.new_tuple(args.clone()),
        }),
        "errno" if is(vm, ExcKind::OSError) => Some(
            if args.len() >= 2 || (args.len() == 1 && matches!(args[0], Value::Int(_))) {
                // MicroPython raises OSError(errno) with the number alone: accept that form too.
                first()
            } else {
                Value::None
            },
        ),
        "strerror" if is(vm, ExcKind::OSError) => Some(if args.len() >= 2 {
            args[1].clone()
        } else {
            Value::None
        }),
        "filename" if is(vm, ExcKind::OSError) => Some(if args.len() >= 3 {
            args[2].clone()
        } else {
            Value::None
        }),
        "msg" if is(vm, ExcKind::SyntaxError) => Some(first()),
        "name" | "path" if is(vm, ExcKind::ImportError) => Some(Value::None),
        "name" if is(vm, ExcKind::NameError) || is(vm, ExcKind::AttributeError) => {
            Some(Value::None)
        }
        "filename" | "lineno" | "offset" | "text" if is(vm, ExcKind::SyntaxError) => {
            let detail = args.get(1).and_then(|d| d.as_tuple().map(|t| t.to_vec()));
            let idx = match name {
                "filename" => 0,
                "lineno" => 1,
                "offset" => 2,
                _ => 3,
            };
            Some(
                detail
                    .and_then(|d| d.get(idx).cloned())
                    .unwrap_or(Value::None),
            )
        }
        _ => None,
    }
}

fn exc_new(vm: &mut Vm, args: &[Value], _kw: &[(Str, Value)]) -> PyResult {
    let Some(Value::Obj(cls)) = args.first() else {
        return Err(vm.type_error("BaseException.__new__(X): X is not a type object"));
    };
    if types::as_type(cls).is_none() {
        return Err(vm.type_error("BaseException.__new__(X): X is not a type object"));
    }
    let mut cls = cls.clone();
    // OSError(errno, strerror) makes the subclass for that errno, as CPython does.
    if let (Some(Value::Int(errno)), true) = (args.get(1), args.len() >= 3) {
        if Rc::ptr_eq(&cls, &vm.exc_type(ExcKind::OSError)) {
            if let Some(kind) = oserror_subclass(*errno) {
                cls = vm.exc_type(kind);
            }
        }
    }
    Ok(vm.new_exception(&cls, args[1..].to_vec()))
}

/// The OSError subclass CPython picks for an errno (Linux numbering, as MicroPython's errno).
fn oserror_subclass(errno: i64) -> Option<ExcKind> {
    Some(match errno {
        1 | 13 => ExcKind::PermissionError,
        2 => ExcKind::FileNotFoundError,
        4 => ExcKind::InterruptedError,
        11 | 114 | 115 => ExcKind::BlockingIOError,
        17 => ExcKind::FileExistsError,
        20 => ExcKind::NotADirectoryError,
        21 => ExcKind::IsADirectoryError,
        32 | 108 => ExcKind::BrokenPipeError,
        103 => ExcKind::ConnectionAbortedError,
        104 => ExcKind::ConnectionResetError,
        110 => ExcKind::TimeoutError,
        111 => ExcKind::ConnectionRefusedError,
        _ => return None,
    })
}

fn exc_init(vm: &mut Vm, args: &[Value], _kw: &[(Str, Value)]) -> PyResult {
    if let Some(slf) = args.first() {
        if let Some(st) = exc_state(slf) {
            let t = vm.new_tuple(args[1..].to_vec());
            st.borrow_mut().args = t;
        }
    }
    Ok(Value::None)
}

fn exc_repr(vm: &mut Vm, args: &[Value], _kw: &[(Str, Value)]) -> PyResult {
    let slf = &args[0];
    let name = vm.type_name(slf);
    let a = exc_state(slf)
        .map(|s| s.borrow().args.clone())
        .unwrap_or(Value::None);
    let items: Vec<Value> = a.as_tuple().map(|t| t.to_vec()).unwrap_or_default();
    let s = if items.len() == 1 {
        let r = vm.repr(&items[0])?;
        format!("{}({})", name, r.as_str())
    } else {
        let r = vm.repr(&a)?;
        format!("{}{}", name, r.as_str())
    };
    Ok(Value::string(s))
}

fn syntax_error_str(vm: &mut Vm, args: &[Value], kw: &[(Str, Value)]) -> PyResult {
    let slf = &args[0];
    let a: Vec<Value> = exc_state(slf)
        .map(|s| s.borrow().args.clone())
        .and_then(|a| a.as_tuple().map(|t| t.to_vec()))
        .unwrap_or_default();
    if a.len() == 2 {
        if let (Some(msg), Some(detail)) = (a[0].as_str(), a[1].as_tuple()) {
            if detail.len() >= 2 {
                let fname = detail[0].as_str().unwrap_or("?");
                let base = fname.rsplit('/').next().unwrap_or(fname);
                return Ok(Value::string(format!(
                    "{} ({}, line {})",
                    msg,
                    base,
                    detail[1].as_int().unwrap_or(0)
                )));
            }
        }
    }
    exc_str(vm, args, kw)
}

fn exc_str(vm: &mut Vm, args: &[Value], _kw: &[(Str, Value)]) -> PyResult {
    let slf = &args[0];
    let a = exc_state(slf)
        .map(|s| s.borrow().args.clone())
        .unwrap_or(Value::None);
    let items: Vec<Value> = a.as_tuple().map(|t| t.to_vec()).unwrap_or_default();
    let is_key_error = vm.is_instance(slf, &vm.exc_type(ExcKind::KeyError));
    Ok(match items.len() {
        0 => Value::str(""),
        1 if is_key_error => Value::Str(vm.repr(&items[0])?),
        1 => Value::Str(vm.str_of(&items[0])?),
        _ => Value::Str(vm.repr(&a)?),
    })
}

fn exc_with_traceback(_vm: &mut Vm, args: &[Value], _kw: &[(Str, Value)]) -> PyResult {
    Ok(args[0].clone())
}

fn exc_add_note(vm: &mut Vm, args: &[Value], _kw: &[(Str, Value)]) -> PyResult {
    if args.len() != 2 {
        return Err(vm.type_error("add_note() takes exactly one argument"));
    }
    if !matches!(args[1], Value::Str(_)) {
        let tn = vm.type_name(&args[1]);
        return Err(vm.type_error(format!("note must be a str, not '{}'", tn)));
    }
    let notes = vm.getattr_opt(&args[0], "__notes__")?;
    let list = match notes {
        Some(l) => l,
        None => {
            let l = vm.new_list(Vec::new());
            let n = vm.name("__notes__");
            vm.generic_setattr(&args[0], &n, l.clone())?;
            l
        }
    };
    vm.call_method(&list, "append", &args[1..2])?;
    Ok(Value::None)
}

/// Give BaseException its methods.
pub(crate) fn init(vm: &mut Vm) {
    let base = vm.exc_type(ExcKind::BaseException);
    types::add_static_methods(&base, &[("__new__", exc_new)]);
    types::add_methods(
        &base,
        &[
            ("__init__", exc_init),
            ("__repr__", exc_repr),
            ("__str__", exc_str),
            ("with_traceback", exc_with_traceback),
            ("add_note", exc_add_note),
        ],
    );
    let se = vm.exc_type(ExcKind::SyntaxError);
    types::add_methods(&se, &[("__str__", syntax_error_str)]);
}

/// A `UnicodeEncodeError`/`UnicodeDecodeError` with CPython's attributes (`encoding`, `object`,
/// `start`, `end`, `reason`) besides its message.
#[allow(clippy::too_many_arguments)]
pub fn unicode_error(
    vm: &mut Vm,
    kind: ExcKind,
    msg: alloc::string::String,
    encoding: &str,
    object: Value,
    start: usize,
    end: usize,
    reason: &str,
) -> crate::PyErr {
    let e = vm.err(kind, msg);
    let attrs = [
        ("encoding", Value::str(encoding)),
        ("object", object),
        ("start", Value::Int(start as i64)),
        ("end", Value::Int(end as i64)),
        ("reason", Value::str(reason)),
    ];
    for (name, v) in attrs {
        let n = vm.name(name);
        if let Err(err) = vm.setattr(&e.0, &n, v) {
            return err;
        }
    }
    e
}
