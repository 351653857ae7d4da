//! The `float` type: methods, constructor, and the shortest round-trip repr.

use alloc::format;
use alloc::rc::Rc;
use alloc::string::String;

use num_bigint::{BigInt, BigUint};
use num_integer::Integer;
use num_traits::{One, Signed, Zero};

use crate::ast::{BinOp, CmpOp};
use crate::number::{self, classify, Num};
use crate::types;
use crate::value::{PyObject, Str};
use crate::vm::Vm;
use crate::{PyResult, Value};

/// `repr()` of a float: the shortest string that round-trips, formatted as CPython does.
pub fn float_repr(x: f64) -> String {
    float_repr_ex(x, true)
}

/// The shortest round-trip digits of a finite non-zero float's magnitude and the decimal exponent
/// of the first digit.
fn shortest_digits(x: f64) -> (String, i32) {
    let s = format!("{:e}", libm::fabs(x));
    let (mant, exp) = s.split_once('e').unwrap_or((&s, "0"));
    let digits: String = mant.chars().filter(|c| c.is_ascii_digit()).collect();
    (digits, exp.parse::<i32>().unwrap_or(0))
}

/// CPython's `repr` style (`'r'` format); `add_dot0` appends `.0` to integral values in fixed
/// notation (float repr does, complex repr does not).
pub fn float_repr_ex(x: f64, add_dot0: bool) -> String {
    if x.is_nan() {
        return String::from("nan");
    }
    if x.is_infinite() {
        return String::from(if x > 0.0 { "inf" } else { "-inf" });
    }
    let mut out = String::new();
    if x.is_sign_negative() {
        out.push('-');
    }
    if x == 0.0 {
        out.push_str(if add_dot0 { "0.0" } else { "0" });
        return out;
    }
    let (d, n) = shortest_digits(x);
    let k = d.len() as i32;
    if !(-4..16).contains(&n) {
        out.push_str(&d[..1]);
        if k > 1 {
            out.push('.');
            out.push_str(&d[1..]);
        }
        out.push('e');
        out.push(if n < 0 { '-' } else { '+' });
        let a = n.unsigned_abs();
        if a < 10 {
            out.push('0');
        }
        out.push_str(&format!("{}", a));
    } else if n >= 0 {
        let int_len = (n + 1) as usize;
        if d.len() <= int_len {
            out.push_str(&d);
            for _ in d.len()..int_len {
                out.push('0');
            }
            if add_dot0 {
                out.push_str(".0");
            }
        } else {
            out.push_str(&d[..int_len]);
            out.push('.');
            out.push_str(&d[int_len..]);
        }
    } else {
        out.push_str("0.");
        for _ in 0..(-n - 1) {
            out.push('0');
        }
        out.push_str(&d);
    }
    out
}

/// Parse a float literal as `float(str)` does: surrounding whitespace, underscores between
/// digits, `inf`/`infinity`/`nan` in any case with a sign. None when invalid.
pub fn float_from_str(s: &str) -> Option<f64> {
    let t = s.trim_matches(|c: char| c.is_whitespace());
    let (neg, body) = match t.as_bytes().first() {
        Some(b'-') => (true, &t[1..]),
        Some(b'+') => (false, &t[1..]),
        _ => (false, t),
    };
    let lower = body.to_ascii_lowercase();
    let special = match lower.as_str() {
        "inf" | "infinity" => Some(f64::INFINITY),
        "nan" => Some(f64::NAN),
        _ => None,
    };
    if let Some(v) = special {
        return Some(if neg { -v } else { v });
    }
    // Only digits, '.', 'e', signs after 'e', and underscores between digits.
    let bytes = body.as_bytes();
    let mut clean = String::with_capacity(body.len() + 1);
    if neg {
        clean.push('-');
    }
    let mut seen_digit = false;
    for (i, &c) in bytes.iter().enumerate() {
        match c {
            b'0'..=b'9' => {
                seen_digit = true;
                clean.push(c as char);
            }
            b'_' => {
                let prev = if i > 0 { bytes[i - 1] } else { b'x' };
                let next = bytes.get(i + 1).copied().unwrap_or(b'x');
                if !prev.is_ascii_digit() || !next.is_ascii_digit() {
                    return None;
                }
            }
            b'.' | b'e' | b'E' | b'+' | b'-' => clean.push(c as char),
            _ => return None,
        }
    }
    if !seen_digit {
        return None;
    }
    clean.parse::<f64>().ok()
}

/// `round(x, ndigits)` for a float: ndigits None gives an int (round half to even); otherwise a
/// correctly rounded float, as CPython computes it.
pub fn float_round(vm: &mut Vm, x: f64, ndigits: &Value) -> PyResult {
    if ndigits.is_none() {
        return number::float_to_int(vm, libm::rint(x));
    }
    let nd = number::to_int_value(vm, ndigits)?;
    let nd = match classify(&nd) {
        Some(Num::I(n)) => n,
        Some(Num::B(b)) => {
            if b.is_negative() {
                i64::MIN
            } else {
                i64::MAX
            }
        }
        _ => 0,
    };
    Ok(Value::Float(round_float_digits(vm, x, nd)?))
}

/// `x` rounded to `nd` decimal digits, half to even on the exact binary value.
fn round_float_digits(vm: &mut Vm, x: f64, nd: i64) -> PyResult<f64> {
    if !x.is_finite() || x == 0.0 {
        return Ok(x);
    }
    if nd > 323 {
        return Ok(x);
    }
    if nd < -308 {
        return Ok(0.0 * x);
    }
    // x = m * 2**e exactly.
    let (m, e) = decompose(x);
    let ten = BigInt::from(10);
    let (num, den) = {
        let mut num = m;
        let mut den = BigInt::one();
        if e >= 0 {
            num <<= e as usize;
        } else {
            den <<= (-e) as usize;
        }
        if nd >= 0 {
            num *= num_traits::Pow::pow(&ten, nd as u64);
        } else {
            den *= num_traits::Pow::pow(&ten, nd.unsigned_abs());
        }
        (num, den)
    };
    let (mut q, r) = num.div_mod_floor(&den);
    let twice: BigInt = r * 2;
    if twice > den || (twice == den && q.is_odd()) {
        q += 1;
    }
    let (n2, d2) = if nd >= 0 {
        (q, num_traits::Pow::pow(&ten, nd as u64))
    } else {
        (
            q * num_traits::Pow::pow(&ten, nd.unsigned_abs()),
            BigInt::one(),
        )
    };
    match number::ratio_to_f64(&n2, &d2) {
        Some(f) => Ok(if f == 0.0 { libm::copysign(0.0, x) } else { f }),
        None => Err(vm.overflow_error("rounded value too large to represent")),
    }
}

/// A finite float as `m * 2**e` with integer m (sign included).
fn decompose(x: f64) -> (BigInt, i64) {
    let bits = x.to_bits();
    let exp = ((bits >> 52) & 0x7ff) as i64;
    let frac = bits & ((1u64 << 52) - 1);
    let (mant, e) = if exp == 0 {
        (frac, -1074)
    } else {
        (frac | (1u64 << 52), exp - 1075)
    };
    let m = BigInt::from(mant);
    (if x < 0.0 { -m } else { m }, e)
}

/// `x.as_integer_ratio()` as big ints.
pub fn float_ratio(x: f64) -> (BigInt, BigInt) {
    let (m, e) = decompose(x);
    if m.is_zero() {
        return (BigInt::zero(), BigInt::one());
    }
    let tz = m.trailing_zeros().unwrap_or(0) as i64;
    let (m, e) = if e < 0 {
        let s = tz.min(-e);
        (m >> (s as usize), e + s)
    } else {
        (m, e)
    };
    if e >= 0 {
        (m << (e as usize), BigInt::one())
    } else {
        (m, BigInt::one() << ((-e) as usize))
    }
}

/// `float.hex()`.
pub fn float_hex(x: f64) -> String {
    if x.is_nan() {
        return String::from("nan");
    }
    if x.is_infinite() {
        return String::from(if x > 0.0 { "inf" } else { "-inf" });
    }
    let sign = if x.is_sign_negative() { "-" } else { "" };
    if x == 0.0 {
        return format!("{}0x0.0p+0", sign);
    }
    let bits = x.to_bits();
    let exp = ((bits >> 52) & 0x7ff) as i64;
    let frac = bits & ((1u64 << 52) - 1);
    if exp == 0 {
        format!("{}0x0.{:013x}p-1022", sign, frac)
    } else {
        let e = exp - 1023;
        format!(
            "{}0x1.{:013x}p{}{}",
            sign,
            frac,
            if e >= 0 { "+" } else { "" },
            e
        )
    }
}

/// `float.fromhex(s)`; Err(true) for overflow, Err(false) for invalid syntax.
pub fn float_fromhex(s: &str) -> Result<f64, bool> {
    let t = s.trim_matches(|c: char| c.is_whitespace());
    let (neg, body) = match t.as_bytes().first() {
        Some(b'-') => (true, &t[1..]),
        Some(b'+') => (false, &t[1..]),
        _ => (false, t),
    };
    let lower = body.to_ascii_lowercase();
    let sgn = |v: f64| if neg { -v } else { v };
    match lower.as_str() {
        "inf" | "infinity" => return Ok(sgn(f64::INFINITY)),
        "nan" => return Ok(sgn(f64::NAN)),
        _ => {}
    }
    let b = lower.strip_prefix("0x").unwrap_or(&lower);
    let (mant, exp) = match b.split_once('p') {
        Some((m, e)) => (m, Some(e)),
        None => (b, None),
    };
    let (ip, fp) = match mant.split_once('.') {
        Some((i, f)) => (i, f),
        None => (mant, ""),
    };
    if ip.is_empty() && fp.is_empty() {
        return Err(false);
    }
    let mut m = BigUint::zero();
    for c in ip.chars().chain(fp.chars()) {
        let d = c.to_digit(16).ok_or(false)?;
        m = (m << 4usize) + BigUint::from(d);
    }
    let mut e: i64 = match exp {
        Some(es) => {
            let es2 = es.strip_prefix('+').unwrap_or(es);
            if es2.is_empty()
                || !es2
                    .trim_start_matches('-')
                    .bytes()
                    .all(|c| c.is_ascii_digit())
                || es2.starts_with("--")
            {
                return Err(false);
            }
            match es2.parse::<i64>() {
                Ok(v) => v.clamp(-1_000_000_000, 1_000_000_000),
                Err(_) => {
                    if es2.starts_with('-') {
                        -1_000_000_000
                    } else {
                        1_000_000_000
                    }
                }
            }
        }
        None => 0,
    };
    e -= 4 * fp.len() as i64;
    if m.is_zero() {
        return Ok(sgn(0.0));
    }
    let top = m.bits() as i64 + e;
    if top > 1025 {
        return Err(true);
    }
    if top < -1080 {
        return Ok(sgn(0.0));
    }
    let (num, den) = if e >= 0 {
        (BigInt::from(m << (e as usize)), BigInt::one())
    } else {
        (BigInt::from(m), BigInt::one() << ((-e) as usize))
    };
    match number::ratio_to_f64(&num, &den) {
        Some(f) => Ok(sgn(f)),
        None => Err(true),
    }
}

fn str_of_bytes(v: &Value) -> Option<String> {
    match v {
        Value::Obj(o) => match &**o {
            PyObject::Bytes(b) => Some(String::from_utf8_lossy(b).into_owned()),
            PyObject::ByteArray(b) => Some(String::from_utf8_lossy(&b.borrow()).into_owned()),
            _ => None,
        },
        _ => None,
    }
}

/// `float(x)`.
pub fn float_of(vm: &mut Vm, x: &Value) -> PyResult<f64> {
    match classify(x) {
        Some(Num::F(f)) => return Ok(f),
        Some(Num::I(i)) => return Ok(i as f64),
        Some(Num::B(_)) => return crate::objint::int_to_f64(vm, x),
        _ => {}
    }
    let text = match x {
        Value::Str(s) => Some(String::from(s.as_str())),
        _ => str_of_bytes(x),
    };
    if let Some(t) = text {
        return match float_from_str(&t) {
            Some(f) => Ok(f),
            None => {
                let r = match x {
                    Value::Str(_) => crate::objstr::str_repr(&t),
                    _ => vm.repr_string(x)?,
                };
                Err(vm.value_error(format!("could not convert string to float: {}", r)))
            }
        };
    }
    if matches!(x, Value::Obj(o) if matches!(&**o, PyObject::Instance(_) | PyObject::Native(_))) {
        let base = vm.builtin_base(x);
        if vm.lookup_special(x, "__float__").is_none()
            && vm.lookup_special(x, "__index__").is_none()
            && !base.is(x)
            && !base.is_none()
        {
            return float_of(vm, &base);
        }
        if vm.lookup_special(x, "__float__").is_some()
            || vm.lookup_special(x, "__index__").is_some()
        {
            return number::to_f64(vm, x);
        }
    }
    let tn = vm.type_name(x);
    Err(vm.type_error(format!(
        "float() argument must be a string or a real number, not '{}'",
        tn
    )))
}

fn float_new(vm: &mut Vm, args: &[Value], kwargs: &[(Str, Value)]) -> PyResult {
    let cls = match args.first() {
        Some(Value::Obj(c)) => c.clone(),
        _ => return Err(vm.type_error("float.__new__(X): X is not a type object")),
    };
    number::no_kwargs(vm, "float", kwargs)?;
    let rest = &args[1..];
    if rest.len() > 1 {
        return Err(vm.type_error(format!(
            "float expected at most 1 argument, got {}",
            rest.len()
        )));
    }
    let f = match rest.first() {
        None => 0.0,
        Some(x) => float_of(vm, x)?,
    };
    if Rc::ptr_eq(&cls, &vm.types.float) {
        Ok(Value::Float(f))
    } else {
        Ok(vm.new_subclass_instance(&cls, Value::Float(f)))
    }
}

fn me(vm: &mut Vm, args: &[Value], name: &str) -> PyResult<f64> {
    match number::self_num(vm, args, 1, name)? {
        Value::Float(f) => Ok(f),
        _ => Ok(0.0),
    }
}

fn f_is_integer(vm: &mut Vm, args: &[Value], _kw: &[(Str, Value)]) -> PyResult {
    let x = me(vm, args, "is_integer")?;
    Ok(Value::Bool(x.is_finite() && libm::trunc(x) == x))
}

fn f_as_integer_ratio(vm: &mut Vm, args: &[Value], _kw: &[(Str, Value)]) -> PyResult {
    let x = me(vm, args, "as_integer_ratio")?;
    if x.is_nan() {
        return Err(vm.value_error("cannot convert NaN to integer ratio"));
    }
    if x.is_infinite() {
        return Err(vm.overflow_error("cannot convert Infinity to integer ratio"));
    }
    let (n, d) = float_ratio(x);
    Ok(vm.new_tuple(alloc::vec![Value::from_bigint(n), Value::from_bigint(d)]))
}

fn f_hex(vm: &mut Vm, args: &[Value], _kw: &[(Str, Value)]) -> PyResult {
    let x = me(vm, args, "hex")?;
    Ok(Value::string(float_hex(x)))
}

fn f_fromhex(vm: &mut Vm, args: &[Value], _kw: &[(Str, Value)]) -> PyResult {
    let cls = args.first().cloned().unwrap_or(Value::None);
    let s = match args.get(1) {
        Some(Value::Str(s)) => s.clone(),
        Some(o) => {
            let tn = vm.type_name(o);
            return Err(vm.type_error(format!("fromhex() argument must be str, not {}", tn)));
        }
        None => return Err(vm.type_error("fromhex() takes exactly one argument (0 given)")),
    };
    let f = match float_fromhex(s.as_str()) {
        Ok(f) => f,
        Err(true) => {
            return Err(vm.overflow_error("hexadecimal value too large to represent as a float"))
        }
        Err(false) => return Err(vm.value_error("invalid hexadecimal floating-point string")),
    };
    match &cls {
        Value::Obj(c) if !Rc::ptr_eq(c, &vm.types.float) && matches!(&**c, PyObject::Type(_)) => {
            vm.call(&cls, &[Value::Float(f)])
        }
        _ => Ok(Value::Float(f)),
    }
}

fn f_identity(vm: &mut Vm, args: &[Value], _kw: &[(Str, Value)]) -> PyResult {
    Ok(Value::Float(me(vm, args, "conjugate")?))
}

fn f_zero(vm: &mut Vm, args: &[Value], _kw: &[(Str, Value)]) -> PyResult {
    me(vm, args, "imag")?;
    Ok(Value::Float(0.0))
}

fn f_round(vm: &mut Vm, args: &[Value], _kw: &[(Str, Value)]) -> PyResult {
    let x = me(vm, args, "__round__")?;
    let nd = args.get(1).cloned().unwrap_or(Value::None);
    float_round(vm, x, &nd)
}

fn f_trunc(vm: &mut Vm, args: &[Value], _kw: &[(Str, Value)]) -> PyResult {
    let x = me(vm, args, "__trunc__")?;
    number::float_to_int(vm, x)
}

fn f_floor(vm: &mut Vm, args: &[Value], _kw: &[(Str, Value)]) -> PyResult {
    let x = me(vm, args, "__floor__")?;
    number::float_to_int(vm, libm::floor(x))
}

fn f_ceil(vm: &mut Vm, args: &[Value], _kw: &[(Str, Value)]) -> PyResult {
    let x = me(vm, args, "__ceil__")?;
    number::float_to_int(vm, libm::ceil(x))
}

fn f_abs(vm: &mut Vm, args: &[Value], _kw: &[(Str, Value)]) -> PyResult {
    Ok(Value::Float(libm::fabs(me(vm, args, "__abs__")?)))
}

fn f_neg(vm: &mut Vm, args: &[Value], _kw: &[(Str, Value)]) -> PyResult {
    Ok(Value::Float(-me(vm, args, "__neg__")?))
}

fn f_pos(vm: &mut Vm, args: &[Value], _kw: &[(Str, Value)]) -> PyResult {
    Ok(Value::Float(me(vm, args, "__pos__")?))
}

fn f_bool(vm: &mut Vm, args: &[Value], _kw: &[(Str, Value)]) -> PyResult {
    Ok(Value::Bool(me(vm, args, "__bool__")? != 0.0))
}

fn f_hash(vm: &mut Vm, args: &[Value], _kw: &[(Str, Value)]) -> PyResult {
    Ok(Value::Int(crate::hash::hash_float(me(
        vm, args, "__hash__",
    )?)))
}

fn f_repr(vm: &mut Vm, args: &[Value], _kw: &[(Str, Value)]) -> PyResult {
    Ok(Value::string(float_repr(me(vm, args, "__repr__")?)))
}

fn f_getnewargs(vm: &mut Vm, args: &[Value], _kw: &[(Str, Value)]) -> PyResult {
    let x = me(vm, args, "__getnewargs__")?;
    Ok(vm.new_tuple(alloc::vec![Value::Float(x)]))
}

fn f_format(vm: &mut Vm, args: &[Value], _kw: &[(Str, Value)]) -> PyResult {
    let x = me(vm, args, "__format__")?;
    let spec = args.get(1).cloned().unwrap_or(Value::str(""));
    let spec = String::from(vm.expect_str(&spec, "format spec")?);
    let s = crate::format::format_value(vm, &Value::Float(x), &spec)?;
    Ok(Value::Str(s))
}

fn f_divmod(vm: &mut Vm, args: &[Value], _kw: &[(Str, Value)]) -> PyResult {
    let a = Value::Float(me(vm, args, "__divmod__")?);
    let b = vm.builtin_base(args.get(1).unwrap_or(&Value::None));
    if !matches!(classify(&b), Some(Num::I(_) | Num::B(_) | Num::F(_))) {
        return Ok(Value::NotImplemented);
    }
    number::num_divmod(vm, &a, &b).unwrap_or(Ok(Value::NotImplemented))
}

fn f_rdivmod(vm: &mut Vm, args: &[Value], _kw: &[(Str, Value)]) -> PyResult {
    let a = Value::Float(me(vm, args, "__rdivmod__")?);
    let b = vm.builtin_base(args.get(1).unwrap_or(&Value::None));
    if !matches!(classify(&b), Some(Num::I(_) | Num::B(_) | Num::F(_))) {
        return Ok(Value::NotImplemented);
    }
    number::num_divmod(vm, &b, &a).unwrap_or(Ok(Value::NotImplemented))
}

macro_rules! float_binops {
    ($(($f:ident, $rf:ident, $name:literal, $rname:literal, $op:expr)),* $(,)?) => {
        $(
            fn $f(vm: &mut Vm, args: &[Value], _kw: &[(Str, Value)]) -> PyResult {
                number::num_dunder(vm, args, $op, false, 1, $name)
            }
            fn $rf(vm: &mut Vm, args: &[Value], _kw: &[(Str, Value)]) -> PyResult {
                number::num_dunder(vm, args, $op, true, 1, $rname)
            }
        )*
        const FLOAT_BINOPS: &[(&str, crate::value::NativeFn)] = &[$(($name, $f), ($rname, $rf)),*];
    };
}

float_binops! {
    (f_add, f_radd, "__add__", "__radd__", BinOp::Add),
    (f_sub, f_rsub, "__sub__", "__rsub__", BinOp::Sub),
    (f_mul, f_rmul, "__mul__", "__rmul__", BinOp::Mult),
    (f_truediv, f_rtruediv, "__truediv__", "__rtruediv__", BinOp::Div),
    (f_floordiv, f_rfloordiv, "__floordiv__", "__rfloordiv__", BinOp::FloorDiv),
    (f_mod, f_rmod, "__mod__", "__rmod__", BinOp::Mod),
    (f_pow, f_rpow, "__pow__", "__rpow__", BinOp::Pow),
}

macro_rules! float_cmps {
    ($(($f:ident, $name:literal, $op:expr)),* $(,)?) => {
        $(
            fn $f(vm: &mut Vm, args: &[Value], _kw: &[(Str, Value)]) -> PyResult {
                number::num_cmp_dunder(vm, args, $op, 1, $name)
            }
        )*
        const FLOAT_CMPS: &[(&str, crate::value::NativeFn)] = &[$(($name, $f)),*];
    };
}

float_cmps! {
    (f_lt, "__lt__", CmpOp::Lt),
    (f_le, "__le__", CmpOp::LtE),
    (f_eq, "__eq__", CmpOp::Eq),
    (f_ne, "__ne__", CmpOp::NotEq),
    (f_gt, "__gt__", CmpOp::Gt),
    (f_ge, "__ge__", CmpOp::GtE),
}

/// Add float's methods to its type.
pub(crate) fn init(vm: &mut Vm) {
    let float = vm.types.float.clone();
    types::add_static_methods(&float, &[("__new__", float_new)]);
    types::add_class_methods(&float, &[("fromhex", f_fromhex)]);
    types::add_methods(
        &float,
        &[
            ("is_integer", f_is_integer),
            ("as_integer_ratio", f_as_integer_ratio),
            ("hex", f_hex),
            ("conjugate", f_identity),
            ("__round__", f_round),
            ("__trunc__", f_trunc),
            ("__int__", f_trunc),
            ("__floor__", f_floor),
            ("__ceil__", f_ceil),
            ("__float__", f_identity),
            ("__abs__", f_abs),
            ("__neg__", f_neg),
            ("__pos__", f_pos),
            ("__bool__", f_bool),
            ("__hash__", f_hash),
            ("__repr__", f_repr),
            ("__getnewargs__", f_getnewargs),
            ("__format__", f_format),
            ("__divmod__", f_divmod),
            ("__rdivmod__", f_rdivmod),
        ],
    );
    types::add_methods(&float, FLOAT_BINOPS);
    types::add_methods(&float, FLOAT_CMPS);
    types::set_attr(
        &float,
        "real",
        crate::objint::native_property("real", f_identity),
    );
    types::set_attr(
        &float,
        "imag",
        crate::objint::native_property("imag", f_zero),
    );
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::number::tests::new_vm;
    use alloc::string::ToString;

    const FLOAT_REPRS: &[(u64, &str)] = &[
        (0x0000000000000000, "0.0"),
        (0x8000000000000000, "-0.0"),
        (0x3ff0000000000000, "1.0"),
        (0xbff8000000000000, "-1.5"),
        (0x3fb999999999999a, "0.1"),
        (0x3fd5555555555555, "0.3333333333333333"),
        (0x4341c37937e08000, "1e+16"),
        (0x430c6bf526340000, "1000000000000000.0"),
        (0x42dc12218377de40, "123456789012345.0"),
        (0x43118b54f22aeb00, "1234567890123456.0"),
        (0x3f1a36e2eb1c432d, "0.0001"),
        (0x3ee4f8b588e368f1, "1e-05"),
        (0x3eef75104d551d69, "1.5e-05"),
        (0x3e7ad7f29abcaf48, "1e-07"),
        (0x4480f0cf064dd592, "1e+22"),
        (0x54b249ad2594c37d, "1e+100"),
        (0x0000000000000001, "5e-324"),
        (0x0010000000000000, "2.2250738585072014e-308"),
        (0x7fefffffffffffff, "1.7976931348623157e+308"),
        (0x7ff0000000000000, "inf"),
        (0xfff0000000000000, "-inf"),
        (0x7ff8000000000000, "nan"),
        (0x3fd3333333333334, "0.30000000000000004"),
        (0x4341c37937e08000, "1e+16"),
        (0x4059000000000000, "100.0"),
        (0x4004000000000000, "2.5"),
        (0x000012688b70e62b, "1e-310"),
        (0x410e015b1e44aa00, "245803.3897794038"),
        (0x411d83d7ea018780, "483573.9785214588"),
        (0x412204664323a76c, "590387.1311313934"),
        (0x412b01492296737a, "884900.5675541006"),
        (0x411d48d499113fb0, "479797.1494798614"),
        (0x39e7623b422b68d6, "9.223249966654169e-30"),
        (0x43dd27ca687c8d4a, "8.403481205226678e+18"),
        (0x4235f6d81d93d4d5, "94335671699.83138"),
        (0x3b8396f060e092bc, "5.185325369909765e-22"),
        (0x3fbcfb10ebe5bb28, "0.11320596465314436"),
        (0x3ead23e3c20dd9d9, "8.684454578650952e-07"),
        (0x41209821b7edc599, "543760.8592359304"),
        (0x4321b74c9d51aae4, "2493307144426866.0"),
    ];
    const FLOAT_HEX: &[(u64, &str)] = &[
        (0x0000000000000000, "0x0.0p+0"),
        (0x8000000000000000, "-0x0.0p+0"),
        (0x3ff0000000000000, "0x1.0000000000000p+0"),
        (0xbff8000000000000, "-0x1.8000000000000p+0"),
        (0x3fb999999999999a, "0x1.999999999999ap-4"),
        (0x3fd5555555555555, "0x1.5555555555555p-2"),
        (0x4341c37937e08000, "0x1.1c37937e08000p+53"),
        (0x430c6bf526340000, "0x1.c6bf526340000p+49"),
        (0x42dc12218377de40, "0x1.c12218377de40p+46"),
        (0x43118b54f22aeb00, "0x1.18b54f22aeb00p+50"),
        (0x3f1a36e2eb1c432d, "0x1.a36e2eb1c432dp-14"),
        (0x3ee4f8b588e368f1, "0x1.4f8b588e368f1p-17"),
        (0x3eef75104d551d69, "0x1.f75104d551d69p-17"),
        (0x3e7ad7f29abcaf48, "0x1.ad7f29abcaf48p-24"),
        (0x4480f0cf064dd592, "0x1.0f0cf064dd592p+73"),
        (0x54b249ad2594c37d, "0x1.249ad2594c37dp+332"),
        (0x0000000000000001, "0x0.0000000000001p-1022"),
        (0x0010000000000000, "0x1.0000000000000p-1022"),
        (0x7fefffffffffffff, "0x1.fffffffffffffp+1023"),
        (0x7ff0000000000000, "inf"),
        (0xfff0000000000000, "-inf"),
        (0x7ff8000000000000, "nan"),
        (0x3fd3333333333334, "0x1.3333333333334p-2"),
        (0x4341c37937e08000, "0x1.1c37937e08000p+53"),
        (0x4059000000000000, "0x1.9000000000000p+6"),
        (0x4004000000000000, "0x1.4000000000000p+1"),
        (0x000012688b70e62b, "0x0.012688b70e62bp-1022"),
        (0x410e015b1e44aa00, "0x1.e015b1e44aa00p+17"),
        (0x411d83d7ea018780, "0x1.d83d7ea018780p+18"),
        (0x412204664323a76c, "0x1.204664323a76cp+19"),
        (0x412b01492296737a, "0x1.b01492296737ap+19"),
        (0x411d48d499113fb0, "0x1.d48d499113fb0p+18"),
        (0x39e7623b422b68d6, "0x1.7623b422b68d6p-97"),
        (0x43dd27ca687c8d4a, "0x1.d27ca687c8d4ap+62"),
        (0x4235f6d81d93d4d5, "0x1.5f6d81d93d4d5p+36"),
        (0x3b8396f060e092bc, "0x1.396f060e092bcp-71"),
        (0x3fbcfb10ebe5bb28, "0x1.cfb10ebe5bb28p-4"),
        (0x3ead23e3c20dd9d9, "0x1.d23e3c20dd9d9p-21"),
        (0x41209821b7edc599, "0x1.09821b7edc599p+19"),
        (0x4321b74c9d51aae4, "0x1.1b74c9d51aae4p+51"),
    ];
    const FLOAT_ROUNDS: &[(u64, i64, &str)] = &[
        (0x4005666666666666, 2, "2.67"),
        (0x3fe0000000000000, i64::MIN, "0"),
        (0x3ff8000000000000, i64::MIN, "2"),
        (0xbfe0000000000000, i64::MIN, "0"),
        (0xbfe0000000000000, 0, "-0.0"),
        (0x4004000000000000, i64::MIN, "2"),
        (0x3fc0000000000000, 2, "0.12"),
        (0x40c81cd6c8b43958, -2, "12300.0"),
        (0x7e37e43c8800759c, -300, "1e+300"),
        (0x0000000000000001, 323, "0.0"),
        (0x3ff4000000000000, 1, "1.2"),
        (0xbff599999999999a, 1, "-1.4"),
        (0x405edd2f1a9fbe77, -1, "120.0"),
        (0x3fd23d70a3d70a3d, 2, "0.28"),
        (0x4341c37937e08001, i64::MIN, "10000000000000002"),
        (0x400921f9f01b866e, 3, "3.142"),
        (0x402e000000000000, -1, "20.0"),
        (0x4039000000000000, -1, "20.0"),
        (0x4480f0cf064dd592, -22, "1e+22"),
        (0x44afc3842bd1f072, -23, "1e+23"),
    ];

    #[test]
    fn repr_matches_cpython() {
        for (bits, want) in FLOAT_REPRS {
            assert_eq!(float_repr(f64::from_bits(*bits)), *want);
        }
    }

    #[test]
    fn hex_matches_cpython_and_round_trips() {
        for (bits, want) in FLOAT_HEX {
            let x = f64::from_bits(*bits);
            assert_eq!(float_hex(x), *want);
            let back = float_fromhex(want).expect("fromhex");
            assert!(
                back.to_bits() == x.to_bits() || (x.is_nan() && back.is_nan()),
                "{}",
                want
            );
        }
        assert_eq!(float_fromhex("0x1.8p1"), Ok(3.0));
        assert_eq!(float_fromhex("  -0X.8P-1  "), Ok(-0.25));
        assert_eq!(float_fromhex("0x1p-1075"), Ok(0.0));
        assert_eq!(float_fromhex("0x3p-1076"), Ok(1e-323 / 2.0));
        assert_eq!(float_fromhex("0x1p1024"), Err(true));
        assert_eq!(float_fromhex("0x1.g"), Err(false));
    }

    #[test]
    fn round_matches_cpython() {
        let mut vm = new_vm();
        for (bits, nd, want) in FLOAT_ROUNDS {
            let nd = if *nd == i64::MIN {
                Value::None
            } else {
                Value::Int(*nd)
            };
            let r = float_round(&mut vm, f64::from_bits(*bits), &nd).expect("round");
            let got = crate::number::tests::repr_num(&r);
            assert_eq!(got, *want, "round({}, {:?})", f64::from_bits(*bits), nd);
        }
    }

    #[test]
    fn parse_like_cpython() {
        assert_eq!(float_from_str(" 1_000.5 "), Some(1000.5));
        assert_eq!(float_from_str("-InFiNiTy"), Some(f64::NEG_INFINITY));
        assert!(float_from_str("nan").map(|x| x.is_nan()).unwrap_or(false));
        assert_eq!(float_from_str(".5"), Some(0.5));
        assert_eq!(float_from_str("5."), Some(5.0));
        assert_eq!(float_from_str("1e-5"), Some(1e-5));
        for bad in [
            "", "abc", "1__0", "_1", "1_", "1e", "0x10", "1.5.5", "--1", "infinit", "1_.5",
        ] {
            assert_eq!(float_from_str(bad), None, "{}", bad);
        }
        let (n, d) = float_ratio(0.1);
        assert_eq!(
            (n.to_string(), d.to_string()),
            ("3602879701896397".into(), "36028797018963968".into())
        );
        let (n, d) = float_ratio(-8.0);
        assert_eq!((n.to_string(), d.to_string()), ("-8".into(), "1".into()));
    }
}
