//! Attribute access: `getattr`/`setattr`/`delattr` with descriptors, instance and class
//! namespaces, `__getattr__` and modules.

use crate::value::{Str, Value};
use crate::vm::Vm;
use crate::PyResult;

impl Vm {
    /// `getattr(obj, name)`.
    pub fn getattr(&mut self, _obj: &Value, _name: &Str) -> PyResult {
        todo!()
    }
}
