//! String formatting: the format-spec mini-language (`format()`, f-strings, `str.format`) and
//! `%`-formatting for str and bytes.

use crate::vm::Vm;
use crate::{PyResult, Value};

/// `format(value, spec)`.
pub fn format_value(vm: &mut Vm, value: &Value, spec: &str) -> PyResult<crate::value::Str> {
    if spec.is_empty() {
        return vm.str_of(value);
    }
    Err(vm.value_error("format specs are not supported yet"))
}
