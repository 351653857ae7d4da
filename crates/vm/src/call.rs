//! Calling: argument binding for Python functions, built-ins, bound methods and classes.

use crate::value::{Str, Value};
use crate::vm::Vm;
use crate::PyResult;

impl Vm {
    /// Call a callable with positional and keyword arguments.
    pub fn call_kw(&mut self, _f: &Value, _args: &[Value], _kwargs: &[(Str, Value)]) -> PyResult {
        todo!()
    }
}
