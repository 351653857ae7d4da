//! The `str` type: its methods and constructor.

use alloc::string::String;

use crate::vm::Vm;

/// `repr()` of a str, with CPython's quoting and escaping rules.
pub fn str_repr(s: &str) -> String {
    let mut out = String::from("'");
    for c in s.chars() {
        match c {
            '\'' => out.push_str("\\'"),
            '\\' => out.push_str("\\\\"),
            '\n' => out.push_str("\\n"),
            _ => out.push(c),
        }
    }
    out.push('\'');
    out
}

/// Add str's methods to its type.
pub(crate) fn init(_vm: &mut Vm) {}

/// `a OP b` where `a` or `b` is a str (`+`, `*`, `%`); None when not applicable.
pub fn str_binop(
    _vm: &mut Vm,
    _op: crate::ast::BinOp,
    _a: &crate::Value,
    _b: &crate::Value,
) -> Option<crate::PyResult> {
    None
}
