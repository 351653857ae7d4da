//! Arithmetic and comparison between numbers (int, bool, big int, float, complex), with CPython's
//! semantics: exact big-int promotion, correctly rounded int true division, Python's floor
//! division and modulo sign rules, exact int/float comparisons; plus the numeric builtins
//! (`abs`, `divmod`, `pow`, `round`, `bin`, `oct`, `hex`) and shared argument helpers.

use alloc::format;
use alloc::string::String;
use alloc::vec;
use alloc::vec::Vec;
use core::cmp::Ordering;

use num_bigint::{BigInt, BigUint, Sign};
use num_integer::Integer;
use num_traits::{One, Signed, ToPrimitive, Zero};

use crate::ast::{BinOp, CmpOp};
use crate::exceptions::ExcKind;
use crate::value::{PyObject, Str};
use crate::vm::Vm;
use crate::{PyErr, PyResult, Value};

/// Results of `**` and `<<` larger than this many bits raise MemoryError instead of being computed.
pub const MAX_RESULT_BITS: u64 = 100_000_000;

/// A number seen through its numeric kind (bools are ints).
#[derive(Clone, Copy)]
pub enum Num<'a> {
    /// A small int (or bool).
    I(i64),
    /// A big int.
    B(&'a BigInt),
    /// A float.
    F(f64),
    /// A complex (real, imag).
    C(f64, f64),
}

/// The numeric kind of a built-in number value; None for anything else.
#[inline]
pub fn classify(v: &Value) -> Option<Num<'_>> {
    match v {
        Value::Int(i) => Some(Num::I(*i)),
        Value::Bool(b) => Some(Num::I(*b as i64)),
        Value::Float(f) => Some(Num::F(*f)),
        Value::Obj(o) => match &**o {
            PyObject::BigInt(b) => Some(Num::B(b)),
            PyObject::Complex(r, i) => Some(Num::C(*r, *i)),
            _ => None,
        },
        _ => None,
    }
}

impl Num<'_> {
    /// 0 for ints, 1 for floats, 2 for complex.
    fn level(&self) -> u8 {
        match self {
            Num::I(_) | Num::B(_) => 0,
            Num::F(_) => 1,
            Num::C(..) => 2,
        }
    }
    fn to_big(self) -> BigInt {
        match self {
            Num::I(i) => BigInt::from(i),
            Num::B(b) => b.clone(),
            _ => BigInt::zero(),
        }
    }
}

/// Is `v` an int (small, big or bool)?
#[inline]
pub fn is_int(v: &Value) -> bool {
    matches!(classify(v), Some(Num::I(_) | Num::B(_)))
}

// ----- conversions ---------------------------------------------------------------------------

/// A big int to the nearest float (round half to even); None when it is too large.
pub fn bigint_to_f64(b: &BigInt) -> Option<f64> {
    let f = b.to_f64()?;
    if f.is_finite() {
        Some(f)
    } else {
        None
    }
}

/// The float value of an int-like number, or OverflowError "int too large to convert to float".
fn num_to_f64(vm: &mut Vm, n: Num) -> PyResult<f64> {
    match n {
        Num::I(i) => Ok(i as f64),
        Num::B(b) => {
            bigint_to_f64(b).ok_or_else(|| vm.overflow_error("int too large to convert to float"))
        }
        Num::F(f) => Ok(f),
        Num::C(r, _) => Ok(r),
    }
}

/// The exact integer value of a finite float, truncated toward zero.
pub fn f64_to_bigint(x: f64) -> BigInt {
    if !x.is_finite() {
        return BigInt::zero();
    }
    let bits = x.to_bits();
    let exp = ((bits >> 52) & 0x7ff) as i64;
    let frac = bits & ((1u64 << 52) - 1);
    let mant = if exp == 0 {
        frac << 1
    } else {
        frac | (1u64 << 52)
    };
    let e = exp - 1075;
    let m = if e >= 0 {
        BigInt::from(mant) << (e as usize)
    } else if -e >= 64 {
        BigInt::zero()
    } else {
        BigInt::from(mant >> (-e) as u32)
    };
    if x < 0.0 {
        -m
    } else {
        m
    }
}

/// `int(x)` for a float: truncation, with CPython's errors for NaN and infinities.
pub fn float_to_int(vm: &mut Vm, x: f64) -> PyResult {
    if x.is_nan() {
        return Err(vm.value_error("cannot convert float NaN to integer"));
    }
    if x.is_infinite() {
        return Err(vm.overflow_error("cannot convert float infinity to integer"));
    }
    if x > -9.2e18 && x < 9.2e18 {
        return Ok(Value::Int(x as i64));
    }
    Ok(Value::from_bigint(f64_to_bigint(x)))
}

/// The correctly rounded float nearest to `a / b` (`b` non-zero); None on overflow.
pub fn ratio_to_f64(a: &BigInt, b: &BigInt) -> Option<f64> {
    const MIN_EXP: i64 = -1021;
    const MANT: i64 = 53;
    const MAX_EXP: i64 = 1024;
    let neg = (a.sign() == Sign::Minus) != (b.sign() == Sign::Minus);
    let sign = |x: f64| if neg { -x } else { x };
    let (am, bm) = (a.magnitude(), b.magnitude());
    if am.is_zero() {
        return Some(sign(0.0));
    }
    if bm.is_zero() {
        return None;
    }
    let (ab, bb) = (am.bits() as i64, bm.bits() as i64);
    if ab <= 53 && bb <= 53 {
        let (x, y) = (
            am.to_u64().unwrap_or(0) as f64,
            bm.to_u64().unwrap_or(1) as f64,
        );
        return Some(sign(x / y));
    }
    let diff = ab - bb;
    if diff > MAX_EXP {
        return None;
    }
    if diff < MIN_EXP - MANT - 1 {
        return Some(sign(0.0));
    }
    let shift = diff.max(MIN_EXP) - MANT - 2;
    let mut inexact = false;
    let x = if shift <= 0 {
        am << ((-shift) as usize)
    } else {
        let s = shift as u64;
        if am.trailing_zeros().unwrap_or(0) < s {
            inexact = true;
        }
        am >> (s as usize)
    };
    let (q, r) = x.div_rem(bm);
    if !r.is_zero() {
        inexact = true;
    }
    let q = q.to_u64()?;
    let x_bits = 64 - q.leading_zeros() as i64;
    let extra = x_bits.max(MIN_EXP - shift) - MANT;
    if !(1..=62).contains(&extra) {
        return Some(sign(libm::ldexp(q as f64, shift as i32)));
    }
    let mask = 1u64 << (extra - 1);
    let low = q | inexact as u64;
    let q = if low & mask != 0 && low & (3 * mask - 1) != 0 {
        low + mask
    } else {
        low
    } & !(2 * mask - 1);
    let dx = q as f64;
    if shift + x_bits >= MAX_EXP
        && (shift + x_bits > MAX_EXP || dx == libm::ldexp(1.0, x_bits as i32))
    {
        return None;
    }
    Some(sign(libm::ldexp(dx, shift as i32)))
}

/// A float from any real number: int, bool, float, or an object with `__float__` / `__index__`.
/// TypeError "must be real number, not str" otherwise.
pub fn to_f64(vm: &mut Vm, v: &Value) -> PyResult<f64> {
    match classify(v) {
        Some(Num::F(f)) => return Ok(f),
        Some(n @ (Num::I(_) | Num::B(_))) => return num_to_f64(vm, n),
        _ => {}
    }
    if matches!(v, Value::Obj(o) if matches!(&**o, PyObject::Instance(_) | PyObject::Native(_))) {
        if let Some(r) = vm.call_special(v, "__float__", &[]) {
            let r = r?;
            let b = vm.builtin_base(&r);
            return match b {
                Value::Float(f) => Ok(f),
                _ => {
                    let tn = vm.type_name(&r);
                    Err(vm.type_error(format!(
                        "{}.__float__ returned non-float (type {})",
                        vm.type_name(v),
                        tn
                    )))
                }
            };
        }
        if let Some(r) = vm.call_special(v, "__index__", &[]) {
            let r = r?;
            let b = vm.builtin_base(&r);
            if let Some(n @ (Num::I(_) | Num::B(_))) = classify(&b) {
                return num_to_f64(vm, n);
            }
            let tn = vm.type_name(&r);
            return Err(vm.type_error(format!("__index__ returned non-int (type {})", tn)));
        }
        let base = vm.builtin_base(v);
        if !base.is(v) && !base.is_none() {
            return to_f64(vm, &base);
        }
    }
    let tn = vm.type_name(v);
    Err(vm.type_error(format!("must be real number, not {}", tn)))
}

/// An int value (`Value::Int` or big int) from an int, bool, int subclass, or `__index__`.
pub fn to_int_value(vm: &mut Vm, v: &Value) -> PyResult {
    match v {
        Value::Int(_) => return Ok(v.clone()),
        Value::Bool(b) => return Ok(Value::Int(*b as i64)),
        Value::Obj(o) => match &**o {
            PyObject::BigInt(_) => return Ok(v.clone()),
            PyObject::Instance(_) | PyObject::Native(_) => {
                let base = vm.builtin_base(v);
                if is_int(&base) {
                    return to_int_value(vm, &base);
                }
                if let Some(r) = vm.call_special(v, "__index__", &[]) {
                    let r = r?;
                    let b = vm.builtin_base(&r);
                    if is_int(&b) {
                        return to_int_value(vm, &b);
                    }
                    let tn = vm.type_name(&r);
                    return Err(vm.type_error(format!("__index__ returned non-int (type {})", tn)));
                }
            }
            _ => {}
        },
        _ => {}
    }
    let tn = vm.type_name(v);
    Err(vm.type_error(format!(
        "'{}' object cannot be interpreted as an integer",
        tn
    )))
}

// ----- argument helpers ----------------------------------------------------------------------

/// Match positional and keyword arguments to parameter `names`; the first `posonly` names cannot
/// be given by keyword and names from `kwonly_from` on cannot be given by position. Missing
/// arguments are None; `required` is how many leading ones must be present.
pub(crate) fn parse_args(
    vm: &mut Vm,
    fname: &str,
    args: &[Value],
    kwargs: &[(Str, Value)],
    names: &[&str],
    posonly: usize,
    kwonly_from: usize,
    required: usize,
) -> PyResult<Vec<Option<Value>>> {
    let mut out: Vec<Option<Value>> = vec![None; names.len()];
    if args.len() > kwonly_from {
        let n = kwonly_from;
        let msg = if n == required {
            format!(
                "{}() takes exactly {} argument{} ({} given)",
                fname,
                n,
                if n == 1 { "" } else { "s" },
                args.len()
            )
        } else {
            format!(
                "{}() takes at most {} argument{} ({} given)",
                fname,
                n,
                if n == 1 { "" } else { "s" },
                args.len()
            )
        };
        return Err(vm.type_error(msg));
    }
    for (i, a) in args.iter().enumerate() {
        out[i] = Some(a.clone());
    }
    for (k, v) in kwargs {
        match names.iter().position(|n| *n == k.as_str()) {
            Some(i) if i >= posonly => {
                if out[i].is_some() {
                    return Err(vm.type_error(format!(
                        "argument for {}() given by name ('{}') and position ({})",
                        fname,
                        k.as_str(),
                        i + 1
                    )));
                }
                out[i] = Some(v.clone());
            }
            _ => {
                return Err(vm.type_error(format!(
                    "'{}' is an invalid keyword argument for {}()",
                    k.as_str(),
                    fname
                )));
            }
        }
    }
    for (i, o) in out.iter().enumerate().take(required) {
        if o.is_none() {
            return Err(vm.type_error(format!(
                "{}() missing required argument '{}' (pos {})",
                fname,
                names[i],
                i + 1
            )));
        }
    }
    Ok(out)
}

/// TypeError unless a native got no keyword arguments.
pub(crate) fn no_kwargs(vm: &mut Vm, fname: &str, kwargs: &[(Str, Value)]) -> PyResult<()> {
    if kwargs.is_empty() {
        Ok(())
    } else {
        Err(vm.type_error(format!("{}() takes no keyword arguments", fname)))
    }
}

/// TypeError unless a native got between `min` and `max` positional arguments.
pub(crate) fn check_nargs(
    vm: &mut Vm,
    fname: &str,
    args: &[Value],
    min: usize,
    max: usize,
) -> PyResult<()> {
    let n = args.len();
    if n >= min && n <= max {
        return Ok(());
    }
    let msg = if min == max {
        if min == 0 {
            format!("{}() takes no arguments ({} given)", fname, n)
        } else if min == 1 {
            format!("{}() takes exactly one argument ({} given)", fname, n)
        } else {
            format!("{} expected {} arguments, got {}", fname, min, n)
        }
    } else if n < min {
        format!(
            "{} expected at least {} argument{}, got {}",
            fname,
            min,
            if min == 1 { "" } else { "s" },
            n
        )
    } else {
        format!(
            "{} expected at most {} argument{}, got {}",
            fname,
            max,
            if max == 1 { "" } else { "s" },
            n
        )
    };
    Err(vm.type_error(msg))
}

// ----- binary operators ----------------------------------------------------------------------

/// `a OP b` when both are numbers; None when either is not a number (or the operator does not
/// apply to these kinds, e.g. `@` or `1.0 & 2`), so the caller tries dunders or raises TypeError.
pub fn binop(vm: &mut Vm, op: BinOp, a: &Value, b: &Value) -> Option<PyResult> {
    if let (Value::Bool(x), Value::Bool(y)) = (a, b) {
        match op {
            BinOp::BitAnd => return Some(Ok(Value::Bool(*x & *y))),
            BinOp::BitOr => return Some(Ok(Value::Bool(*x | *y))),
            BinOp::BitXor => return Some(Ok(Value::Bool(*x ^ *y))),
            _ => {}
        }
    }
    let x = classify(a)?;
    let y = classify(b)?;
    if op == BinOp::MatMult {
        return None;
    }
    match x.level().max(y.level()) {
        0 => Some(int_op(vm, op, x, y)),
        1 => float_op(vm, op, x, y),
        _ => complex_op(vm, op, x, y),
    }
}

fn int_op(vm: &mut Vm, op: BinOp, a: Num, b: Num) -> PyResult {
    if let (Num::I(x), Num::I(y)) = (a, b) {
        if let Some(r) = small_int_op(vm, op, x, y) {
            return r;
        }
    }
    let (bx, by);
    let x = match a {
        Num::B(b) => b,
        n => {
            bx = n.to_big();
            &bx
        }
    };
    let y = match b {
        Num::B(b) => b,
        n => {
            by = n.to_big();
            &by
        }
    };
    big_int_op(vm, op, x, y)
}

/// Divisors shorter than this many bits go to num-bigint's division (long division: fast).
const SHORT_DIV_MIN_BITS: u64 = 2048;

/// Bits `s..s + 128` of `x` (`x >> s` truncated to 128 bits).
fn bits_at(x: &BigUint, s: u64) -> u128 {
    let mut it = x.iter_u64_digits();
    let idx = (s / 64) as usize;
    let off = (s % 64) as u32;
    let d0 = it.nth(idx).unwrap_or(0) as u128;
    let d1 = it.next().unwrap_or(0) as u128;
    let d2 = it.next().unwrap_or(0) as u128;
    let w = d0 | (d1 << 64);
    if off == 0 {
        w
    } else {
        (w >> off) | (d2 << (128 - off))
    }
}

/// `|a| divmod |b|` when the quotient is short (at most 62 bits) and `b` long: the quotient is
/// estimated from the leading bits and corrected with one multiply and subtract (linear time).
/// num-bigint's recursive (Burnikel-Ziegler) division copies both operands at every level
/// whatever the quotient's size: pidigits' `//` spent 88% of its time there. None when the
/// operands do not have that shape.
fn short_divrem(a: &BigUint, b: &BigUint) -> Option<(u64, BigUint)> {
    let (abits, bbits) = (a.bits(), b.bits());
    if bbits < SHORT_DIV_MIN_BITS || abits > bbits + 62 {
        return None;
    }
    if abits < bbits {
        return Some((0, a.clone()));
    }
    let s = bbits - 64;
    // bt is in [2^63, 2^64), at below 2^127: the estimate is at most 2 too large, 1 too small.
    let bt = bits_at(b, s) as u64;
    let at = bits_at(a, s);
    let mut q = (at / bt as u128) as u64;
    let mut p = b * q;
    while p > *a {
        q -= 1;
        p -= b;
    }
    let mut r = a - p;
    while r >= *b {
        q += 1;
        r -= b;
    }
    Some((q, r))
}

/// Python's floor division and modulo of big ints (`y` nonzero): the quotient rounds towards
/// minus infinity and the remainder has the divisor's sign.
pub(crate) fn big_div_mod_floor(x: &BigInt, y: &BigInt) -> (BigInt, BigInt) {
    let Some((q, r)) = short_divrem(x.magnitude(), y.magnitude()) else {
        return x.div_mod_floor(y);
    };
    let (sx, sy) = (x.sign(), y.sign());
    if sx != Sign::Minus && sy != Sign::Minus || sx == Sign::Minus && sy == Sign::Minus {
        return (BigInt::from(q), BigInt::from_biguint(sx, r));
    }
    if r.is_zero() {
        return (-BigInt::from(q), BigInt::zero());
    }
    let q = -(BigInt::from(q) + 1u32);
    (q, BigInt::from_biguint(sy, y.magnitude() - r))
}

/// i64 arithmetic; None when the result needs a big int.
fn small_int_op(vm: &mut Vm, op: BinOp, x: i64, y: i64) -> Option<PyResult> {
    const EXACT: u64 = 1 << 53;
    Some(Ok(Value::Int(match op {
        BinOp::Add => x.checked_add(y)?,
        BinOp::Sub => x.checked_sub(y)?,
        BinOp::Mult => x.checked_mul(y)?,
        BinOp::Div => {
            if y == 0 {
                return Some(Err(vm.zero_division("division by zero")));
            }
            if x.unsigned_abs() <= EXACT && y.unsigned_abs() <= EXACT {
                return Some(Ok(Value::Float(x as f64 / y as f64)));
            }
            return None;
        }
        BinOp::FloorDiv if y == 0 => {
            return Some(Err(vm.zero_division("integer division or modulo by zero")))
        }
        BinOp::Mod if y == 0 => return Some(Err(vm.zero_division("integer modulo by zero"))),
        BinOp::FloorDiv => {
            if x == i64::MIN && y == -1 {
                return None;
            }
            Integer::div_floor(&x, &y)
        }
        BinOp::Mod => {
            if y == -1 {
                0
            } else {
                x.mod_floor(&y)
            }
        }
        BinOp::Pow => {
            if y < 0 {
                return Some(float_pow(vm, x as f64, y as f64));
            }
            if y > u32::MAX as i64 {
                return None;
            }
            x.checked_pow(y as u32)?
        }
        BinOp::LShift => {
            if y < 0 {
                return Some(Err(vm.value_error("negative shift count")));
            }
            if y >= 64 {
                if x == 0 {
                    0
                } else {
                    return None;
                }
            } else {
                let r = (x as i128) << y;
                i64::try_from(r).ok()?
            }
        }
        BinOp::RShift => {
            if y < 0 {
                return Some(Err(vm.value_error("negative shift count")));
            }
            x >> y.min(63)
        }
        BinOp::BitAnd => x & y,
        BinOp::BitOr => x | y,
        BinOp::BitXor => x ^ y,
        BinOp::MatMult => return None,
    })))
}

fn big_int_op(vm: &mut Vm, op: BinOp, x: &BigInt, y: &BigInt) -> PyResult {
    Ok(Value::from_bigint(match op {
        BinOp::Add => x + y,
        BinOp::Sub => x - y,
        BinOp::Mult => x * y,
        BinOp::Div => {
            if y.is_zero() {
                return Err(vm.zero_division("division by zero"));
            }
            return match ratio_to_f64(x, y) {
                Some(f) => Ok(Value::Float(f)),
                None => Err(vm.overflow_error("integer division result too large for a float")),
            };
        }
        BinOp::FloorDiv if y.is_zero() => {
            return Err(vm.zero_division("integer division or modulo by zero"))
        }
        BinOp::Mod if y.is_zero() => return Err(vm.zero_division("integer modulo by zero")),
        BinOp::FloorDiv => big_div_mod_floor(x, y).0,
        BinOp::Mod => big_div_mod_floor(x, y).1,
        BinOp::Pow => return big_pow(vm, x, y),
        BinOp::LShift => {
            if y.is_negative() {
                return Err(vm.value_error("negative shift count"));
            }
            if x.is_zero() {
                return Ok(Value::Int(0));
            }
            let n = match y.to_u64() {
                Some(n) => n,
                None => return Err(vm.overflow_error("too many digits in integer")),
            };
            if n.saturating_add(x.bits()) > MAX_RESULT_BITS {
                return Err(vm.err(ExcKind::MemoryError, ""));
            }
            x << (n as usize)
        }
        BinOp::RShift => {
            if y.is_negative() {
                return Err(vm.value_error("negative shift count"));
            }
            match y.to_u64() {
                Some(n) if n < x.bits() => x >> (n as usize),
                _ => {
                    if x.is_negative() {
                        BigInt::from(-1)
                    } else {
                        BigInt::zero()
                    }
                }
            }
        }
        BinOp::BitAnd => x & y,
        BinOp::BitOr => x | y,
        BinOp::BitXor => x ^ y,
        BinOp::MatMult => {
            return Err(vm.type_error("unsupported operand type(s) for @: 'int' and 'int'"))
        }
    }))
}

fn big_pow(vm: &mut Vm, x: &BigInt, y: &BigInt) -> PyResult {
    if y.is_negative() {
        let fx = num_to_f64(vm, Num::B(x))?;
        let fy = num_to_f64(vm, Num::B(y))?;
        return float_pow(vm, fx, fy);
    }
    if y.is_zero() {
        return Ok(Value::Int(1));
    }
    if x.is_zero() || x.is_one() {
        return Ok(Value::from_bigint(x.clone()));
    }
    if *x == BigInt::from(-1) {
        return Ok(Value::Int(if y.is_odd() { -1 } else { 1 }));
    }
    let e = match y.to_u64() {
        Some(e) if e.saturating_mul(x.bits().saturating_sub(1).max(1)) <= MAX_RESULT_BITS => e,
        _ => return Err(vm.err(ExcKind::MemoryError, "")),
    };
    Ok(Value::from_bigint(num_traits::Pow::pow(x, e)))
}

/// CPython's float `**`, including the complex result of a negative base to a fractional power.
pub fn float_pow(vm: &mut Vm, iv: f64, iw: f64) -> PyResult {
    Ok(Value::Float(match float_pow_raw(iv, iw) {
        Ok(r) => r,
        Err(PowErr::ZeroNeg) => {
            return Err(vm.zero_division("0.0 cannot be raised to a negative power"))
        }
        Err(PowErr::Complex) => {
            return complex_pow(vm, (iv, 0.0), (iw, 0.0));
        }
        Err(PowErr::Overflow) => {
            return Err(vm.err_args(
                ExcKind::OverflowError,
                vec![Value::Int(34), Value::str("Numerical result out of range")],
            ))
        }
    }))
}

enum PowErr {
    ZeroNeg,
    Complex,
    Overflow,
}

fn is_odd_integer(w: f64) -> bool {
    libm::fabs(libm::fmod(w, 2.0)) == 1.0
}

/// `x ** y` for floats when the result is a float (None when it raises or is complex): the
/// dispatch loop's fast path, with exactly `float_pow`'s result.
#[inline(never)]
pub(crate) fn float_pow_fast(x: f64, y: f64) -> Option<f64> {
    float_pow_raw(x, y).ok()
}

fn float_pow_raw(iv: f64, iw: f64) -> Result<f64, PowErr> {
    if iw == 0.0 {
        return Ok(1.0);
    }
    if iv.is_nan() {
        return Ok(iv);
    }
    if iw.is_nan() {
        return Ok(if iv == 1.0 { 1.0 } else { iw });
    }
    if iw.is_infinite() {
        let a = libm::fabs(iv);
        return Ok(if a == 1.0 {
            1.0
        } else if (iw > 0.0) == (a > 1.0) {
            libm::fabs(iw)
        } else {
            0.0
        });
    }
    if iv.is_infinite() {
        let odd = is_odd_integer(iw);
        return Ok(if iv > 0.0 {
            if iw > 0.0 {
                iv
            } else {
                0.0
            }
        } else if iw > 0.0 {
            if odd {
                iv
            } else {
                -iv
            }
        } else if odd {
            -0.0
        } else {
            0.0
        });
    }
    if iv == 0.0 {
        if iw < 0.0 {
            return Err(PowErr::ZeroNeg);
        }
        return Ok(if is_odd_integer(iw) { iv } else { 0.0 });
    }
    let mut v = iv;
    let mut negate = false;
    if iv < 0.0 {
        if iw != libm::floor(iw) {
            return Err(PowErr::Complex);
        }
        v = -iv;
        negate = is_odd_integer(iw);
    }
    if v == 1.0 {
        return Ok(if negate { -1.0 } else { 1.0 });
    }
    let r = libm::pow(v, iw);
    if r.is_infinite() {
        return Err(PowErr::Overflow);
    }
    Ok(if negate { -r } else { r })
}

fn float_op(vm: &mut Vm, op: BinOp, a: Num, b: Num) -> Option<PyResult> {
    let x = match num_to_f64(vm, a) {
        Ok(x) => x,
        Err(e) => return Some(Err(e)),
    };
    let y = match num_to_f64(vm, b) {
        Ok(y) => y,
        Err(e) => return Some(Err(e)),
    };
    Some(Ok(Value::Float(match op {
        BinOp::Add => x + y,
        BinOp::Sub => x - y,
        BinOp::Mult => x * y,
        BinOp::Div => {
            if y == 0.0 {
                return Some(Err(vm.zero_division("float division by zero")));
            }
            x / y
        }
        BinOp::FloorDiv => {
            if y == 0.0 {
                return Some(Err(vm.zero_division("float floor division by zero")));
            }
            float_divmod(x, y).0
        }
        BinOp::Mod => {
            if y == 0.0 {
                return Some(Err(vm.zero_division("float modulo")));
            }
            float_mod(x, y)
        }
        BinOp::Pow => return Some(float_pow(vm, x, y)),
        _ => return None,
    })))
}

/// Python's float `%` (`y` non-zero): the result has the sign of `y`.
pub fn float_mod(x: f64, y: f64) -> f64 {
    let m = libm::fmod(x, y);
    if m != 0.0 {
        if (y < 0.0) != (m < 0.0) {
            m + y
        } else {
            m
        }
    } else {
        libm::copysign(0.0, y)
    }
}

/// Python's float `divmod` (`y` non-zero), as CPython computes it.
pub fn float_divmod(vx: f64, wx: f64) -> (f64, f64) {
    let mut m = libm::fmod(vx, wx);
    let mut div = (vx - m) / wx;
    if m != 0.0 {
        if (wx < 0.0) != (m < 0.0) {
            m += wx;
            div -= 1.0;
        }
    } else {
        m = libm::copysign(0.0, wx);
    }
    let fd = if div != 0.0 {
        let mut f = libm::floor(div);
        if div - f > 0.5 {
            f += 1.0;
        }
        f
    } else {
        libm::copysign(0.0, vx / wx)
    };
    (fd, m)
}

fn to_complex(vm: &mut Vm, n: Num) -> PyResult<(f64, f64)> {
    match n {
        Num::C(r, i) => Ok((r, i)),
        _ => Ok((num_to_f64(vm, n)?, 0.0)),
    }
}

fn complex_op(vm: &mut Vm, op: BinOp, a: Num, b: Num) -> Option<PyResult> {
    let x = match to_complex(vm, a) {
        Ok(x) => x,
        Err(e) => return Some(Err(e)),
    };
    let y = match to_complex(vm, b) {
        Ok(y) => y,
        Err(e) => return Some(Err(e)),
    };
    Some(match op {
        BinOp::Add => Ok(Value::complex(x.0 + y.0, x.1 + y.1)),
        BinOp::Sub => Ok(Value::complex(x.0 - y.0, x.1 - y.1)),
        BinOp::Mult => Ok(Value::complex(x.0 * y.0 - x.1 * y.1, x.0 * y.1 + x.1 * y.0)),
        BinOp::Div => match c_quot(x, y) {
            Some((r, i)) => Ok(Value::complex(r, i)),
            None => Err(vm.zero_division("complex division by zero")),
        },
        BinOp::Pow => {
            // An integral int exponent uses repeated multiplication, as CPython does.
            if y.1 == 0.0 && y.0 == libm::floor(y.0) && libm::fabs(y.0) <= 100.0 {
                return Some(complex_powi(vm, x, y.0 as i64));
            }
            complex_pow(vm, x, y)
        }
        _ => return None,
    })
}

/// CPython's complex division (`_Py_c_quot`); None when dividing by zero.
fn c_quot(a: (f64, f64), b: (f64, f64)) -> Option<(f64, f64)> {
    let abs_breal = libm::fabs(b.0);
    let abs_bimag = libm::fabs(b.1);
    if abs_breal >= abs_bimag {
        if abs_breal == 0.0 {
            return None;
        }
        let ratio = b.1 / b.0;
        let denom = b.0 + b.1 * ratio;
        Some(((a.0 + a.1 * ratio) / denom, (a.1 - a.0 * ratio) / denom))
    } else if abs_bimag >= abs_breal {
        let ratio = b.0 / b.1;
        let denom = b.0 * ratio + b.1;
        Some(((a.0 * ratio + a.1) / denom, (a.1 * ratio - a.0) / denom))
    } else {
        Some((f64::NAN, f64::NAN))
    }
}

fn c_prod(a: (f64, f64), b: (f64, f64)) -> (f64, f64) {
    (a.0 * b.0 - a.1 * b.1, a.0 * b.1 + a.1 * b.0)
}

fn complex_powi(vm: &mut Vm, x: (f64, f64), n: i64) -> PyResult {
    if n == 0 {
        return Ok(Value::complex(1.0, 0.0));
    }
    let mut mask: u64 = 1;
    let e = n.unsigned_abs();
    let mut r = (1.0, 0.0);
    let mut p = x;
    while mask > 0 && e >= mask {
        if e & mask != 0 {
            r = c_prod(r, p);
        }
        mask <<= 1;
        p = c_prod(p, p);
    }
    if n < 0 {
        match c_quot((1.0, 0.0), r) {
            Some(q) => r = q,
            None => return Err(vm.zero_division("0.0 to a negative or complex power")),
        }
    }
    if r.0.is_infinite() || r.1.is_infinite() {
        return Err(vm.overflow_error("complex exponentiation"));
    }
    Ok(Value::complex(r.0, r.1))
}

/// Complex `a ** b` (CPython's `_Py_c_pow`), with CPython's errno-derived errors: a cosine or
/// sine of an infinite phase is ZeroDivisionError, an infinite result OverflowError.
pub fn complex_pow(vm: &mut Vm, a: (f64, f64), b: (f64, f64)) -> PyResult {
    let mut edom = false;
    let r = if b.0 == 0.0 && b.1 == 0.0 {
        (1.0, 0.0)
    } else if a.0 == 0.0 && a.1 == 0.0 {
        if b.1 != 0.0 || b.0 < 0.0 {
            edom = true;
        }
        (0.0, 0.0)
    } else {
        let vabs = crate::modmath::hypot(a.0, a.1);
        let mut len = libm::pow(vabs, b.0);
        let at = libm::atan2(a.1, a.0);
        let mut phase = at * b.0;
        if b.1 != 0.0 {
            len /= libm::exp(at * b.1);
            phase += b.1 * libm::log(vabs);
        }
        if phase.is_infinite() {
            edom = true;
        }
        (len * libm::cos(phase), len * libm::sin(phase))
    };
    if edom {
        return Err(vm.zero_division("0.0 to a negative or complex power"));
    }
    if r.0.is_infinite() || r.1.is_infinite() {
        return Err(vm.overflow_error("complex exponentiation"));
    }
    Ok(Value::complex(r.0, r.1))
}

// ----- comparisons ---------------------------------------------------------------------------

/// Exact comparison of an int with a float (None when the float is NaN).
fn cmp_int_float(i: Num, f: f64) -> Option<Ordering> {
    if f.is_nan() {
        return None;
    }
    if f.is_infinite() {
        return Some(if f > 0.0 {
            Ordering::Less
        } else {
            Ordering::Greater
        });
    }
    if let Num::I(x) = i {
        if x.unsigned_abs() <= 1 << 53 {
            return (x as f64).partial_cmp(&f);
        }
    }
    let t = libm::trunc(f);
    let ord = i.to_big().cmp(&f64_to_bigint(t));
    if ord != Ordering::Equal {
        return Some(ord);
    }
    let frac = f - t;
    Some(if frac > 0.0 {
        Ordering::Less
    } else if frac < 0.0 {
        Ordering::Greater
    } else {
        Ordering::Equal
    })
}

/// Compare two numbers: None when either is not a number or either is complex (use
/// `complex_eq` for those); Some(None) when unordered (NaN).
pub fn num_compare(a: &Value, b: &Value) -> Option<Option<Ordering>> {
    if let (Value::Int(x), Value::Int(y)) = (a, b) {
        return Some(Some(x.cmp(y)));
    }
    let x = classify(a)?;
    let y = classify(b)?;
    Some(match (x, y) {
        (Num::C(..), _) | (_, Num::C(..)) => return None,
        (Num::F(p), Num::F(q)) => p.partial_cmp(&q),
        (Num::F(p), i) => cmp_int_float(i, p).map(Ordering::reverse),
        (i, Num::F(q)) => cmp_int_float(i, q),
        (Num::I(p), Num::I(q)) => Some(p.cmp(&q)),
        (p, q) => Some(p.to_big().cmp(&q.to_big())),
    })
}

/// `a == b` when at least one side is complex and both are numbers; None otherwise.
pub fn complex_eq(a: &Value, b: &Value) -> Option<bool> {
    let x = classify(a)?;
    let y = classify(b)?;
    let eq_real = |n: Num, re: f64| match n {
        Num::F(f) => f == re,
        Num::C(..) => false,
        i => cmp_int_float(i, re) == Some(Ordering::Equal),
    };
    match (x, y) {
        (Num::C(r1, i1), Num::C(r2, i2)) => Some(r1 == r2 && i1 == i2),
        (Num::C(r, i), n) | (n, Num::C(r, i)) => Some(i == 0.0 && eq_real(n, r)),
        _ => None,
    }
}

// ----- unary operators -----------------------------------------------------------------------

/// Unary `-`, `+`, `~` on a number; None when it is not a number (or `~` of a float/complex).
pub fn unary(_vm: &mut Vm, which: &str, v: &Value) -> Option<PyResult> {
    let n = classify(v)?;
    Some(Ok(match (which, n) {
        ("-", Num::I(i)) => match i.checked_neg() {
            Some(r) => Value::Int(r),
            None => Value::from_bigint(-BigInt::from(i)),
        },
        ("-", Num::B(b)) => Value::from_bigint(-b.clone()),
        ("-", Num::F(f)) => Value::Float(-f),
        ("-", Num::C(r, i)) => Value::complex(-r, -i),
        ("+", Num::I(i)) => Value::Int(i),
        ("+", Num::B(_) | Num::F(_) | Num::C(..)) => v.clone(),
        ("~", Num::I(i)) => Value::Int(!i),
        ("~", Num::B(b)) => Value::from_bigint(-b.clone() - 1),
        _ => return None,
    }))
}

// ----- dunder helpers shared by int, float and complex -----------------------------------------

/// The numeric value of `self` for a method of the type of `level` (0 int, 1 float, 2 complex),
/// seeing through Python subclasses; TypeError for the wrong kind of object.
pub(crate) fn self_num(vm: &mut Vm, args: &[Value], level: u8, method: &str) -> PyResult<Value> {
    let tname = ["int", "float", "complex"][level.min(2) as usize];
    let v = match args.first() {
        Some(v) => vm.builtin_base(v),
        None => {
            return Err(vm.type_error(format!(
                "descriptor '{}' of '{}' object needs an argument",
                method, tname
            )))
        }
    };
    match classify(&v) {
        Some(n) if n.level() == level => Ok(v),
        _ => {
            let tn = vm.type_name(args.first().unwrap_or(&Value::None));
            Err(vm.type_error(format!(
                "descriptor '{}' for '{}' objects doesn't apply to a '{}' object",
                method, tname, tn
            )))
        }
    }
}

/// An arithmetic dunder (`__add__`, `__radd__`...) of the numeric type of `level`: NotImplemented
/// when the other operand is not a number of that level or lower.
pub(crate) fn num_dunder(
    vm: &mut Vm,
    args: &[Value],
    op: BinOp,
    reflected: bool,
    level: u8,
    method: &str,
) -> PyResult {
    let me = self_num(vm, args, level, method)?;
    if args.len() != 2 {
        return Err(vm.type_error(format!(
            "expected 1 argument, got {}",
            args.len().saturating_sub(1)
        )));
    }
    let other = vm.builtin_base(&args[1]);
    match classify(&other) {
        Some(n) if n.level() <= level => {}
        _ => return Ok(Value::NotImplemented),
    }
    let r = if reflected {
        binop(vm, op, &other, &me)
    } else {
        binop(vm, op, &me, &other)
    };
    r.unwrap_or(Ok(Value::NotImplemented))
}

/// A comparison dunder (`__lt__`...) of the numeric type of `level`.
pub(crate) fn num_cmp_dunder(
    vm: &mut Vm,
    args: &[Value],
    op: CmpOp,
    level: u8,
    method: &str,
) -> PyResult {
    let me = self_num(vm, args, level, method)?;
    if args.len() != 2 {
        return Err(vm.type_error(format!(
            "expected 1 argument, got {}",
            args.len().saturating_sub(1)
        )));
    }
    let other = vm.builtin_base(&args[1]);
    match classify(&other) {
        Some(n) if n.level() <= level.max(1) || level == 2 => {}
        _ => return Ok(Value::NotImplemented),
    }
    if level == 0 && !is_int(&other) {
        return Ok(Value::NotImplemented);
    }
    if level == 2 || matches!(classify(&other), Some(Num::C(..))) {
        let eq = complex_eq(&me, &other).unwrap_or(false);
        return Ok(match op {
            CmpOp::Eq => Value::Bool(eq),
            CmpOp::NotEq => Value::Bool(!eq),
            _ => Value::NotImplemented,
        });
    }
    Ok(match num_compare(&me, &other) {
        Some(Some(o)) => Value::Bool(crate::ops::cmp_holds(op, o)),
        Some(None) => Value::Bool(op == CmpOp::NotEq),
        None => Value::NotImplemented,
    })
}

// ----- numeric builtins ------------------------------------------------------------------------

fn is_user(v: &Value) -> bool {
    matches!(v, Value::Obj(o) if matches!(&**o, PyObject::Instance(_) | PyObject::Native(_)))
}

/// `abs(x)`.
pub fn builtin_abs(vm: &mut Vm, args: &[Value], kwargs: &[(Str, Value)]) -> PyResult {
    no_kwargs(vm, "abs", kwargs)?;
    check_nargs(vm, "abs", args, 1, 1)?;
    let v = &args[0];
    match classify(v) {
        Some(Num::I(i)) => {
            return Ok(match i.checked_abs() {
                Some(a) => Value::Int(a),
                None => Value::from_bigint(BigInt::from(i).abs()),
            })
        }
        Some(Num::B(b)) => return Ok(Value::from_bigint(b.abs())),
        Some(Num::F(f)) => return Ok(Value::Float(libm::fabs(f))),
        Some(Num::C(r, i)) => return crate::objcomplex::complex_abs(vm, r, i),
        None => {}
    }
    if is_user(v) {
        if let Some(r) = vm.call_special(v, "__abs__", &[]) {
            return r;
        }
        let base = vm.builtin_base(v);
        if !base.is(v) && !base.is_none() {
            return builtin_abs(vm, &[base], &[]);
        }
    }
    let tn = vm.type_name(v);
    Err(vm.type_error(format!("bad operand type for abs(): '{}'", tn)))
}

/// `divmod(a, b)` on numbers (ints and floats), None when not applicable.
pub fn num_divmod(vm: &mut Vm, a: &Value, b: &Value) -> Option<PyResult> {
    let x = classify(a)?;
    let y = classify(b)?;
    match x.level().max(y.level()) {
        0 => {
            if let (Num::I(p), Num::I(q)) = (x, y) {
                if q != 0 && !(p == i64::MIN && q == -1) {
                    let (d, m) = p.div_mod_floor(&q);
                    return Some(Ok(vm.new_tuple(vec![Value::Int(d), Value::Int(m)])));
                }
            }
            let (bp, bq);
            let p = match x {
                Num::B(b) => b,
                n => {
                    bp = n.to_big();
                    &bp
                }
            };
            let q = match y {
                Num::B(b) => b,
                n => {
                    bq = n.to_big();
                    &bq
                }
            };
            if q.is_zero() {
                return Some(Err(vm.zero_division("integer division or modulo by zero")));
            }
            let (d, m) = big_div_mod_floor(p, q);
            Some(Ok(vm.new_tuple(vec![
                Value::from_bigint(d),
                Value::from_bigint(m),
            ])))
        }
        1 => {
            let p = match num_to_f64(vm, x) {
                Ok(p) => p,
                Err(e) => return Some(Err(e)),
            };
            let q = match num_to_f64(vm, y) {
                Ok(q) => q,
                Err(e) => return Some(Err(e)),
            };
            if q == 0.0 {
                return Some(Err(vm.zero_division("float divmod()")));
            }
            let (d, m) = float_divmod(p, q);
            Some(Ok(vm.new_tuple(vec![Value::Float(d), Value::Float(m)])))
        }
        _ => None,
    }
}

/// `divmod(a, b)`.
pub fn builtin_divmod(vm: &mut Vm, args: &[Value], kwargs: &[(Str, Value)]) -> PyResult {
    no_kwargs(vm, "divmod", kwargs)?;
    check_nargs(vm, "divmod", args, 2, 2)?;
    let (a, b) = (&args[0], &args[1]);
    if !is_user(a) && !is_user(b) {
        if let Some(r) = num_divmod(vm, a, b) {
            return r;
        }
    }
    if is_user(a) {
        if let Some(r) = vm.call_special(a, "__divmod__", core::slice::from_ref(b)) {
            let r = r?;
            if !matches!(r, Value::NotImplemented) {
                return Ok(r);
            }
        }
    }
    if is_user(b) {
        if let Some(r) = vm.call_special(b, "__rdivmod__", core::slice::from_ref(a)) {
            let r = r?;
            if !matches!(r, Value::NotImplemented) {
                return Ok(r);
            }
        }
    }
    let (ba, bb) = (vm.builtin_base(a), vm.builtin_base(b));
    if (!ba.is(a) || !bb.is(b)) && !is_user(&ba) && !is_user(&bb) {
        if let Some(r) = num_divmod(vm, &ba, &bb) {
            return r;
        }
    }
    let (na, nb) = (vm.type_name(a), vm.type_name(b));
    Err(vm.type_error(format!(
        "unsupported operand type(s) for divmod(): '{}' and '{}'",
        na, nb
    )))
}

/// The modular inverse of `a` modulo `m` (m > 0), if it exists.
fn mod_inverse(a: &BigInt, m: &BigInt) -> Option<BigInt> {
    let a = a.mod_floor(m);
    let e = a.extended_gcd(m);
    if !e.gcd.is_one() {
        return None;
    }
    Some(e.x.mod_floor(m))
}

/// `pow(base, exp[, mod])`.
pub fn builtin_pow(vm: &mut Vm, args: &[Value], kwargs: &[(Str, Value)]) -> PyResult {
    let a = parse_args(vm, "pow", args, kwargs, &["base", "exp", "mod"], 0, 3, 2)?;
    let base = a[0].clone().unwrap_or(Value::None);
    let exp = a[1].clone().unwrap_or(Value::None);
    let m = match &a[2] {
        None | Some(Value::None) => return vm.binary_op(&base, &exp, BinOp::Pow),
        Some(m) => m.clone(),
    };
    let (bb, be, bm) = (
        vm.builtin_base(&base),
        vm.builtin_base(&exp),
        vm.builtin_base(&m),
    );
    if !(is_int(&bb) && is_int(&be) && is_int(&bm)) {
        if is_user(&base) {
            if let Some(r) = vm.call_special(&base, "__pow__", &[exp.clone(), m.clone()]) {
                let r = r?;
                if !matches!(r, Value::NotImplemented) {
                    return Ok(r);
                }
            }
        }
        if classify(&bb).is_some() && classify(&be).is_some() && classify(&bm).is_some() {
            return Err(
                vm.type_error("pow() 3rd argument not allowed unless all arguments are integers")
            );
        }
        let (n1, n2, n3) = (vm.type_name(&base), vm.type_name(&exp), vm.type_name(&m));
        return Err(vm.type_error(format!(
            "unsupported operand type(s) for ** or pow(): '{}', '{}', '{}'",
            n1, n2, n3
        )));
    }
    let (x, e, md) = (to_bigint_of(&bb), to_bigint_of(&be), to_bigint_of(&bm));
    if md.is_zero() {
        return Err(vm.value_error("pow() 3rd argument cannot be 0"));
    }
    let neg_mod = md.is_negative();
    let am = md.abs();
    if am.is_one() {
        return Ok(Value::Int(0));
    }
    let (x, e) = if e.is_negative() {
        match mod_inverse(&x, &am) {
            Some(inv) => (inv, -e),
            None => return Err(vm.value_error("base is not invertible for the given modulus")),
        }
    } else {
        (x, e)
    };
    let mut r = x.mod_floor(&am).modpow(&e, &am);
    if neg_mod && !r.is_zero() {
        r -= &am;
    }
    Ok(Value::from_bigint(r))
}

fn to_bigint_of(v: &Value) -> BigInt {
    match classify(v) {
        Some(n @ (Num::I(_) | Num::B(_))) => n.to_big(),
        _ => BigInt::zero(),
    }
}

/// `round(number, ndigits=None)`.
pub fn builtin_round(vm: &mut Vm, args: &[Value], kwargs: &[(Str, Value)]) -> PyResult {
    let a = parse_args(vm, "round", args, kwargs, &["number", "ndigits"], 0, 2, 1)?;
    let x = a[0].clone().unwrap_or(Value::None);
    let nd = a[1].clone().unwrap_or(Value::None);
    match classify(&x) {
        Some(Num::I(_) | Num::B(_)) => return crate::objint::int_round(vm, &x, &nd),
        Some(Num::F(f)) => return crate::objfloat::float_round(vm, f, &nd),
        _ => {}
    }
    let extra: &[Value] = if a[1].is_some() {
        core::slice::from_ref(&nd)
    } else {
        &[]
    };
    if let Some(r) = vm.call_special(&x, "__round__", extra) {
        return r;
    }
    let tn = vm.type_name(&x);
    Err(vm.type_error(format!("type {} doesn't define __round__ method", tn)))
}

fn radix_builtin(
    vm: &mut Vm,
    args: &[Value],
    kwargs: &[(Str, Value)],
    name: &str,
    radix: u32,
) -> PyResult {
    no_kwargs(vm, name, kwargs)?;
    check_nargs(vm, name, args, 1, 1)?;
    let v = to_int_value(vm, &args[0])?;
    Ok(Value::string(crate::objint::int_to_radix(&v, radix, true)))
}

/// `bin(x)`.
pub fn builtin_bin(vm: &mut Vm, args: &[Value], kwargs: &[(Str, Value)]) -> PyResult {
    radix_builtin(vm, args, kwargs, "bin", 2)
}

/// `oct(x)`.
pub fn builtin_oct(vm: &mut Vm, args: &[Value], kwargs: &[(Str, Value)]) -> PyResult {
    radix_builtin(vm, args, kwargs, "oct", 8)
}

/// `hex(x)`.
pub fn builtin_hex(vm: &mut Vm, args: &[Value], kwargs: &[(Str, Value)]) -> PyResult {
    radix_builtin(vm, args, kwargs, "hex", 16)
}

/// The message of an exception (`str(exc)` for str and int arguments), for tests and diagnostics.
pub fn err_text(e: &PyErr) -> String {
    if let Some(st) = crate::exceptions::exc_state(&e.0) {
        if let Some(t) = st.borrow().args.as_tuple() {
            let one = |v: &Value, quote: bool| match v {
                Value::Str(s) if quote => format!("'{}'", s.as_str()),
                Value::Str(s) => String::from(s.as_str()),
                Value::Int(i) => format!("{}", i),
                _ => String::from("?"),
            };
            return match t.len() {
                0 => String::new(),
                1 => one(&t[0], false),
                _ => {
                    let parts: Vec<String> = t.iter().map(|v| one(v, true)).collect();
                    format!("({})", parts.join(", "))
                }
            };
        }
    }
    String::new()
}

#[cfg(test)]
pub(crate) mod tests {
    extern crate std;
    use super::*;
    use crate::port::NullPort;
    use crate::VmConfig;
    use alloc::boxed::Box;
    use alloc::string::ToString;

    pub(crate) fn new_vm() -> Vm {
        Vm::new(VmConfig::default(), Box::new(NullPort::default()))
    }

    /// A value from its Python repr (ints, floats, bools, complex).
    pub(crate) fn val(vm: &mut Vm, s: &str) -> Value {
        match s {
            "True" => return Value::Bool(true),
            "False" => return Value::Bool(false),
            _ => {}
        }
        if let Some(rest) = s.strip_prefix('-').filter(|r| r.contains('j')) {
            let v = val(vm, rest);
            return unary(vm, "-", &v).expect("number").expect("negation");
        }
        if s.contains('j') {
            let (r, i) = crate::objcomplex::complex_from_str(s).expect("complex literal");
            return Value::complex(r, i);
        }
        if s.contains(['.', 'e', 'n']) {
            return Value::Float(crate::objfloat::float_from_str(s).expect("float literal"));
        }
        crate::objint::int_from_str(vm, s, 10).expect("int literal")
    }

    /// `type:repr` of a numeric result, or `E:Type: message`.
    pub(crate) fn show(vm: &mut Vm, r: PyResult) -> String {
        match r {
            Ok(v) => show_val(vm, &v),
            Err(e) => format!("E:{}: {}", vm.type_name(&e.0), err_text(&e)),
        }
    }

    fn show_val(vm: &mut Vm, v: &Value) -> String {
        let tn = vm.type_name(v);
        format!("{}:{}", tn, repr_num(v))
    }

    pub(crate) fn repr_num(v: &Value) -> String {
        match v {
            Value::Bool(b) => (if *b { "True" } else { "False" }).to_string(),
            Value::Float(f) => crate::objfloat::float_repr(*f),
            Value::Obj(o) => match &**o {
                PyObject::Complex(r, i) => crate::objcomplex::complex_repr(*r, *i),
                PyObject::Tuple(t) => {
                    let parts: Vec<String> = t.iter().map(repr_num).collect();
                    format!("({})", parts.join(", "))
                }
                PyObject::BigInt(_) => crate::objint::int_repr(v),
                _ => "?".to_string(),
            },
            Value::Int(_) => crate::objint::int_repr(v),
            _ => "?".to_string(),
        }
    }

    fn op_of(s: &str) -> BinOp {
        match s {
            "+" => BinOp::Add,
            "-" => BinOp::Sub,
            "*" => BinOp::Mult,
            "/" => BinOp::Div,
            "//" => BinOp::FloorDiv,
            "%" => BinOp::Mod,
            "**" => BinOp::Pow,
            "<<" => BinOp::LShift,
            ">>" => BinOp::RShift,
            "&" => BinOp::BitAnd,
            "|" => BinOp::BitOr,
            "^" => BinOp::BitXor,
            _ => BinOp::MatMult,
        }
    }

    /// Check `a op b` lines of `a\top\tb\texpected`.
    pub(crate) fn check_table(table: &str) -> usize {
        let mut vm = new_vm();
        let mut failures = Vec::new();
        let mut n = 0;
        for line in table.lines().filter(|l| !l.trim().is_empty()) {
            let parts: Vec<&str> = line.split('\t').collect();
            let (a, op, b, want) = (parts[0], parts[1], parts[2], parts[3]);
            let (x, y) = (val(&mut vm, a), val(&mut vm, b));
            let got = match binop(&mut vm, op_of(op), &x, &y) {
                None => "None".to_string(),
                Some(r) => show(&mut vm, r),
            };
            n += 1;
            if got != want {
                failures.push(format!("{} {} {}: got {} want {}", a, op, b, got, want));
            }
        }
        assert!(
            failures.is_empty(),
            "{} failures:\n{}",
            failures.len(),
            failures.join("\n")
        );
        n
    }

    #[test]
    #[ignore]
    fn binop_table_from_file() {
        let path = std::env::var("NUM_TABLE").unwrap_or_else(|_| "/tmp/numgen/binops.tsv".into());
        let text = std::fs::read_to_string(path).expect("table");
        check_table(&text);
    }
    #[test]
    fn binops_sample() {
        check_table(concat!(
            "9223372036854775807\t+\t1\tint:9223372036854775808\n",
            "-9223372036854775808\t//\t-1\tint:9223372036854775808\n",
            "-9223372036854775808\t%\t-1\tint:0\n",
            "True\t+\tTrue\tint:2\n",
            "True\t&\tFalse\tbool:False\n",
            "True\t^\t1\tint:0\n",
            "7\t//\t-2\tint:-4\n",
            "-7\t%\t2\tint:1\n",
            "1\t/\t3\tfloat:0.3333333333333333\n",
            "123456789012345678901234567890\t/\t7\tfloat:1.763668414462081e+28\n",
            "1\t/\t0\tE:ZeroDivisionError: division by zero\n",
            "1\t%\t0\tE:ZeroDivisionError: integer modulo by zero\n",
            "2\t**\t-1\tfloat:0.5\n",
            "0\t**\t-1\tE:ZeroDivisionError: 0.0 cannot be raised to a negative power\n",
            "2\t**\t100\tint:1267650600228229401496703205376\n",
            "1\t<<\t-1\tE:ValueError: negative shift count\n",
            "-18446744073709551617\t>>\t1\tint:-9223372036854775809\n",
            "-18446744073709551617\t&\t18446744073709551615\tint:18446744073709551615\n",
            "-7.0\t%\t2\tfloat:1.0\n",
            "7.0\t%\t-0.0\tE:ZeroDivisionError: float modulo\n",
            "-0.0\t%\t5\tfloat:0.0\n",
            "1e+300\t*\t1e+300\tfloat:inf\n",
            "-8.0\t**\t0.5\tcomplex:(1.7319121124709868e-16+2.8284271247461903j)\n",
            "(1+2j)\t/\t0\tE:ZeroDivisionError: complex division by zero\n",
            "(1+2j)\t*\t(1+2j)\tcomplex:(-3+4j)\n",
            "1.5\t&\t1\tNone\n",
        ));
    }

    #[test]
    fn int_float_comparisons_are_exact() {
        let cases: &[(&str, &str, bool, bool, bool)] = &[
            ("1", "1.0", false, true, false),
            ("9007199254740993", "9007199254740992.0", false, false, true),
            ("9007199254740993", "9007199254740994.0", true, false, false),
            (
                "-9223372036854775808",
                "-9.223372036854776e+18",
                false,
                true,
                false,
            ),
            (
                "123456789012345678901234567890",
                "1.2345678901234568e+29",
                false,
                false,
                true,
            ),
            ("1", "nan", false, false, false),
            ("1", "inf", true, false, false),
            ("-18446744073709551617", "-inf", false, false, true),
            ("True", "1.0", false, true, false),
            ("2", "1.5", false, false, true),
            ("-2", "-1.5", true, false, false),
            (
                "18446744073709551616",
                "18446744073709551616",
                false,
                true,
                false,
            ),
            ("0.5", "0.25", false, false, true),
        ];
        let mut vm = new_vm();
        for (a, b, lt, eq, gt) in cases {
            let (x, y) = (val(&mut vm, a), val(&mut vm, b));
            let o = num_compare(&x, &y).expect("numbers");
            assert_eq!(
                (
                    o == Some(Ordering::Less),
                    o == Some(Ordering::Equal),
                    o == Some(Ordering::Greater)
                ),
                (*lt, *eq, *gt),
                "{} vs {}",
                a,
                b
            );
            let r = num_compare(&y, &x).expect("numbers");
            assert_eq!(r, o.map(Ordering::reverse));
        }
        let c = Value::complex(1.0, 0.0);
        assert_eq!(num_compare(&c, &Value::Int(1)), None);
        assert_eq!(complex_eq(&c, &Value::Int(1)), Some(true));
        assert_eq!(
            complex_eq(&Value::complex(1.0, 1.0), &Value::Float(1.0)),
            Some(false)
        );
        assert_eq!(complex_eq(&Value::Int(1), &Value::Int(1)), None);
    }

    #[test]
    fn unary_ops() {
        let mut vm = new_vm();
        let r = unary(&mut vm, "-", &Value::Int(i64::MIN)).expect("num");
        assert_eq!(show(&mut vm, r), "int:9223372036854775808");
        let r = unary(&mut vm, "-", &Value::Bool(true)).expect("num");
        assert_eq!(show(&mut vm, r), "int:-1");
        let r = unary(&mut vm, "~", &Value::Bool(false)).expect("num");
        assert_eq!(show(&mut vm, r), "int:-1");
        assert!(unary(&mut vm, "~", &Value::Float(1.0)).is_none());
        let r = unary(&mut vm, "-", &Value::complex(0.0, 1.0)).expect("num");
        assert_eq!(show(&mut vm, r), "complex:(-0-1j)");
    }

    #[test]
    fn numeric_builtins() {
        let mut vm = new_vm();
        let cases: &[(NativeFnT, &[&str], &str)] = &[
            (
                builtin_abs,
                &["-9223372036854775808"],
                "int:9223372036854775808",
            ),
            (builtin_abs, &["(3+4j)"], "float:5.0"),
            (builtin_abs, &["-0.0"], "float:0.0"),
            (builtin_divmod, &["-7", "2"], "tuple:(-4, 1)"),
            (builtin_divmod, &["7.5", "-2"], "tuple:(-4.0, -0.5)"),
            (
                builtin_divmod,
                &["1", "0"],
                "E:ZeroDivisionError: integer division or modulo by zero",
            ),
            (
                builtin_divmod,
                &["1.0", "0"],
                "E:ZeroDivisionError: float divmod()",
            ),
            (builtin_pow, &["3", "-1", "7"], "int:5"),
            (builtin_pow, &["2", "10", "-7"], "int:-5"),
            (
                builtin_pow,
                &["2", "-1", "4"],
                "E:ValueError: base is not invertible for the given modulus",
            ),
            (
                builtin_pow,
                &["2", "3", "0"],
                "E:ValueError: pow() 3rd argument cannot be 0",
            ),
            (
                builtin_pow,
                &["2.0", "3", "5"],
                "E:TypeError: pow() 3rd argument not allowed unless all arguments are integers",
            ),
            (
                builtin_pow,
                &["123456789012345678901234567890", "65537", "1000000007"],
                "int:921051386",
            ),
            (builtin_round, &["2.5"], "int:2"),
            (builtin_round, &["2.675", "2"], "float:2.67"),
            (builtin_round, &["-0.5", "0"], "float:-0.0"),
            (builtin_round, &["1234", "-2"], "int:1200"),
            (builtin_bin, &["-5"], "str:-0b101"),
            (builtin_oct, &["8"], "str:0o10"),
            (
                builtin_hex,
                &["-123456789012345678901234567890"],
                "str:-0x18ee90ff6c373e0ee4e3f0ad2",
            ),
            (builtin_hex, &["True"], "str:0x1"),
        ];
        for (f, args, want) in cases {
            let argv: Vec<Value> = args.iter().map(|a| val(&mut vm, a)).collect();
            let got = match f(&mut vm, &argv, &[]) {
                Ok(Value::Str(s)) => format!("str:{}", s.as_str()),
                r => show(&mut vm, r),
            };
            assert_eq!(got, *want, "{:?}", args);
        }
    }

    type NativeFnT = crate::value::NativeFn;

    #[test]
    fn ratio_rounding() {
        let big = |s: &str| s.parse::<BigInt>().expect("big");
        assert_eq!(ratio_to_f64(&big("1"), &big("3")), Some(1.0 / 3.0));
        // 2**1024 / 1 overflows; (2**1024 - 2**970) / 1 rounds to the maximum float.
        assert_eq!(
            ratio_to_f64(&(BigInt::one() << 1024usize), &BigInt::one()),
            None
        );
        let near_max = (BigInt::one() << 1024usize) - (BigInt::one() << 971usize);
        assert_eq!(ratio_to_f64(&near_max, &BigInt::one()), Some(f64::MAX));
        assert_eq!(
            ratio_to_f64(&BigInt::one(), &(BigInt::one() << 1074usize)),
            Some(5e-324)
        );
        assert_eq!(
            ratio_to_f64(&BigInt::one(), &(BigInt::one() << 1076usize)),
            Some(0.0)
        );
        assert_eq!(
            ratio_to_f64(
                &big("-10000000000000000000000000000001"),
                &big("10000000000000000000000000000000")
            ),
            Some(-1.0)
        );
    }

    #[test]
    fn short_quotient_division_matches_num_bigint() {
        // Divisors around the fast path's threshold, quotients of 0 to 200 bits, exact
        // multiples and their neighbours, every sign combination.
        let mut seed: u64 = 0x1234_5678;
        let mut rnd = |bits: u64| -> BigInt {
            let mut v = BigInt::zero();
            for _ in 0..bits.div_ceil(64) {
                seed = seed
                    .wrapping_mul(6364136223846793005)
                    .wrapping_add(1442695040888963407);
                v = (v << 64usize) + BigInt::from(seed);
            }
            v >> ((64 - bits % 64) % 64) as usize
        };
        for nb in [2000u64, 2047, 2048, 2049, 4100, 9000] {
            for k in [0u64, 1, 31, 61, 62, 63, 64, 200] {
                let b = rnd(nb) | (BigInt::one() << (nb - 1) as usize) | BigInt::one();
                let a = rnd(nb + k);
                let m = &b * (&a >> nb as usize);
                for a in [a.clone(), m.clone(), &m - 1, &m + 1, &b - 1, b.clone()] {
                    for (x, y) in [(&a, &b), (&-&a, &b), (&a, &-&b), (&-&a, &-&b)] {
                        let (x, y) = (x.clone(), y.clone());
                        assert_eq!(big_div_mod_floor(&x, &y), x.div_mod_floor(&y));
                    }
                }
            }
        }
    }
}

#[cfg(test)]
mod perf {
    extern crate std;
    use super::tests::new_vm;
    use super::*;

    #[test]
    #[ignore]
    fn big_repr_speed() {
        let mut vm = new_vm();
        let t = std::time::Instant::now();
        let v = binop(&mut vm, BinOp::Pow, &Value::Int(2), &Value::Int(100_000))
            .expect("num")
            .expect("pow");
        let s = crate::objint::int_repr(&v);
        std::println!("2**100000: {} digits in {:?}", s.len(), t.elapsed());
        let t = std::time::Instant::now();
        let v = binop(&mut vm, BinOp::Pow, &Value::Int(3), &Value::Int(1_000_000))
            .expect("num")
            .expect("pow");
        let s = crate::objint::int_repr(&v);
        std::println!("3**1000000: {} digits in {:?}", s.len(), t.elapsed());
        let t = std::time::Instant::now();
        let back = crate::objint::int_from_str(&mut vm, &s, 10).expect("parse");
        std::println!(
            "parse back in {:?} eq={}",
            t.elapsed(),
            num_compare(&back, &v) == Some(Some(Ordering::Equal))
        );
    }
}
