//! The `complex` type.

use alloc::string::String;

use crate::vm::Vm;

/// `repr()` of a complex number.
pub fn complex_repr(re: f64, im: f64) -> String {
    alloc::format!("({}+{}j)", re, im)
}

/// Add complex's methods to its type.
pub(crate) fn init(_vm: &mut Vm) {}
