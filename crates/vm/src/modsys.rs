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

/// `sys.stdout.buffer` (and stdin's, stderr's): a binary stream on the same descriptor.
fn stream_buffer(vm: &mut Vm, args: &[Value], _kw: &[(Str, Value)]) -> PyResult {
    let fd = args.first().and_then(stream_fd).unwrap_or(1);
    let Some(bcls) = vm.state_object("sys.buffer_class") else {
        return Err(vm.attribute_error("'TextIOWrapper' object has no attribute 'buffer'"));
    };
    Ok(Value::Obj(vm.alloc(PyObject::Native(NativeObj {
        class: bcls,
        data: RefCell::new(Box::new(StdStream(fd))),
    }))))
}

fn buffer_write(vm: &mut Vm, args: &[Value], kw: &[(Str, Value)]) -> PyResult {
    if let Some(Value::Str(_)) = args.get(1) {
        return Err(vm.type_error("a bytes-like object is required, not 'str'"));
    }
    match args.get(1).and_then(crate::objbytes::bytes_data) {
        Some(b) if args.len() == 2 => {
            let fd = stream_fd(&args[0]).unwrap_or(1);
            if fd == 2 {
                vm.port.write_stderr(&b);
            } else {
                vm.port.write_stdout(&b);
            }
            Ok(Value::Int(b.len() as i64))
        }
        _ => stream_write(vm, args, kw),
    }
}

fn buffer_readline(vm: &mut Vm, args: &[Value], kw: &[(Str, Value)]) -> PyResult {
    let s = stream_readline(vm, args, kw)?;
    Ok(Value::bytes_vec(
        s.as_str()
            .map(|t| t.as_bytes().to_vec())
            .unwrap_or_default(),
    ))
}

fn buffer_read(vm: &mut Vm, args: &[Value], kw: &[(Str, Value)]) -> PyResult {
    let s = stream_read(vm, args, kw)?;
    Ok(Value::bytes_vec(
        s.as_str()
            .map(|t| t.as_bytes().to_vec())
            .unwrap_or_default(),
    ))
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

fn print_exception(vm: &mut Vm, args: &[Value], kw: &[(Str, Value)]) -> PyResult {
    let Some(e) = args.first() else {
        return Err(vm.type_error("print_exception() missing argument"));
    };
    let text = vm.format_exception_with(e, true);
    // MicroPython's default stream is sys.stdout.
    let file = args.get(1).cloned().or_else(|| {
        kw.iter()
            .find(|(k, _)| k.as_str() == "file")
            .map(|(_, v)| v.clone())
    });
    match file {
        Some(f) if is_std_stream(vm, &f, 2) => vm.write_stderr(&text),
        Some(f) if !f.is_none() && !is_std_stream(vm, &f, 1) => {
            // Like MicroPython's stream check: an object without `write` is OSError(EINVAL).
            let Some(w) = vm.getattr_opt(&f, "write")? else {
                return Err(crate::vfs::os_error(vm, 22, None));
            };
            vm.call(&w, &[Value::string(text)])?;
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
        ],
    );
    // `sys.std*.buffer`: the binary stream under each text stream (class FileIO).
    let buffer_cls = types::new_type(
        "FileIO",
        alloc::vec![vm.types.object.clone()],
        Layout::Other,
        false,
    );
    types::set_attr(&buffer_cls, "__module__", Value::str("io"));
    types::add_methods(
        &buffer_cls,
        &[
            ("write", buffer_write),
            ("flush", stream_flush),
            ("readline", buffer_readline),
            ("read", buffer_read),
            ("fileno", stream_fileno),
        ],
    );
    types::set_attr(
        &stream_cls,
        "buffer",
        crate::objint::native_property("buffer", stream_buffer),
    );
    vm.set_state_object("sys.buffer_class", buffer_cls);
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
