//! The `int` and `bool` types: methods, constructors, and conversion to and from text.

use alloc::string::String;

use crate::vm::Vm;
use crate::Value;

/// `repr()` of an int value (small or big).
pub fn int_repr(v: &Value) -> String {
    match v {
        Value::Int(i) => alloc::format!("{}", i),
        Value::Obj(o) => match &**o {
            crate::value::PyObject::BigInt(b) => alloc::format!("{}", b),
            _ => String::new(),
        },
        _ => String::new(),
    }
}

/// Add int's and bool's methods to their types.
pub(crate) fn init(_vm: &mut Vm) {}
