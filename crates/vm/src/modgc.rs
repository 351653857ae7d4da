//! The `gc` module: collect, enable/disable, and memory figures.

use crate::attr::dict_of;
use crate::modbuiltins::builtin_fn;
use crate::value::{Obj, PyObject, Str, Value};
use crate::vm::Vm;
use crate::PyResult;

fn collect(vm: &mut Vm, _args: &[Value], _kw: &[(Str, Value)]) -> PyResult {
    let n = vm.heap.collect();
    vm.run_finalizers();
    Ok(Value::Int(n as i64))
}

fn enable(vm: &mut Vm, _args: &[Value], _kw: &[(Str, Value)]) -> PyResult {
    vm.heap.enabled = true;
    Ok(Value::None)
}

fn disable(vm: &mut Vm, _args: &[Value], _kw: &[(Str, Value)]) -> PyResult {
    vm.heap.enabled = false;
    Ok(Value::None)
}

fn isenabled(vm: &mut Vm, _args: &[Value], _kw: &[(Str, Value)]) -> PyResult {
    Ok(Value::Bool(vm.heap.enabled))
}

fn mem_alloc(vm: &mut Vm, _args: &[Value], _kw: &[(Str, Value)]) -> PyResult {
    Ok(Value::Int(vm.heap_used() as i64))
}

fn mem_free(vm: &mut Vm, _args: &[Value], _kw: &[(Str, Value)]) -> PyResult {
    let used = vm.heap_used();
    Ok(Value::Int(vm.heap.limit.saturating_sub(used) as i64))
}

/// The `gc.threshold()` setting (MicroPython: bytes allocated before an automatic collection;
/// -1, the default, means none beyond the collector's own schedule).
struct Threshold(i64);

impl Default for Threshold {
    fn default() -> Self {
        Threshold(-1)
    }
}

/// `gc.threshold([amount])`: with an argument, set the threshold (returns None); without,
/// return it (rounded down to whole 32-byte blocks, as MicroPython reports it). The value is kept for programs that read it back; collections follow the
/// collector's own schedule.
fn threshold(vm: &mut Vm, args: &[Value], _kw: &[(Str, Value)]) -> PyResult {
    crate::modbuiltins::check_args(vm, "threshold", args, 0, 1)?;
    let new = match args.first() {
        Some(v) => Some(vm.to_index(v)?),
        None => None,
    };
    let o = crate::vfs::hidden_state::<Threshold>(vm, " gc.threshold");
    let PyObject::Native(n) = &*o else {
        return Ok(Value::Int(-1));
    };
    let mut data = n.data.borrow_mut();
    let Some(t) = data.downcast_mut::<Threshold>() else {
        return Ok(Value::Int(-1));
    };
    Ok(match new {
        Some(v) => {
            // Counted in MicroPython's allocation blocks (32 bytes on 64-bit machines).
            t.0 = if v < 0 { -1 } else { v / 32 * 32 };
            Value::None
        }
        None => Value::Int(t.0),
    })
}

impl Vm {
    /// Bytes of heap in use, as the port's allocator reports them (or an estimate).
    pub fn heap_used(&mut self) -> usize {
        self.port
            .heap_used()
            .unwrap_or(self.heap.tracked_len() * 64)
    }
}

/// Create the `gc` module.
pub fn init_module(vm: &mut Vm) -> PyResult<Obj> {
    let m = vm.new_module("gc");
    if let PyObject::Module(mm) = &*m {
        if let Some(d) = dict_of(&mm.dict) {
            let mut d = d.borrow_mut();
            d.set_str("collect", builtin_fn("collect", collect));
            d.set_str("enable", builtin_fn("enable", enable));
            d.set_str("disable", builtin_fn("disable", disable));
            d.set_str("isenabled", builtin_fn("isenabled", isenabled));
            d.set_str("mem_alloc", builtin_fn("mem_alloc", mem_alloc));
            d.set_str("mem_free", builtin_fn("mem_free", mem_free));
            d.set_str("threshold", builtin_fn("threshold", threshold));
        }
    }
    Ok(m)
}
