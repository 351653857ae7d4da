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

/// `gc.threshold([amount])`: MicroPython's allocation threshold, kept in whole 16-byte blocks
/// (-1: disabled). Collection here is driven by the heap limit, so it is recorded only.
fn threshold(vm: &mut Vm, args: &[Value], _kw: &[(Str, Value)]) -> PyResult {
    let cur = vm
        .state_object("gc.threshold")
        .and_then(|o| match &*o {
            PyObject::BigInt(b) => num_traits::ToPrimitive::to_i64(b),
            _ => None,
        })
        .unwrap_or(-1);
    match args.first() {
        None => Ok(Value::Int(cur)),
        Some(v) => {
            let n = vm.to_index(v)?;
            let stored = if n < 0 { -1 } else { n / 16 * 16 };
            let o = alloc::rc::Rc::new(PyObject::BigInt(num_bigint::BigInt::from(stored)));
            vm.set_state_object("gc.threshold", o);
            Ok(Value::None)
        }
    }
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
