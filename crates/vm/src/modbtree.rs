//! The `btree` module (placeholder while it is written).
use crate::value::Obj;
use crate::vm::Vm;
use crate::PyResult;

/// Create the `btree` module.
pub fn init_module(vm: &mut Vm) -> PyResult<Obj> {
    Ok(vm.new_module("btree"))
}
