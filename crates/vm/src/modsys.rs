//! The `sys` module.

use alloc::boxed::Box;
use alloc::format;
use alloc::string::String;
use alloc::vec::Vec;
use core::cell::RefCell;

use crate::attr::dict_of;
use crate::exceptions::ExcKind;
use crate::modbuiltins::builtin_fn;
use crate::types;
use crate::value::{Layout, NativeObj, Obj, PyObject, Str, Value};
use crate::vm::Vm;
use crate::PyResult;

/// The version string: CPython's language version and the implementation (PyScript looks for
/// "MicroPython" in it to pick its MicroPython code paths).
pub const VERSION: &str = "3.11.0; MicroPython-compatible ferropy v0.1.0";

/// A standard stream object: data is the file descriptor (0, 1, 2).
struct StdStream(i32);

/// The binary stream under a standard stream (`sys.stdout.buffer`...): its file descriptor.
struct StdBuffer(i32);

fn buffer_fd(v: &Value) -> Option<i32> {
    if let Value::Obj(o) = v {
        if let PyObject::Native(n) = &**o {
            return n.data.borrow().downcast_ref::<StdBuffer>().map(|s| s.0);
        }
    }
    None
}

/// `sys.stdout.buffer.write(b)`: write bytes-like data as is; returns the byte count.
fn buffer_write(vm: &mut Vm, args: &[Value], _kw: &[(Str, Value)]) -> PyResult {
    let [this, data] = args else {
        return Err(vm.type_error("write() takes exactly one argument"));
    };
    let fd = buffer_fd(this).unwrap_or(1);
    let Some(b) = crate::objbytes::bytes_data(data) else {
        let tn = vm.type_name(data);
        return Err(vm.type_error(format!("a bytes-like object is required, not '{}'", tn)));
    };
    if fd == 2 {
        vm.port.flush();
        vm.port.write_stderr(&b);
    } else {
        vm.port.write_stdout(&b);
    }
    Ok(Value::Int(b.len() as i64))
}

/// `sys.stdin.buffer.read()` / `readline()`: the input as bytes.
fn buffer_read(vm: &mut Vm, args: &[Value], kw: &[(Str, Value)]) -> PyResult {
    match stream_read(vm, args, kw)? {
        Value::Str(s) => Ok(Value::bytes(s.as_str().as_bytes())),
        v => Ok(v),
    }
}

fn buffer_readline(vm: &mut Vm, args: &[Value], kw: &[(Str, Value)]) -> PyResult {
    match stream_readline(vm, args, kw)? {
        Value::Str(s) => Ok(Value::bytes(s.as_str().as_bytes())),
        v => Ok(v),
    }
}

fn buffer_fileno(vm: &mut Vm, args: &[Value], _kw: &[(Str, Value)]) -> PyResult {
    let _ = vm;
    Ok(Value::Int(
        args.first().and_then(buffer_fd).unwrap_or(1) as i64
    ))
}

fn buffer_repr(vm: &mut Vm, args: &[Value], _kw: &[(Str, Value)]) -> PyResult {
    let _ = vm;
    let fd = args.first().and_then(buffer_fd).unwrap_or(1);
    Ok(Value::string(format!("<io.FileIO {}>", fd)))
}

/// `sys.stdout.buffer` and friends (resolved through the text stream class's `__getattr__`).
fn stream_getattr(vm: &mut Vm, args: &[Value], _kw: &[(Str, Value)]) -> PyResult {
    let (Some(this), Some(Value::Str(name))) = (args.first(), args.get(1)) else {
        return Err(vm.type_error("__getattr__ expected 1 argument"));
    };
    if name.as_str() == "buffer" {
        let fd = stream_fd(this).unwrap_or(1);
        let key = match fd {
            0 => " sys.stdin.buffer",
            2 => " sys.stderr.buffer",
            _ => " sys.stdout.buffer",
        };
        if let Some(b) = vm.state_object(key) {
            return Ok(Value::Obj(b));
        }
        let cls = match vm.state_object(" sys.FileIO") {
            Some(c) => c,
            None => {
                let c = types::new_type(
                    "FileIO",
                    alloc::vec![vm.types.object.clone()],
                    Layout::Other,
                    false,
                );
                types::set_attr(&c, "__module__", Value::str("io"));
                types::add_methods(
                    &c,
                    &[
                        ("write", buffer_write),
                        ("flush", stream_flush),
                        ("read", buffer_read),
                        ("readline", buffer_readline),
                        ("fileno", buffer_fileno),
                        ("__repr__", buffer_repr),
                    ],
                );
                vm.set_state_object(" sys.FileIO", c.clone());
                c
            }
        };
        let b = vm.alloc(PyObject::Native(NativeObj {
            class: cls,
            data: RefCell::new(Box::new(StdBuffer(fd))),
        }));
        vm.set_state_object(key, b.clone());
        return Ok(Value::Obj(b));
    }
    let tn = vm.type_name(this);
    Err(vm.attribute_error(format!(
        "'{}' object has no attribute '{}'",
        tn,
        name.as_str()
    )))
}

/// Is `v` sys.stdout (fd 1) or sys.stderr (fd 2)?
pub fn is_std_stream(_vm: &Vm, v: &Value, fd: i32) -> bool {
    if let Value::Obj(o) = v {
        if let PyObject::Native(n) = &**o {
            if let Some(s) = n.data.borrow().downcast_ref::<StdStream>() {
                return s.0 == fd;
            }
        }
    }
    false
}

fn stream_fd(v: &Value) -> Option<i32> {
    if let Value::Obj(o) = v {
        if let PyObject::Native(n) = &**o {
            return n.data.borrow().downcast_ref::<StdStream>().map(|s| s.0);
        }
    }
    None
}

fn stream_write(vm: &mut Vm, args: &[Value], _kw: &[(Str, Value)]) -> PyResult {
    if args.len() != 2 {
        return Err(vm.type_error("write() takes exactly one argument"));
    }
    let fd = stream_fd(&args[0]).unwrap_or(1);
    let n = match &args[1] {
        Value::Str(s) => {
            if fd == 2 {
                vm.write_stderr(s.as_str());
            } else {
                vm.write_stdout(s.as_str());
            }
            s.char_len()
        }
        Value::Obj(o) => match &**o {
            PyObject::Bytes(b) => {
                if fd == 2 {
                    vm.port.write_stderr(b);
                } else {
                    vm.port.write_stdout(b);
                }
                b.len()
            }
            _ => {
                let tn = vm.type_name(&args[1]);
                return Err(vm.type_error(format!("write() argument must be str, not {}", tn)));
            }
        },
        _ => {
            let tn = vm.type_name(&args[1]);
            return Err(vm.type_error(format!("write() argument must be str, not {}", tn)));
        }
    };
    Ok(Value::Int(n as i64))
}

fn stream_flush(vm: &mut Vm, _args: &[Value], _kw: &[(Str, Value)]) -> PyResult {
    vm.port.flush();
    Ok(Value::None)
}

fn stream_readline(vm: &mut Vm, _args: &[Value], _kw: &[(Str, Value)]) -> PyResult {
    match vm.port.read_line() {
        Some(mut l) => {
            l.push('\n');
            Ok(Value::string(l))
        }
        None => Ok(Value::str("")),
    }
}

fn stream_read(vm: &mut Vm, _args: &[Value], _kw: &[(Str, Value)]) -> PyResult {
    let mut out = String::new();
    while let Some(l) = vm.port.read_line() {
        out.push_str(&l);
        out.push('\n');
    }
    Ok(Value::string(out))
}

fn stream_fileno(vm: &mut Vm, args: &[Value], _kw: &[(Str, Value)]) -> PyResult {
    let _ = vm;
    Ok(Value::Int(stream_fd(&args[0]).unwrap_or(1) as i64))
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
    let text = mp_traceback(&vm.format_exception(e), limit);
    // MicroPython's default stream is sys.stdout.
    let file = args.get(1).cloned().or_else(|| {
        kw.iter()
            .find(|(k, _)| k.as_str() == "file")
            .map(|(_, v)| v.clone())
    });
    match file {
        Some(f) if is_std_stream(vm, &f, 2) => vm.write_stderr(&text),
        Some(f) if !f.is_none() && !is_std_stream(vm, &f, 1) => {
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
    let stream_cls = types::new_type(
        "TextIOWrapper",
        alloc::vec![vm.types.object.clone()],
        Layout::Other,
        false,
    );
    types::add_methods(
        &stream_cls,
        &[
            ("write", stream_write),
            ("flush", stream_flush),
            ("readline", stream_readline),
            ("read", stream_read),
            ("fileno", stream_fileno),
            ("__getattr__", stream_getattr),
        ],
    );
    let mk = |vm: &mut Vm, fd: i32| {
        Value::Obj(vm.alloc(PyObject::Native(NativeObj {
            class: stream_cls.clone(),
            data: RefCell::new(Box::new(StdStream(fd))),
        })))
    };
    let stdin = mk(vm, 0);
    let stdout = mk(vm, 1);
    let stderr = mk(vm, 2);
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
            ("_mpy", Value::Int(6)),
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

/// A plain object with these attributes (like `types.SimpleNamespace`).
pub fn simple_namespace(vm: &mut Vm, attrs: &[(&str, Value)]) -> Value {
    let cls = vm.types.object.clone();
    let ns_cls = types::new_type("namespace", alloc::vec![cls], Layout::Object, true);
    let inst = vm.new_instance(&ns_cls);
    if let Value::Obj(o) = &inst {
        if let PyObject::Instance(i) = &**o {
            if let Some(d) = dict_of(&i.dict) {
                let mut d = d.borrow_mut();
                for (k, v) in attrs {
                    d.set_str(k, v.clone());
                }
            }
        }
    }
    inst
}
