//! The `complex` type: repr, constructor (numbers and strings), methods and arithmetic dunders
//! (the arithmetic itself lives in `number.rs`).

use alloc::format;
use alloc::rc::Rc;
use alloc::string::String;

use crate::ast::{BinOp, CmpOp};
use crate::number::{self, classify, Num};
use crate::objfloat::{float_from_str, float_repr_ex};
use crate::types;
use crate::value::{PyObject, Str};
use crate::vm::Vm;
use crate::{PyResult, Value};

/// `repr()` of a complex number, exactly as CPython prints it.
pub fn complex_repr(re: f64, im: f64) -> String {
    let mut out = String::new();
    if re == 0.0 && !re.is_sign_negative() {
        out.push_str(&float_repr_ex(im, false));
        out.push('j');
        return out;
    }
    out.push('(');
    out.push_str(&float_repr_ex(re, false));
    if im.is_nan() || !im.is_sign_negative() {
        out.push('+');
    }
    if im.is_nan() {
        out.push_str("nan");
    } else {
        out.push_str(&float_repr_ex(im, false));
    }
    out.push_str("j)");
    out
}

/// `abs(complex)`: the hypotenuse, OverflowError "absolute value too large" when it overflows.
pub fn complex_abs(vm: &mut Vm, re: f64, im: f64) -> PyResult {
    if re.is_infinite() || im.is_infinite() {
        return Ok(Value::Float(f64::INFINITY));
    }
    if re.is_nan() || im.is_nan() {
        return Ok(Value::Float(f64::NAN));
    }
    let r = crate::modmath::hypot(re, im);
    if r.is_infinite() {
        return Err(vm.overflow_error("absolute value too large"));
    }
    Ok(Value::Float(r))
}

/// Parse `complex(str)` syntax (`1+2j`, `(1-j)`, `2.5J`, `nan+infj`); None when malformed.
pub fn complex_from_str(s: &str) -> Option<(f64, f64)> {
    let mut t = s.trim_matches(|c: char| c.is_whitespace());
    if let Some(inner) = t.strip_prefix('(') {
        t = inner
            .strip_suffix(')')?
            .trim_matches(|c: char| c.is_whitespace());
    }
    if t.is_empty() || t.chars().any(|c| c.is_whitespace()) {
        return None;
    }
    let body = match t.strip_suffix(['j', 'J']) {
        Some(b) => b,
        None => return Some((float_from_str(t)?, 0.0)),
    };
    let bytes = body.as_bytes();
    let mut split = None;
    for i in (1..bytes.len()).rev() {
        if (bytes[i] == b'+' || bytes[i] == b'-') && !matches!(bytes[i - 1], b'e' | b'E') {
            split = Some(i);
            break;
        }
    }
    let (re, im_s) = match split {
        Some(i) => (float_from_str(&body[..i])?, &body[i..]),
        None => (0.0, body),
    };
    let im = match im_s {
        "" | "+" => 1.0,
        "-" => -1.0,
        _ => float_from_str(im_s)?,
    };
    Some((re, im))
}

/// A complex from a constructor argument: complex, float, int, or `__complex__`/`__float__`/`__index__`.
/// A `complex()` argument as (real, imag, is_complex).
fn complex_arg(vm: &mut Vm, v: &Value, first: bool) -> PyResult<(f64, f64, bool)> {
    match classify(v) {
        Some(Num::C(r, i)) => return Ok((r, i, true)),
        Some(Num::F(f)) => return Ok((f, 0.0, false)),
        Some(Num::I(_) | Num::B(_)) => return Ok((number::to_f64(vm, v)?, 0.0, false)),
        None => {}
    }
    if matches!(v, Value::Obj(o) if matches!(&**o, PyObject::Instance(_) | PyObject::Native(_))) {
        if first {
            if let Some(r) = vm.call_special(v, "__complex__", &[]) {
                let r = r?;
                return match classify(&vm.builtin_base(&r)) {
                    Some(Num::C(a, b)) => Ok((a, b, true)),
                    _ => {
                        let tn = vm.type_name(&r);
                        Err(vm
                            .type_error(format!("__complex__ returned non-complex (type {})", tn)))
                    }
                };
            }
        }
        let base = vm.builtin_base(v);
        if !base.is(v) && !base.is_none() && classify(&base).is_some() {
            return complex_arg(vm, &base, first);
        }
        if vm.lookup_special(v, "__float__").is_some()
            || vm.lookup_special(v, "__index__").is_some()
        {
            return Ok((number::to_f64(vm, v)?, 0.0, false));
        }
    }
    let tn = vm.type_name(v);
    if first {
        Err(vm.type_error(format!(
            "complex() first argument must be a string or a number, not '{}'",
            tn
        )))
    } else {
        Err(vm.type_error(format!(
            "complex() second argument must be a number, not '{}'",
            tn
        )))
    }
}

fn complex_new(vm: &mut Vm, args: &[Value], kwargs: &[(Str, Value)]) -> PyResult {
    let cls = match args.first() {
        Some(Value::Obj(c)) => c.clone(),
        _ => return Err(vm.type_error("complex.__new__(X): X is not a type object")),
    };
    let a = number::parse_args(
        vm,
        "complex",
        &args[1..],
        kwargs,
        &["real", "imag"],
        0,
        2,
        0,
    )?;
    let (re, im) = match (&a[0], &a[1]) {
        (None, None) => (0.0, 0.0),
        (Some(Value::Str(s)), None) => match complex_from_str(s.as_str()) {
            Some(c) => c,
            None => return Err(vm.value_error("complex() arg is a malformed string")),
        },
        (Some(Value::Str(_)), Some(_)) => {
            return Err(vm.type_error("complex() can't take second arg if first is a string"));
        }
        (_, Some(Value::Str(_))) => {
            return Err(vm.type_error("complex() second arg can't be a string"))
        }
        (r, i) => {
            let (r1, i1, r_complex) = match r {
                Some(r) => complex_arg(vm, r, true)?,
                None => (0.0, 0.0, false),
            };
            match i {
                None => (r1, i1),
                Some(i) => {
                    // As CPython: the parts combine only when an argument is itself complex,
                    // so complex(1, -0.0) keeps its negative zero.
                    let (r2, i2, i_complex) = complex_arg(vm, i, false)?;
                    let re = if i_complex { r1 - i2 } else { r1 };
                    let im = if r_complex { r2 + i1 } else { r2 };
                    (re, im)
                }
            }
        }
    };
    let v = Value::complex(re, im);
    if Rc::ptr_eq(&cls, &vm.types.complex) {
        Ok(v)
    } else {
        Ok(vm.new_subclass_instance(&cls, v))
    }
}

fn me(vm: &mut Vm, args: &[Value], name: &str) -> PyResult<(f64, f64)> {
    match classify(&number::self_num(vm, args, 2, name)?) {
        Some(Num::C(r, i)) => Ok((r, i)),
        _ => Ok((0.0, 0.0)),
    }
}

fn c_real(vm: &mut Vm, args: &[Value], _kw: &[(Str, Value)]) -> PyResult {
    Ok(Value::Float(me(vm, args, "real")?.0))
}

fn c_imag(vm: &mut Vm, args: &[Value], _kw: &[(Str, Value)]) -> PyResult {
    Ok(Value::Float(me(vm, args, "imag")?.1))
}

fn c_conjugate(vm: &mut Vm, args: &[Value], _kw: &[(Str, Value)]) -> PyResult {
    let (r, i) = me(vm, args, "conjugate")?;
    Ok(Value::complex(r, -i))
}

fn c_abs(vm: &mut Vm, args: &[Value], _kw: &[(Str, Value)]) -> PyResult {
    let (r, i) = me(vm, args, "__abs__")?;
    complex_abs(vm, r, i)
}

fn c_neg(vm: &mut Vm, args: &[Value], _kw: &[(Str, Value)]) -> PyResult {
    let (r, i) = me(vm, args, "__neg__")?;
    Ok(Value::complex(-r, -i))
}

fn c_pos(vm: &mut Vm, args: &[Value], _kw: &[(Str, Value)]) -> PyResult {
    let (r, i) = me(vm, args, "__pos__")?;
    Ok(Value::complex(r, i))
}

fn c_bool(vm: &mut Vm, args: &[Value], _kw: &[(Str, Value)]) -> PyResult {
    let (r, i) = me(vm, args, "__bool__")?;
    Ok(Value::Bool(r != 0.0 || i != 0.0))
}

fn c_hash(vm: &mut Vm, args: &[Value], _kw: &[(Str, Value)]) -> PyResult {
    let (r, i) = me(vm, args, "__hash__")?;
    let v = Value::complex(r, i);
    Ok(Value::Int(vm.hash(&v)?))
}

fn c_format(vm: &mut Vm, args: &[Value], _kw: &[(Str, Value)]) -> PyResult {
    let (re, im) = me(vm, args, "__format__")?;
    let spec = args.get(1).cloned().unwrap_or(Value::str(""));
    let spec = String::from(vm.expect_str(&spec, "format spec")?);
    let s = crate::format::format_value(vm, &Value::complex(re, im), &spec)?;
    Ok(Value::Str(s))
}

fn c_repr(vm: &mut Vm, args: &[Value], _kw: &[(Str, Value)]) -> PyResult {
    let (r, i) = me(vm, args, "__repr__")?;
    Ok(Value::string(complex_repr(r, i)))
}

fn c_getnewargs(vm: &mut Vm, args: &[Value], _kw: &[(Str, Value)]) -> PyResult {
    let (r, i) = me(vm, args, "__getnewargs__")?;
    Ok(vm.new_tuple(alloc::vec![Value::Float(r), Value::Float(i)]))
}

macro_rules! complex_binops {
    ($(($f:ident, $rf:ident, $name:literal, $rname:literal, $op:expr)),* $(,)?) => {
        $(
            fn $f(vm: &mut Vm, args: &[Value], _kw: &[(Str, Value)]) -> PyResult {
                number::num_dunder(vm, args, $op, false, 2, $name)
            }
            fn $rf(vm: &mut Vm, args: &[Value], _kw: &[(Str, Value)]) -> PyResult {
                number::num_dunder(vm, args, $op, true, 2, $rname)
            }
        )*
        const COMPLEX_BINOPS: &[(&str, crate::value::NativeFn)] = &[$(($name, $f), ($rname, $rf)),*];
    };
}

complex_binops! {
    (c_add, c_radd, "__add__", "__radd__", BinOp::Add),
    (c_sub, c_rsub, "__sub__", "__rsub__", BinOp::Sub),
    (c_mul, c_rmul, "__mul__", "__rmul__", BinOp::Mult),
    (c_truediv, c_rtruediv, "__truediv__", "__rtruediv__", BinOp::Div),
    (c_pow, c_rpow, "__pow__", "__rpow__", BinOp::Pow),
}

fn c_eq(vm: &mut Vm, args: &[Value], _kw: &[(Str, Value)]) -> PyResult {
    number::num_cmp_dunder(vm, args, CmpOp::Eq, 2, "__eq__")
}

fn c_ne(vm: &mut Vm, args: &[Value], _kw: &[(Str, Value)]) -> PyResult {
    number::num_cmp_dunder(vm, args, CmpOp::NotEq, 2, "__ne__")
}

/// Add complex's methods to its type.
pub(crate) fn init(vm: &mut Vm) {
    let c = vm.types.complex.clone();
    types::add_static_methods(&c, &[("__new__", complex_new)]);
    types::add_methods(
        &c,
        &[
            ("conjugate", c_conjugate),
            ("__abs__", c_abs),
            ("__neg__", c_neg),
            ("__pos__", c_pos),
            ("__bool__", c_bool),
            ("__hash__", c_hash),
            ("__repr__", c_repr),
            ("__format__", c_format),
            ("__getnewargs__", c_getnewargs),
            ("__eq__", c_eq),
            ("__ne__", c_ne),
        ],
    );
    types::add_methods(&c, COMPLEX_BINOPS);
    types::set_attr(&c, "real", crate::objint::native_property("real", c_real));
    types::set_attr(&c, "imag", crate::objint::native_property("imag", c_imag));
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn repr_matches_cpython() {
        let nan = f64::NAN;
        let inf = f64::INFINITY;
        let cases = [
            ((1.0, 2.0), "(1+2j)"),
            ((0.0, 2.0), "2j"),
            ((-0.0, -1.0), "(-0-1j)"),
            ((0.0, -0.0), "-0j"),
            ((1.5, 0.0), "(1.5+0j)"),
            ((nan, inf), "(nan+infj)"),
            ((1.0, -nan), "(1+nanj)"),
            ((0.0, 1e16), "1e+16j"),
            ((0.0, 1e-5), "1e-05j"),
        ];
        for ((r, i), want) in cases {
            assert_eq!(complex_repr(r, i), want);
        }
    }

    #[test]
    fn parse_matches_cpython() {
        let cases: &[(&str, Option<(f64, f64)>)] = &[
            ("1+2j", Some((1.0, 2.0))),
            (" ( 1+2j ) ", Some((1.0, 2.0))),
            ("j", Some((0.0, 1.0))),
            ("-j", Some((0.0, -1.0))),
            ("+1.5e3-2.5E-2J", Some((1500.0, -0.025))),
            ("1e3j", Some((0.0, 1000.0))),
            ("1 + 2j", None),
            ("(1+2j", None),
            ("1+", None),
            ("+j", Some((0.0, 1.0))),
            ("1_0+2_0j", Some((10.0, 20.0))),
            ("infj", Some((0.0, f64::INFINITY))),
            ("-1.5", Some((-1.5, 0.0))),
            ("1e+5-3j", Some((100000.0, -3.0))),
            ("2-j", Some((2.0, -1.0))),
            ("(j)", Some((0.0, 1.0))),
            ("", None),
            ("()", None),
        ];
        for (s, want) in cases {
            assert_eq!(complex_from_str(s), *want, "{:?}", s);
        }
    }
}
