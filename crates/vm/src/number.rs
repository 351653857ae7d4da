//! Arithmetic and comparison between numbers (int, bool, big int, float, complex).

use core::cmp::Ordering;

use crate::ast::BinOp;
use crate::vm::Vm;
use crate::{PyResult, Value};

/// `a OP b` when both are numbers; None when either is not a number.
pub fn binop(vm: &mut Vm, op: BinOp, a: &Value, b: &Value) -> Option<PyResult> {
    let (x, y) = match (a, b) {
        (Value::Int(x), Value::Int(y)) => (*x, *y),
        _ => return None,
    };
    Some(match op {
        BinOp::Add => Ok(Value::Int(x.wrapping_add(y))),
        BinOp::Sub => Ok(Value::Int(x.wrapping_sub(y))),
        BinOp::Mult => Ok(Value::Int(x.wrapping_mul(y))),
        BinOp::FloorDiv | BinOp::Mod if y == 0 => {
            Err(vm.zero_division("integer division or modulo by zero"))
        }
        BinOp::FloorDiv => Ok(Value::Int(x.div_euclid(y))),
        BinOp::Mod => Ok(Value::Int(x.rem_euclid(y))),
        _ => return None,
    })
}

/// Compare two numbers: None when either is not a number; Some(None) when unordered (NaN).
pub fn num_compare(a: &Value, b: &Value) -> Option<Option<Ordering>> {
    match (a, b) {
        (Value::Int(x), Value::Int(y)) => Some(Some(x.cmp(y))),
        _ => None,
    }
}

/// Unary `-`, `+`, `~` on a number; None when it is not a number.
pub fn unary(_vm: &mut Vm, which: &str, v: &Value) -> Option<PyResult> {
    match v {
        Value::Int(i) => Some(Ok(Value::Int(match which {
            "-" => -i,
            "+" => *i,
            _ => !i,
        }))),
        _ => None,
    }
}
