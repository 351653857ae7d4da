//! The `float` type: methods, constructor, and the shortest round-trip repr.

use alloc::string::String;

use crate::vm::Vm;

/// `repr()` of a float: the shortest string that round-trips, formatted as CPython does.
pub fn float_repr(x: f64) -> String {
    alloc::format!("{:?}", x)
}

/// Add float's methods to its type.
pub(crate) fn init(_vm: &mut Vm) {}
