//! The `platform` module: MicroPython's `platform()`, `python_compiler()`, `libc_ver()` and
//! `processor()`, plus the CPython query functions that make sense for ferropy. Ferropy identifies
//! as a MicroPython-compatible implementation: `python_implementation()` is `'MicroPython'` (as
//! `sys.implementation.name` is `'micropython'`), `python_version()` is the Python language
//! version it implements, and `system()`/`node()`/`release()`/`machine()` agree with `os.uname()`.
//! The VM links no C library, so `libc_ver()` is `('', '')`.

use alloc::format;
use alloc::string::String;

use crate::modstruct::module_fns;
use crate::number::{check_nargs, no_kwargs};
use crate::value::{Obj, Str};
use crate::vm::Vm;
use crate::{PyResult, Value};

/// The ferropy release (as in `os.uname().release`).
const RELEASE: &str = "0.1.0";

fn no_args(vm: &mut Vm, name: &str, args: &[Value], kw: &[(Str, Value)]) -> PyResult<()> {
    no_kwargs(vm, name, kw)?;
    check_nargs(vm, name, args, 0, 0)
}

fn machine_name(vm: &Vm) -> String {
    String::from(vm.port.platform())
}

fn p_platform(vm: &mut Vm, args: &[Value], kw: &[(Str, Value)]) -> PyResult {
    check_nargs(vm, "platform", args, 0, 2)?;
    let _ = kw;
    let m = machine_name(vm);
    // MicroPython's layout: system-version-arch-platform version-with-libc name and version.
    Ok(Value::string(format!(
        "MicroPython-{}-{}-ferropy{}-with-",
        RELEASE, m, RELEASE
    )))
}

fn p_python_compiler(vm: &mut Vm, args: &[Value], kw: &[(Str, Value)]) -> PyResult {
    no_args(vm, "python_compiler", args, kw)?;
    Ok(Value::str("rustc"))
}

fn p_libc_ver(vm: &mut Vm, _args: &[Value], _kw: &[(Str, Value)]) -> PyResult {
    Ok(vm.new_tuple(alloc::vec![Value::str(""), Value::str("")]))
}

fn p_processor(vm: &mut Vm, args: &[Value], kw: &[(Str, Value)]) -> PyResult {
    no_args(vm, "processor", args, kw)?;
    Ok(Value::str(""))
}

fn p_python_implementation(vm: &mut Vm, args: &[Value], kw: &[(Str, Value)]) -> PyResult {
    no_args(vm, "python_implementation", args, kw)?;
    Ok(Value::str("MicroPython"))
}

fn p_python_version(vm: &mut Vm, args: &[Value], kw: &[(Str, Value)]) -> PyResult {
    no_args(vm, "python_version", args, kw)?;
    Ok(Value::str("3.11.0"))
}

fn p_python_version_tuple(vm: &mut Vm, args: &[Value], kw: &[(Str, Value)]) -> PyResult {
    no_args(vm, "python_version_tuple", args, kw)?;
    Ok(vm.new_tuple(alloc::vec![
        Value::str("3"),
        Value::str("11"),
        Value::str("0")
    ]))
}

fn p_system(vm: &mut Vm, args: &[Value], kw: &[(Str, Value)]) -> PyResult {
    no_args(vm, "system", args, kw)?;
    Ok(Value::str("ferropy"))
}

fn p_release(vm: &mut Vm, args: &[Value], kw: &[(Str, Value)]) -> PyResult {
    no_args(vm, "release", args, kw)?;
    Ok(Value::str(RELEASE))
}

fn p_version(vm: &mut Vm, args: &[Value], kw: &[(Str, Value)]) -> PyResult {
    no_args(vm, "version", args, kw)?;
    Ok(Value::str(crate::modsys::VERSION))
}

fn p_machine(vm: &mut Vm, args: &[Value], kw: &[(Str, Value)]) -> PyResult {
    no_args(vm, "machine", args, kw)?;
    Ok(Value::string(machine_name(vm)))
}

/// Create the `platform` module.
pub fn init_module(vm: &mut Vm) -> PyResult<Obj> {
    let m = vm.new_module("platform");
    module_fns(
        &m,
        &[
            ("platform", p_platform),
            ("python_compiler", p_python_compiler),
            ("libc_ver", p_libc_ver),
            ("processor", p_processor),
            ("python_implementation", p_python_implementation),
            ("python_version", p_python_version),
            ("python_version_tuple", p_python_version_tuple),
            ("system", p_system),
            ("node", p_system),
            ("release", p_release),
            ("version", p_version),
            ("machine", p_machine),
        ],
    );
    Ok(m)
}
