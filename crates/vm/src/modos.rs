//! The `os` module as MicroPython has it: directory and file operations on the VFS (`listdir`,
//! `ilistdir`, `mkdir`, `rmdir`, `remove`, `rename`, `stat`, `statvfs`, `getcwd`, `chdir`),
//! `mount`/`umount` and the `Vfs*` classes (the `vfs` module's own objects), `urandom`, `uname`, `sep`, `getenv`/`environ`;
//! `os.path` is the frozen Python module `frozen/os_path.py`, loaded on first use.

use alloc::format;
use alloc::string::String;
use alloc::vec::Vec;

use crate::attr::dict_of;
use crate::dict::Dict;
use crate::modbuiltins::{builtin_fn, check_args};
use crate::value::{NativeFn, Obj, PyObject, Str, Value};
use crate::vfs::{self, PathOp};
use crate::vm::Vm;
use crate::PyResult;

/// `st_mode` of a directory (MicroPython's VFS reports only the type bits).
pub const S_IFDIR: i64 = vfs::S_IFDIR;
/// `st_mode` of a regular file.
pub const S_IFREG: i64 = vfs::S_IFREG;

fn path_arg(vm: &mut Vm, fname: &str, v: Option<&Value>) -> PyResult<String> {
    match v {
        Some(Value::Str(s)) => Ok(String::from(s.as_str())),
        Some(v) => match crate::objbytes::bytes_data(v) {
            Some(b) => Ok(String::from_utf8_lossy(&b).into_owned()),
            None => {
                let tn = vm.type_name(v);
                Err(vm.type_error(format!(
                    "{}: path should be string, bytes or os.PathLike, not {}",
                    fname, tn
                )))
            }
        },
        None => Err(vm.type_error(format!(
            "{}() missing required argument 'path' (pos 1)",
            fname
        ))),
    }
}

fn listdir(vm: &mut Vm, args: &[Value], _kw: &[(Str, Value)]) -> PyResult {
    check_args(vm, "listdir", args, 0, 1)?;
    let (p, as_bytes) = match args.first() {
        None | Some(Value::None) => (String::new(), false),
        Some(a) => (
            path_arg(vm, "listdir", Some(a))?,
            !matches!(a, Value::Str(_)),
        ),
    };
    let items = vfs::ilistdir(vm, &p, as_bytes)?;
    let mut names = Vec::with_capacity(items.len());
    for item in items {
        names.push(vm.getitem(&item, &Value::Int(0))?);
    }
    Ok(vm.new_list(names))
}

fn ilistdir(vm: &mut Vm, args: &[Value], _kw: &[(Str, Value)]) -> PyResult {
    check_args(vm, "ilistdir", args, 0, 1)?;
    let (p, as_bytes) = match args.first() {
        None | Some(Value::None) => (String::new(), false),
        Some(a) => (
            path_arg(vm, "ilistdir", Some(a))?,
            !matches!(a, Value::Str(_)),
        ),
    };
    let items = vfs::ilistdir(vm, &p, as_bytes)?;
    let list = vm.new_list(items);
    vm.iter(&list)
}

fn path_fn(vm: &mut Vm, fname: &str, op: PathOp, args: &[Value]) -> PyResult {
    check_args(vm, fname, args, 1, 2)?;
    let p = path_arg(vm, fname, args.first())?;
    vfs::path_op(vm, op, &p)?;
    Ok(Value::None)
}

fn mkdir(vm: &mut Vm, args: &[Value], _kw: &[(Str, Value)]) -> PyResult {
    path_fn(vm, "mkdir", PathOp::Mkdir, args)
}

fn rmdir(vm: &mut Vm, args: &[Value], _kw: &[(Str, Value)]) -> PyResult {
    path_fn(vm, "rmdir", PathOp::Rmdir, args)
}

fn remove(vm: &mut Vm, args: &[Value], _kw: &[(Str, Value)]) -> PyResult {
    path_fn(vm, "remove", PathOp::Remove, args)
}

fn rename(vm: &mut Vm, args: &[Value], _kw: &[(Str, Value)]) -> PyResult {
    check_args(vm, "rename", args, 2, 2)?;
    let a = path_arg(vm, "rename", args.first())?;
    let b = path_arg(vm, "rename", args.get(1))?;
    vfs::rename(vm, &a, &b)?;
    Ok(Value::None)
}

fn stat(vm: &mut Vm, args: &[Value], _kw: &[(Str, Value)]) -> PyResult {
    check_args(vm, "stat", args, 1, 1)?;
    let p = path_arg(vm, "stat", args.first())?;
    vfs::stat_value(vm, &p)
}

fn statvfs(vm: &mut Vm, args: &[Value], _kw: &[(Str, Value)]) -> PyResult {
    check_args(vm, "statvfs", args, 1, 1)?;
    let p = path_arg(vm, "statvfs", args.first())?;
    vfs::statvfs_value(vm, &p)
}

fn getcwd(vm: &mut Vm, _args: &[Value], _kw: &[(Str, Value)]) -> PyResult {
    Ok(Value::string(vfs::getcwd_checked(vm)?))
}

fn chdir(vm: &mut Vm, args: &[Value], _kw: &[(Str, Value)]) -> PyResult {
    check_args(vm, "chdir", args, 1, 1)?;
    let p = path_arg(vm, "chdir", args.first())?;
    vfs::chdir(vm, &p)?;
    Ok(Value::None)
}

fn urandom(vm: &mut Vm, args: &[Value], _kw: &[(Str, Value)]) -> PyResult {
    check_args(vm, "urandom", args, 1, 1)?;
    let n = vm.to_index(&args[0])?;
    if n < 0 {
        return Err(vm.value_error("negative argument not allowed"));
    }
    if n > 1 << 28 {
        return Err(vm.err(crate::exceptions::ExcKind::MemoryError, ""));
    }
    let mut buf = alloc::vec![0u8; n as usize];
    vm.port.random_bytes(&mut buf);
    Ok(Value::bytes_vec(buf))
}

fn uname(vm: &mut Vm, _args: &[Value], _kw: &[(Str, Value)]) -> PyResult {
    let machine = String::from(vm.port.platform());
    Ok(crate::modsys::simple_namespace(
        vm,
        &[
            ("sysname", Value::str("ferropy")),
            ("nodename", Value::str("ferropy")),
            ("release", Value::str("0.1.0")),
            ("version", Value::str(crate::modsys::VERSION)),
            ("machine", Value::string(machine)),
        ],
    ))
}

fn getenv(vm: &mut Vm, args: &[Value], _kw: &[(Str, Value)]) -> PyResult {
    check_args(vm, "getenv", args, 1, 2)?;
    Ok(args.get(1).cloned().unwrap_or(Value::None))
}

fn nothing(_vm: &mut Vm, _args: &[Value], _kw: &[(Str, Value)]) -> PyResult {
    Ok(Value::None)
}

fn module_getattr(vm: &mut Vm, args: &[Value], _kw: &[(Str, Value)]) -> PyResult {
    let name = args.first().and_then(|v| v.as_str()).unwrap_or("");
    if name == "path" {
        let globals = vm.builtins.clone();
        return vm.import_name("os.path", &Value::str("*"), 0, &globals);
    }
    Err(vm.attribute_error(format!("module 'os' has no attribute '{}'", name)))
}

/// Create the `os` module.
pub fn init_module(vm: &mut Vm) -> PyResult<Obj> {
    let m = vm.new_module("os");
    let environ = vm.new_dict(Dict::new());
    let fns: &[(&'static str, NativeFn)] = &[
        ("listdir", listdir),
        ("ilistdir", ilistdir),
        ("mkdir", mkdir),
        ("rmdir", rmdir),
        ("remove", remove),
        ("unlink", remove),
        ("rename", rename),
        ("stat", stat),
        ("lstat", stat),
        ("statvfs", statvfs),
        ("getcwd", getcwd),
        ("chdir", chdir),
        ("urandom", urandom),
        ("uname", uname),
        ("getenv", getenv),
        ("sync", nothing),
        ("dupterm", nothing),
        ("__getattr__", module_getattr),
    ];
    if let PyObject::Module(mm) = &*m {
        if let Some(d) = dict_of(&mm.dict) {
            let mut d = d.borrow_mut();
            for (name, f) in fns {
                d.set_str(name, builtin_fn(name, *f));
            }
            d.set_str("sep", Value::str("/"));
            d.set_str("curdir", Value::str("."));
            d.set_str("pardir", Value::str(".."));
            d.set_str("name", Value::str("posix"));
            d.set_str("environ", environ);
        }
    }
    crate::modvfs::add_to(vm, &m);
    Ok(m)
}
