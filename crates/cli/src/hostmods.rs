//! Module hooks of the native port: what the unix port of MicroPython adds to its modules that
//! needs the host operating system (the VM itself knows no platform).
//!
//! `os` gains the process environment (`getenv`, `putenv`, `unsetenv`, a filled `environ`),
//! `system` and MicroPython's `errno()` (read or set the C `errno`); `socket` is the port's
//! (see `socket.rs`). The builtins gain the unix port's `execfile(path[, globals[, locals]])`.

use ferropy_vm::dict::Dict;
use ferropy_vm::modbuiltins::check_args;
use ferropy_vm::modstruct::{module_fns, module_set};
use ferropy_vm::value::{Obj, PyObject, Str, Value};
use ferropy_vm::{PyResult, Vm};

/// Install the hooks: the port's `os` replaces the VM's (it builds on it).
pub fn install(vm: &mut Vm) {
    for entry in vm.native_modules.iter_mut() {
        if entry.0 == "os" {
            entry.1 = init_os;
        }
    }
    vm.native_modules
        .push(("socket", crate::socket::init_module));
    vm.native_modules.push(("tls", crate::ssl::init_module));
    vm.native_modules.push(("_hostpoll", init_hostpoll));
    if let PyObject::Dict(d) = &*vm.builtins {
        let f = ferropy_vm::modbuiltins::builtin_fn("execfile", execfile);
        d.borrow_mut().set_str("execfile", f);
    }
}

/// `execfile(path[, globals[, locals]])`: run a file's source (read through the VFS, so from
/// any mounted file system) as `exec` would run it.
fn execfile(vm: &mut Vm, args: &[Value], _kw: &[(Str, Value)]) -> PyResult {
    check_args(vm, "execfile", args, 1, 3)?;
    let path = str_arg(vm, "execfile", &args[0])?.to_string();
    let data = ferropy_vm::vfs::read_file(vm, &path)?;
    let src = String::from_utf8_lossy(&data);
    let code = vm.compile_source(&src, &path, ferropy_vm::parser::Mode::Exec)?;
    let code = Value::Obj(vm.alloc(PyObject::Code(code)));
    let exec = match &*vm.builtins {
        PyObject::Dict(d) => d.borrow().get_str("exec").cloned(),
        _ => None,
    };
    let Some(exec) = exec else {
        return Err(vm.type_error("exec is not available"));
    };
    let mut call_args = vec![code];
    call_args.extend(args.iter().skip(1).cloned());
    vm.call(&exec, &call_args)
}

/// The VM's `os` module plus the host's environment, `system` and `errno`.
fn init_os(vm: &mut Vm) -> PyResult<Obj> {
    let m = ferropy_vm::modos::init_module(vm)?;
    module_fns(
        &m,
        &[
            ("getenv", os_getenv),
            ("putenv", os_putenv),
            ("unsetenv", os_unsetenv),
            ("system", os_system),
            ("errno", os_errno),
        ],
    );
    let mut env = Dict::new();
    for (k, v) in std::env::vars_os() {
        if let (Some(k), Some(v)) = (k.to_str(), v.to_str()) {
            env.set_str(k, Value::str(v));
        }
    }
    let environ = vm.new_dict(env);
    module_set(&m, "environ", environ);
    Ok(m)
}

/// A str argument (TypeError naming the function otherwise).
fn str_arg<'a>(vm: &mut Vm, f: &str, v: &'a Value) -> PyResult<&'a str> {
    match v {
        Value::Str(s) => Ok(s.as_str()),
        _ => {
            let tn = vm.type_name(v);
            Err(vm.type_error(format!("{}() argument must be str, not {}", f, tn)))
        }
    }
}

/// `os.getenv(key, default=None)`.
fn os_getenv(vm: &mut Vm, args: &[Value], _kw: &[(Str, Value)]) -> PyResult {
    check_args(vm, "getenv", args, 1, 2)?;
    let key = str_arg(vm, "getenv", &args[0])?;
    if key.is_empty() || key.contains(['=', '\0']) {
        return Ok(args.get(1).cloned().unwrap_or(Value::None));
    }
    match std::env::var_os(key) {
        Some(v) => Ok(Value::string(v.to_string_lossy().into_owned())),
        None => Ok(args.get(1).cloned().unwrap_or(Value::None)),
    }
}

/// A valid environment variable name and value, or ValueError.
fn env_name<'a>(vm: &mut Vm, f: &str, v: &'a Value) -> PyResult<&'a str> {
    let k = str_arg(vm, f, v)?;
    if k.is_empty() || k.contains(['=', '\0']) {
        return Err(vm.value_error("illegal environment variable name"));
    }
    Ok(k)
}

/// `os.putenv(key, value)`.
fn os_putenv(vm: &mut Vm, args: &[Value], _kw: &[(Str, Value)]) -> PyResult {
    check_args(vm, "putenv", args, 2, 2)?;
    let key = env_name(vm, "putenv", &args[0])?;
    let val = str_arg(vm, "putenv", &args[1])?;
    if val.contains('\0') {
        return Err(vm.value_error("embedded null character"));
    }
    std::env::set_var(key, val);
    Ok(Value::None)
}

/// `os.unsetenv(key)`.
fn os_unsetenv(vm: &mut Vm, args: &[Value], _kw: &[(Str, Value)]) -> PyResult {
    check_args(vm, "unsetenv", args, 1, 1)?;
    let key = env_name(vm, "unsetenv", &args[0])?;
    std::env::remove_var(key);
    Ok(Value::None)
}

/// `os.system(command)`: run it with /bin/sh; the wait status as C's system() gives it.
fn os_system(vm: &mut Vm, args: &[Value], _kw: &[(Str, Value)]) -> PyResult {
    use std::os::unix::process::ExitStatusExt;
    check_args(vm, "system", args, 1, 1)?;
    let cmd = str_arg(vm, "system", &args[0])?;
    vm.port.flush();
    match std::process::Command::new("/bin/sh")
        .arg("-c")
        .arg(cmd)
        .status()
    {
        Ok(s) => Ok(Value::Int(s.into_raw() as i64)),
        Err(_) => Ok(Value::Int(-1)),
    }
}

/// `os.errno([value])`: the C library's `errno`, or set it.
fn os_errno(vm: &mut Vm, args: &[Value], _kw: &[(Str, Value)]) -> PyResult {
    check_args(vm, "errno", args, 0, 1)?;
    // SAFETY: __errno_location returns the calling thread's errno slot, valid for the thread's
    // lifetime; it is read or written right away.
    let slot = unsafe { libc::__errno_location() };
    match args.first() {
        None => Ok(Value::Int(unsafe { *slot } as i64)),
        Some(v) => {
            let n = vm.to_index(v)?;
            let n = i32::try_from(n)
                .map_err(|_| vm.overflow_error("signed integer is greater than maximum"))?;
            // SAFETY: as above.
            unsafe { *slot = n };
            Ok(Value::None)
        }
    }
}

/// The `_hostpoll` module: `poll([(fd, events), ...])` gives each descriptor's ready events now
/// (the C library's poll with no wait), for `select.poll` on descriptors and `fileno()` streams.
fn init_hostpoll(vm: &mut Vm) -> PyResult<Obj> {
    let m = vm.new_module("_hostpoll");
    module_fns(&m, &[("poll", hostpoll)]);
    Ok(m)
}

fn hostpoll(vm: &mut Vm, args: &[Value], _kw: &[(Str, Value)]) -> PyResult {
    check_args(vm, "poll", args, 1, 1)?;
    let pairs = vm.collect(&args[0])?;
    let mut fds = Vec::with_capacity(pairs.len());
    for p in &pairs {
        let it = vm.collect(p)?;
        let (Some(fd), Some(ev)) = (it.first(), it.get(1)) else {
            return Err(vm.type_error("poll() expects (fd, events) pairs"));
        };
        let fd = vm.to_index(fd)?;
        let ev = vm.to_index(ev)?;
        fds.push(libc::pollfd {
            fd: i32::try_from(fd).unwrap_or(-1),
            events: (ev & 0x7) as i16,
            revents: 0,
        });
    }
    // SAFETY: fds is a valid array of pollfd of the given length; no wait.
    let r = unsafe { libc::poll(fds.as_mut_ptr(), fds.len() as libc::nfds_t, 0) };
    if r < 0 {
        let e = std::io::Error::last_os_error().raw_os_error().unwrap_or(5);
        return Err(ferropy_vm::vfs::os_error(vm, e, None));
    }
    let out = fds.iter().map(|p| Value::Int(p.revents as i64)).collect();
    Ok(vm.new_list(out))
}
