//! The `bytes` and `bytearray` types: their methods and constructors.

use alloc::format;
use alloc::string::String;

use crate::vm::Vm;

/// `repr()` of bytes (`b'...'`); `bytearray(b'...')` wraps it.
pub fn bytes_repr(b: &[u8]) -> String {
    let mut out = String::from("b'");
    for &c in b {
        match c {
            b'\'' => out.push_str("\\'"),
            b'\\' => out.push_str("\\\\"),
            b'\n' => out.push_str("\\n"),
            b'\r' => out.push_str("\\r"),
            b'\t' => out.push_str("\\t"),
            0x20..=0x7e => out.push(c as char),
            _ => out.push_str(&format!("\\x{:02x}", c)),
        }
    }
    out.push('\'');
    out
}

/// Add bytes' and bytearray's methods to their types.
pub(crate) fn init(_vm: &mut Vm) {}

/// `a OP b` where `a` or `b` is bytes/bytearray (`+`, `*`, `%`); None when not applicable.
pub fn bytes_binop(
    _vm: &mut Vm,
    _op: crate::ast::BinOp,
    _a: &crate::Value,
    _b: &crate::Value,
) -> Option<crate::PyResult> {
    None
}
