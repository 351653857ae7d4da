//! `repr()` of built-in values (Python classes go through `__repr__`).

use alloc::string::String;

use crate::vm::Vm;
use crate::PyResult;
use crate::Value;

/// The repr of any value.
pub fn repr_value(_vm: &mut Vm, _v: &Value) -> PyResult<String> {
    todo!()
}
