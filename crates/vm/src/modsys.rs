//! The `sys` module.

use alloc::format;
use alloc::string::String;
use alloc::vec::Vec;

use crate::attr::dict_of;
use crate::exceptions::ExcKind;
use crate::modbuiltins::builtin_fn;
use crate::types;
use crate::value::{Layout, Obj, PyObject, Str, Value};
use crate::vm::Vm;
use crate::PyResult;

/// The version string: CPython's language version and the implementation (PyScript looks for
/// "MicroPython" in it to pick its MicroPython code paths).
pub const VERSION: &str = "3.11.0; MicroPython-compatible ferropy v0.1.0";

/// Is `v` sys.stdout (fd 1) or sys.stderr (fd 2)?
pub fn is_std_stream(_vm: &Vm, v: &Value, fd: i32) -> bool {
    crate::stdio::is_std_stream(v, fd)
}

fn exit(vm: &mut Vm, args: &[Value], _kw: &[(Str, Value)]) -> PyResult {
    let a = args.to_vec();
    Err(vm.err_args(ExcKind::SystemExit, a))
}

fn exc_info(vm: &mut Vm, _args: &[Value], _kw: &[(Str, Value)]) -> PyResult {
    Ok(match vm.handled.clone() {
        Some(e) => {
            let t = Value::Obj(vm.type_of(&e));
            let tb = crate::objexcept::traceback_object(vm, &e);
            vm.new_tuple(alloc::vec![t, e, tb])
        }
        None => vm.new_tuple(alloc::vec![Value::None, Value::None, Value::None]),
    })
}

fn exception(vm: &mut Vm, _args: &[Value], _kw: &[(Str, Value)]) -> PyResult {
    Ok(vm.handled.clone().unwrap_or(Value::None))
}

/// MicroPython's traceback text from CPython's: the same `File "...", line N, in f` entries but
/// without the source lines (and caret lines) under them, as MicroPython keeps no source. With
/// `limit` (`sys.tracebacklimit`), only the first `limit` entries of each traceback are kept, and
/// none (not even the header) when it is 0 or less.
fn mp_traceback(text: &str, limit: Option<i64>) -> String {
    let mut out = String::with_capacity(text.len());
    let mut in_entry = false;
    let mut entries = 0i64;
    for line in text.split_inclusive('\n') {
        if in_entry && line.starts_with("    ") {
            continue;
        }
        if line.starts_with("Traceback (most recent call last):") {
            entries = 0;
            in_entry = false;
            if limit.is_some_and(|l| l <= 0) {
                continue;
            }
        } else if line.starts_with("  File \"") {
            entries += 1;
            in_entry = true;
            if limit.is_some_and(|l| entries > l) {
                continue;
            }
        } else {
            in_entry = false;
        }
        out.push_str(line);
    }
    out
}

/// The function `sys.atexit` registered (MicroPython keeps one).
#[derive(Default)]
struct AtExit(Option<Value>);

fn with_atexit<R>(vm: &mut Vm, f: impl FnOnce(&mut AtExit) -> R) -> R {
    let o = crate::vfs::hidden_state::<AtExit>(vm, " sys.atexit");
    if let PyObject::Native(n) = &*o {
        if let Some(st) = n.data.borrow_mut().downcast_mut::<AtExit>() {
            return f(st);
        }
    }
    f(&mut AtExit::default())
}

/// `sys.atexit(func)`: call `func()` when the program ends (MicroPython); returns the function
/// registered before, or None.
fn atexit(vm: &mut Vm, args: &[Value], _kw: &[(Str, Value)]) -> PyResult {
    let [func] = args else {
        return Err(vm.type_error(format!(
            "function takes 1 positional arguments but {} were given",
            args.len()
        )));
    };
    let func = func.clone();
    let old = with_atexit(vm, |st| st.0.replace(func));
    Ok(old.unwrap_or(Value::None))
}

/// Run the function registered with `sys.atexit`, if any and callable (the embedder calls this
/// once the main program, and any REPL after it, has finished).
pub fn run_atexit(vm: &mut Vm) -> PyResult<()> {
    let Some(f) = with_atexit(vm, |st| st.0.take()) else {
        return Ok(());
    };
    // None disables the call, as in MicroPython.
    if !f.is_none() {
        vm.call(&f, &[])?;
    }
    Ok(())
}

fn print_exception(vm: &mut Vm, args: &[Value], kw: &[(Str, Value)]) -> PyResult {
    let Some(e) = args.first() else {
        return Err(vm.type_error("print_exception() missing argument"));
    };
    let limit = match vm.sys_module("sys") {
        Some(sys) => match vm.getattr_opt(&sys, "tracebacklimit")? {
            Some(l) => Some(vm.to_index(&l)?),
            None => None,
        },
        None => None,
    };
    let text = mp_traceback(&vm.format_exception_with(e, true), limit);
    // MicroPython's default stream is sys.stdout.
    let file = args.get(1).cloned().or_else(|| {
        kw.iter()
            .find(|(k, _)| k.as_str() == "file")
            .map(|(_, v)| v.clone())
    });
    match file {
        Some(f) if is_std_stream(vm, &f, 2) => vm.write_stderr(&text),
        Some(f) if !f.is_none() && !is_std_stream(vm, &f, 1) => {
            // MicroPython's stream check: an object without `write` is not a stream.
            let Some(write) = vm.getattr_opt(&f, "write")? else {
                return Err(vm.err(ExcKind::OSError, "stream operation not supported"));
            };
            vm.call(&write, &[Value::string(text)])?;
        }
        _ => vm.write_stdout(&text),
    }
    Ok(Value::None)
}

fn getrecursionlimit(vm: &mut Vm, _args: &[Value], _kw: &[(Str, Value)]) -> PyResult {
    Ok(Value::Int(vm.config.recursion_limit as i64))
}

fn setrecursionlimit(vm: &mut Vm, args: &[Value], _kw: &[(Str, Value)]) -> PyResult {
    let n = match args.first() {
        Some(v) => vm.to_index(v)?,
        None => return Err(vm.type_error("setrecursionlimit() takes exactly one argument")),
    };
    if n < 1 {
        return Err(vm.value_error("recursion limit must be greater or equal than 1"));
    }
    vm.config.recursion_limit = (n as usize).min(100_000);
    Ok(Value::None)
}

fn intern(vm: &mut Vm, args: &[Value], _kw: &[(Str, Value)]) -> PyResult {
    match args.first() {
        Some(Value::Str(s)) => Ok(Value::Str(vm.intern(s.as_str()))),
        _ => Err(vm.type_error("intern() argument must be str")),
    }
}

fn getsizeof(vm: &mut Vm, args: &[Value], _kw: &[(Str, Value)]) -> PyResult {
    let Some(v) = args.first() else {
        return Err(vm.type_error("getsizeof() takes at least 1 argument"));
    };
    let n = match v {
        Value::Str(s) => 49 + s.as_str().len(),
        Value::Obj(o) => match &**o {
            PyObject::List(l) => 56 + 8 * l.borrow().len(),
            PyObject::Tuple(t) => 40 + 8 * t.len(),
            PyObject::Bytes(b) => 33 + b.len(),
            _ => 48,
        },
        _ => 28,
    };
    Ok(Value::Int(n as i64))
}

fn make_tuple_of_str(vm: &mut Vm, items: &[&str]) -> Value {
    let v: Vec<Value> = items.iter().map(|s| Value::str(s)).collect();
    vm.new_tuple(v)
}

/// Create the `sys` module.
pub fn init_module(vm: &mut Vm) -> PyResult<Obj> {
    let m = vm.new_module("sys");
    let PyObject::Module(mm) = &*m else {
        return Err(vm.type_error("bad module"));
    };
    let d = mm.dict.clone();
    let (stdin, stdout, stderr) = crate::stdio::make_streams(vm);
    let argv: Vec<Value> = vm.config.argv.iter().map(|s| Value::str(s)).collect();
    let argv = vm.new_list(argv);
    let path: Vec<Value> = vm.config.path.iter().map(|s| Value::str(s)).collect();
    let path = vm.new_list(path);
    let version_info = vm.new_tuple(alloc::vec![
        Value::Int(3),
        Value::Int(11),
        Value::Int(0),
        Value::str("final"),
        Value::Int(0)
    ]);
    let impl_ns = crate::modsys::simple_namespace(
        vm,
        &[
            ("name", Value::str("micropython")),
            ("version", Value::Int(0)),
            ("_machine", Value::str("ferropy")),
            // MPY_VERSION | (sub-version | arch << 2) << 8, arch 0: bytecode only (.mpy files).
            #[cfg(feature = "mpy")]
            ("_mpy", Value::Int(crate::mpy::SYS_IMPLEMENTATION_MPY)),
        ],
    );
    if let Some(PyObject::Instance(_)) = impl_ns.as_obj().map(|o| &**o) {
        let v = vm.new_tuple(alloc::vec![
            Value::Int(0),
            Value::Int(1),
            Value::Int(0),
            Value::str("")
        ]);
        let n = vm.intern("version");
        vm.generic_setattr(&impl_ns, &n, v)?;
    }
    let platform = String::from(vm.port.platform());
    let modules = Value::Obj(vm.modules.clone());
    let flags = make_tuple_of_str(vm, &[]);
    if let Some(dd) = dict_of(&d) {
        let mut dd = dd.borrow_mut();
        dd.set_str("stdin", stdin);
        dd.set_str("stdout", stdout.clone());
        dd.set_str("stderr", stderr.clone());
        dd.set_str("__stdout__", stdout);
        dd.set_str("__stderr__", stderr);
        dd.set_str("argv", argv);
        dd.set_str("path", path);
        dd.set_str("modules", modules);
        dd.set_str("version", Value::str(VERSION));
        dd.set_str("version_info", version_info);
        dd.set_str("implementation", impl_ns);
        dd.set_str("platform", Value::string(platform));
        dd.set_str("maxsize", Value::Int(i64::MAX));
        dd.set_str("maxunicode", Value::Int(0x10ffff));
        dd.set_str("byteorder", Value::str("little"));
        dd.set_str("ps1", Value::str(">>> "));
        dd.set_str("ps2", Value::str("... "));
        dd.set_str("flags", flags);
        dd.set_str("exit", builtin_fn("exit", exit));
        dd.set_str("exc_info", builtin_fn("exc_info", exc_info));
        dd.set_str("exception", builtin_fn("exception", exception));
        dd.set_str(
            "print_exception",
            builtin_fn("print_exception", print_exception),
        );
        dd.set_str(
            "getrecursionlimit",
            builtin_fn("getrecursionlimit", getrecursionlimit),
        );
        dd.set_str(
            "setrecursionlimit",
            builtin_fn("setrecursionlimit", setrecursionlimit),
        );
        dd.set_str("intern", builtin_fn("intern", intern));
        dd.set_str("atexit", builtin_fn("atexit", atexit));
        dd.set_str("getsizeof", builtin_fn("getsizeof", getsizeof));
    }
    Ok(m)
}

/// `namespace(name='micropython', ...)`: the repr CPython gives `types.SimpleNamespace` (and so
/// `sys.implementation`), attributes in the order they were set.
fn namespace_repr(vm: &mut Vm, args: &[Value], _kw: &[(Str, Value)]) -> PyResult {
    let me = args.first().cloned().unwrap_or(Value::None);
    let d = vm.getattr_str(&me, "__dict__")?;
    let items = vm.call_method(&d, "items", &[])?;
    let mut out = String::from("namespace(");
    for (i, kv) in vm.collect(&items)?.into_iter().enumerate() {
        let pair = vm.collect(&kv)?;
        let (Some(k), Some(v)) = (pair.first(), pair.get(1)) else {
            continue;
        };
        if i > 0 {
            out.push_str(", ");
        }
        out.push_str(vm.str_of(k)?.as_str());
        out.push('=');
        out.push_str(vm.repr(v)?.as_str());
    }
    out.push(')');
    Ok(Value::str(&out))
}

/// A plain object with these attributes (like `types.SimpleNamespace`).
pub fn simple_namespace(vm: &mut Vm, attrs: &[(&str, Value)]) -> Value {
    let cls = vm.types.object.clone();
    let ns_cls = types::new_type("namespace", alloc::vec![cls], Layout::Object, true);
    types::add_methods(&ns_cls, &[("__repr__", namespace_repr)]);
    let inst = vm.new_instance(&ns_cls);
    for (k, v) in attrs {
        let name = vm.intern(k);
        // A fresh instance of a plain class: the generic store cannot fail.
        let _ = vm.generic_setattr(&inst, &name, v.clone());
    }
    inst
}
