//! The `dict` type: its methods and constructor, and the dict views.

use crate::vm::Vm;
use crate::{PyResult, Value};

/// `a | b` for two dicts: a new dict with b's items merged over a's.
pub fn dict_merge(_vm: &mut Vm, _a: &Value, _b: &Value) -> PyResult {
    Ok(Value::NotImplemented)
}

/// `a == b` for two dicts (order-insensitive; values compared with `==`).
pub fn dict_eq(_vm: &mut Vm, _a: &Value, _b: &Value) -> PyResult<bool> {
    Ok(false)
}

/// Add dict's methods to its type.
pub(crate) fn init(_vm: &mut Vm) {}
